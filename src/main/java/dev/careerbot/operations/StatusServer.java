package dev.careerbot.operations;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.careerbot.channel.ChatAdapter;
import dev.careerbot.state.StoreHealth;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code GET /healthz} and {@code GET /metrics} on one address with the JDK's HTTP server.
 * {@code /healthz} answers 200 and {@code ok} while every enabled adapter is connected and the bot
 * is not shutting down, else 503; the body lists each adapter as {@code name: connected} or
 * {@code name: NOT connected}. {@code /metrics} is the Prometheus text exposition.
 */
final class StatusServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StatusServer.class);
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    private static final String PLAIN_TEXT = "text/plain; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<ChatAdapter> adapters;
    private final Supplier<String> metrics;
    private final BooleanSupplier shuttingDown;
    private final Supplier<StoreHealth> state;

    private StatusServer(HttpServer server, ExecutorService executor, List<ChatAdapter> adapters,
            Supplier<String> metrics, BooleanSupplier shuttingDown, Supplier<StoreHealth> state) {
        this.server = server;
        this.executor = executor;
        this.adapters = List.copyOf(adapters);
        this.metrics = metrics;
        this.shuttingDown = shuttingDown;
        this.state = state;
    }

    /**
     * Binds the address and starts serving.
     *
     * @param host an IP address or {@code localhost}
     * @param port the port, 0 for any free one (see {@link #port()})
     * @param adapters every enabled adapter, started or not
     * @param metrics the Prometheus text, computed per request
     * @param shuttingDown true once shutdown began (health then reports 503)
     * @param state the shared state store's health: a Redis that cannot be reached makes the
     *     answer "degraded" (still 200: the bot answers, without shared context); the memory
     *     store is not shown
     * @throws HealthException when the address cannot be bound
     */
    public static StatusServer start(String host, int port, List<ChatAdapter> adapters, Supplier<String> metrics,
            BooleanSupplier shuttingDown, Supplier<StoreHealth> state) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(host), port), 16);
        } catch (IOException e) {
            throw new HealthException("cannot listen on " + host + ":" + port + " for /healthz and /metrics ("
                    + e.getMessage() + "): pick a free port in http.address, or set http.enabled: false", e);
        }
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(2, task -> {
            Thread thread = new Thread(task, "careerbot-http-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        StatusServer status = new StatusServer(server, executor, adapters, metrics, shuttingDown, state);
        server.setExecutor(executor);
        server.createContext("/", status::handle);
        server.start();
        log.info("Serving /healthz and /metrics on http://{}:{}", host, status.port());
        return status;
    }

    /** The port actually bound. */
    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, PLAIN_TEXT, "only GET and HEAD are served here\n");
                return;
            }
            switch (path) {
                case "/healthz" -> health(exchange);
                case "/metrics" -> send(exchange, 200, PROMETHEUS_TEXT, metrics.get());
                default -> send(exchange, 404, PLAIN_TEXT, "not found: try /healthz or /metrics\n");
            }
        } catch (IOException | RuntimeException failure) {
            log.warn("Could not answer an HTTP request: {}", failure.toString());
        }
    }

    private void health(HttpExchange exchange) throws IOException {
        StringBuilder body = new StringBuilder();
        boolean healthy = true;
        if (shuttingDown.getAsBoolean()) {
            healthy = false;
            body.append("shutting down\n");
        }
        for (ChatAdapter adapter : adapters) {
            boolean connected = connected(adapter);
            healthy &= connected;
            String detail = detail(adapter);
            body.append(adapter.name()).append(connected ? ": connected" : ": NOT connected")
                    .append(detail.isEmpty() ? "" : " (" + detail + ")").append('\n');
        }
        if (adapters.isEmpty()) {
            body.append("no adapter is enabled\n");
        }
        StoreHealth store = state.get();
        if (!store.kind().equals("memory")) {
            body.append("state: ").append(store.detail()).append(store.degraded() ? " (degraded)\n" : "\n");
        }
        String verdict = !healthy ? "unhealthy\n" : store.degraded() ? "degraded\n" : "ok\n";
        send(exchange, healthy ? 200 : 503, PLAIN_TEXT, verdict + body);
    }

    private static String detail(ChatAdapter adapter) {
        try {
            return adapter.healthDetail();
        } catch (RuntimeException failure) {
            return "";
        }
    }

    private static boolean connected(ChatAdapter adapter) {
        try {
            return adapter.connected();
        } catch (RuntimeException failure) {
            log.warn("{} adapter failed to say whether it is connected: {}", adapter.name(), failure.toString());
            return false;
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** Stops serving at once. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
