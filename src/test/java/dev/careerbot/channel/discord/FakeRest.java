package dev.careerbot.channel.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Discord's REST API on 127.0.0.1, the routes the adapter uses: {@code GET /users/@me},
 * {@code GET /gateway/bot}, {@code PUT /applications/{id}/commands},
 * {@code POST /channels/{id}/messages}, {@code POST /interactions/{id}/{token}/callback} and the
 * interaction webhooks. It records every call and can answer the next matching call with a
 * scripted error (a 429 with {@code Retry-After} and {@code Via}, a 403 with code 50013, ...).
 */
final class FakeRest implements AutoCloseable {

    /** One request as the fake received it. */
    record Call(String method, String path, JsonNode body, long atNanos) {
        boolean is(String verb, String pathPrefix) {
            return method.equals(verb) && path.startsWith(pathPrefix);
        }

        String content() {
            return body == null ? "" : body.path("content").asText();
        }
    }

    private record Scripted(String method, String pathPrefix, int status, Map<String, String> headers, String body) {}

    private final String token;
    private final Supplier<String> gatewayUrl;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final List<Call> calls = new ArrayList<>();
    private final Deque<Scripted> scripted = new ArrayDeque<>();
    private final AtomicLong ids = new AtomicLong(0x200000);

    FakeRest(String token, Supplier<String> gatewayUrl) throws IOException {
        this.token = token;
        this.gatewayUrl = gatewayUrl;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v10/";
    }

    /** The next call with this method and path prefix gets this answer instead of the normal one. */
    void failNext(String method, String pathPrefix, int status, Map<String, String> headers, String body) {
        synchronized (scripted) {
            scripted.add(new Scripted(method, pathPrefix, status, headers, body));
        }
    }

    List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    List<Call> calls(String method, String pathPrefix) {
        return calls().stream().filter(call -> call.is(method, pathPrefix)).toList();
    }

    /** Waits until at least {@code count} calls match, and returns them. */
    List<Call> await(Predicate<Call> matching, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (calls) {
            while (true) {
                List<Call> found = calls.stream().filter(matching).toList();
                if (found.size() >= count) {
                    return found;
                }
                long left = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
                if (left <= 0) {
                    throw new AssertionError("expected " + count + " matching REST calls, got " + found.size()
                            + "; all calls: " + calls.stream().map(c -> c.method() + " " + c.path()).toList());
                }
                calls.wait(left);
            }
        }
    }

    /** Waits until at least {@code count} calls with this method and path prefix arrived. */
    void awaitCount(String method, String pathPrefix, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (calls) {
            while (true) {
                int found = 0;
                for (int i = calls.size() - 1; i >= 0 && found < count; i--) {
                    if (calls.get(i).is(method, pathPrefix)) {
                        found++;
                    }
                }
                if (found >= count) {
                    return;
                }
                long left = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
                if (left <= 0) {
                    throw new AssertionError("expected " + count + " " + method + " " + pathPrefix + " calls, got "
                            + found);
                }
                calls.wait(left);
            }
        }
    }

    Call awaitOne(Predicate<Call> matching, Duration timeout) throws InterruptedException {
        return await(matching, 1, timeout).get(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().replaceFirst("^/api/v10/", "");
            String method = exchange.getRequestMethod();
            JsonNode body = readBody(exchange.getRequestBody());
            Call call = new Call(method, path, body, System.nanoTime());
            synchronized (calls) {
                calls.add(call);
                calls.notifyAll();
            }
            if (!("Bot " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))
                    && !path.startsWith("interactions/") && !path.startsWith("webhooks/")) {
                respond(exchange, 401, Map.of(), "{\"message\":\"401: Unauthorized\",\"code\":0}");
                return;
            }
            Scripted script = takeScript(method, path);
            if (script != null) {
                respond(exchange, script.status(), script.headers(), script.body());
                return;
            }
            route(exchange, method, path, exchange.getRequestURI().getQuery(), body);
        }
    }

    private Scripted takeScript(String method, String path) {
        synchronized (scripted) {
            for (Scripted script : scripted) {
                if (script.method().equals(method) && path.startsWith(script.pathPrefix())) {
                    scripted.remove(script);
                    return script;
                }
            }
            return null;
        }
    }

    private void route(HttpExchange exchange, String method, String path, String query, JsonNode body)
            throws IOException {
        String[] parts = path.split("/");
        if (method.equals("GET") && path.equals("users/@me")) {
            respond(exchange, 200, Map.of(), DiscordPayloads.botUser().toString());
        } else if (method.equals("GET") && path.equals("gateway/bot")) {
            ObjectNode gateway = DiscordPayloads.JSON.createObjectNode().put("url", gatewayUrl.get()).put("shards", 1);
            gateway.putObject("session_start_limit").put("total", 1000).put("remaining", 999)
                    .put("reset_after", 0).put("max_concurrency", 1);
            respond(exchange, 200, Map.of(), gateway.toString());
        } else if (method.equals("PUT") && parts.length == 3 && parts[0].equals("applications")
                && parts[2].equals("commands")) {
            ArrayNode registered = DiscordPayloads.JSON.createArrayNode();
            for (JsonNode command : body) {
                ObjectNode copy = ((ObjectNode) command.deepCopy()).put("id", nextId())
                        .put("application_id", parts[1]).put("version", nextId());
                copy.putNull("default_member_permissions");
                registered.add(copy);
            }
            respond(exchange, 200, Map.of(), registered.toString());
        } else if (method.equals("POST") && parts.length == 3 && parts[0].equals("channels")
                && parts[2].equals("messages")) {
            boolean inGuild = !parts[1].equals(DiscordPayloads.DM_CHANNEL_ID);
            respond(exchange, 200, Map.of(), sent(parts[1], inGuild, body).toString());
        } else if (method.equals("POST") && parts.length == 4 && parts[0].equals("interactions")) {
            if (query != null && query.contains("with_response=true")) {
                ObjectNode response = DiscordPayloads.JSON.createObjectNode();
                String messageId = nextId();
                response.putObject("interaction").put("id", parts[1]).put("type", 2)
                        .put("response_message_id", messageId).put("response_message_loading", false)
                        .put("response_message_ephemeral", false);
                ObjectNode resource = response.putObject("resource").put("type", body.path("type").asInt());
                if (body.path("type").asInt() == 4) {
                    resource.set("message", sent(DiscordPayloads.CHANNEL_ID, true, body.path("data")));
                }
                respond(exchange, 200, Map.of(), response.toString());
            } else {
                respond(exchange, 204, Map.of(), "");
            }
        } else if (parts.length >= 3 && parts[0].equals("webhooks")) {
            respond(exchange, 200, Map.of(), sent(DiscordPayloads.CHANNEL_ID, true, body).toString());
        } else {
            respond(exchange, 404, Map.of(), "{\"message\":\"404: Not Found\",\"code\":0}");
        }
    }

    private ObjectNode sent(String channelId, boolean inGuild, JsonNode body) {
        ObjectNode message = DiscordPayloads.message(nextId(), channelId, inGuild, DiscordPayloads.botUser(),
                body == null ? "" : body.path("content").asText());
        if (body != null && body.has("components")) {
            message.set("components", body.get("components"));
        }
        return message;
    }

    private String nextId() {
        return DiscordPayloads.snowflake(ids.incrementAndGet());
    }

    private static JsonNode readBody(InputStream in) throws IOException {
        byte[] bytes = in.readAllBytes();
        if (bytes.length == 0) {
            return null;
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        try {
            return DiscordPayloads.JSON.readTree(text);
        } catch (IOException notJson) {
            int json = text.indexOf("{\"");
            return json < 0 ? null : DiscordPayloads.JSON.readTree(text.substring(json, text.lastIndexOf('}') + 1));
        }
    }

    private static void respond(HttpExchange exchange, int status, Map<String, String> headers, String body)
            throws IOException {
        headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (status == 204 || bytes.length == 0) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
