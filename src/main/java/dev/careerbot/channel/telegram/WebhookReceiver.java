package dev.careerbot.channel.telegram;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * The HTTP endpoint Telegram posts updates to in webhook mode, usually behind a reverse proxy
 * that terminates TLS. Served by the JDK's own HTTP server ({@code com.sun.net.httpserver}), as
 * {@code /healthz} is: a handful of small POSTs a second needs no framework, and TelegramBots'
 * own webhook module would bring Jetty and Jersey into the jar.
 *
 * <p>Only {@code POST} to the configured path is taken. The {@code X-Telegram-Bot-Api-Secret-Token}
 * header must equal the configured secret (compared in constant time); anything else gets 401 and a
 * log line without its body. A body over {@link #MAX_BODY_BYTES} gets 413, malformed JSON 400. An
 * update that parses is answered 200 at once and handed to the consumer on a worker thread; when
 * the bounded queue is full the answer is 503, and Telegram sends the update again later.
 */
final class WebhookReceiver implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookReceiver.class);
    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    /** Telegram's updates are a few kilobytes; a megabyte leaves room and stops a flood. */
    static final int MAX_BODY_BYTES = 1 << 20;
    private static final int QUEUE = 1000;

    private final HttpServer server;
    private final ExecutorService http;
    private final ThreadPoolExecutor handing;
    private final String path;
    private final byte[] secret;
    private final Consumer<Update> consumer;
    private final ObjectMapper json = new ObjectMapper();

    private WebhookReceiver(HttpServer server, ExecutorService http, String path, String secret,
            Consumer<Update> consumer) {
        this.server = server;
        this.http = http;
        this.path = path;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.consumer = consumer;
        this.handing = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE),
                new DaemonThreads("telegram-webhook-intake"));
    }

    /**
     * Listens on the address and starts taking updates.
     *
     * @param host the address to bind, such as 127.0.0.1 behind a reverse proxy
     * @param port the port, 0 for any free one
     * @param path the path Telegram posts to (the public URL's path)
     * @param secret what the secret-token header must carry
     * @param consumer takes each update; called on one intake thread, in arrival order
     * @throws TelegramException when the address cannot be bound
     */
    static WebhookReceiver start(String host, int port, String path, String secret, Consumer<Update> consumer) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(host), port), 64);
        } catch (IOException e) {
            throw new TelegramException("cannot listen on " + host + ":" + port + " for the Telegram webhook ("
                    + e.getMessage() + "): pick a free address in adapters.telegram.webhook_listen");
        }
        ExecutorService http = Executors.newFixedThreadPool(4, new DaemonThreads("telegram-webhook"));
        WebhookReceiver receiver = new WebhookReceiver(server, http, path.isEmpty() ? "/" : path, secret, consumer);
        server.setExecutor(http);
        server.createContext("/", receiver::handle);
        server.start();
        return receiver;
    }

    /** The port actually bound. */
    int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            String from = exchange.getRemoteAddress() == null ? "?" : exchange.getRemoteAddress().getAddress()
                    .getHostAddress();
            if (!exchange.getRequestURI().getPath().equals(path)) {
                answer(exchange, 404, "not found\n");
                return;
            }
            if (!exchange.getRequestMethod().equals("POST")) {
                exchange.getResponseHeaders().set("Allow", "POST");
                answer(exchange, 405, "only POST\n");
                return;
            }
            String offered = exchange.getRequestHeaders().getFirst(SECRET_HEADER);
            if (offered == null || !MessageDigest.isEqual(secret, offered.getBytes(StandardCharsets.UTF_8))) {
                LOG.warn("Refused a webhook request from {}: {} secret token (body not read)", from,
                        offered == null ? "no" : "a wrong");
                answer(exchange, 401, "unauthorized\n");
                return;
            }
            byte[] body = readAtMost(exchange.getRequestBody(), MAX_BODY_BYTES);
            if (body == null) {
                LOG.warn("Refused a webhook request from {}: body over {} bytes", from, MAX_BODY_BYTES);
                answer(exchange, 413, "too large\n");
                return;
            }
            Update update;
            try {
                update = json.readValue(body, Update.class);
            } catch (JacksonException malformed) {
                LOG.warn("Refused a webhook request from {}: not an update ({})", from,
                        malformed.getOriginalMessage());
                answer(exchange, 400, "not a Telegram update\n");
                return;
            }
            try {
                handing.execute(() -> hand(update));
            } catch (RejectedExecutionException full) {
                LOG.warn("Webhook intake full ({} updates waiting); Telegram will send update {} again",
                        QUEUE, update.getUpdateId());
                answer(exchange, 503, "busy\n");
                return;
            }
            answer(exchange, 200, "");
        } catch (IOException | RuntimeException failure) {
            LOG.warn("Could not answer a webhook request: {}", failure.toString());
        }
    }

    private void hand(Update update) {
        try {
            consumer.accept(update);
        } catch (RuntimeException failure) {
            LOG.error("Skipped webhook update {} that could not be handled: {}", update.getUpdateId(),
                    failure.toString());
        }
    }

    /** The body, or null when it is longer than {@code limit}. */
    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        byte[] body = in.readNBytes(limit + 1);
        if (body.length > limit) {
            return null;
        }
        return body;
    }

    private static void answer(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /**
     * Stops taking requests at once, then lets the updates already answered 200 reach the
     * consumer for up to {@code grace}: Telegram will not send those again.
     */
    void close(Duration grace) {
        server.stop(0);
        http.shutdownNow();
        handing.shutdown();
        try {
            if (!handing.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("{} webhook update(s) were still waiting at close and are lost", handing.getQueue().size());
                handing.shutdownNow();
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            handing.shutdownNow();
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }
}
