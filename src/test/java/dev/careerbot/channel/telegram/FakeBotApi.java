package dev.careerbot.channel.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A Telegram Bot API server on 127.0.0.1 for the tests, speaking what TelegramBots really sends:
 * {@code POST /bot<token>/<method>} with a JSON body (form and query parameters work too), method
 * names matched without regard to case, {@code {"ok": true, "result": ...}} envelopes and
 * {@code {"ok": false, "error_code": ..., "description": ...}} errors.
 *
 * <p>{@code getUpdates} keeps a queue with ever-rising {@code update_id}s: an {@code offset}
 * confirms (drops) every update below it, and without updates the call waits up to its
 * {@code timeout} seconds, answering as soon as one arrives. {@code sendMessage} parses HTML the
 * way Telegram does (the supported tags, the four named entities, balanced tags) and keeps the
 * visible text, so tests see what a user would see; it refuses more than 4,096 visible
 * characters. On demand it answers 429 with {@code parameters.retry_after}, 5xx and other errors,
 * or drops the connection without an answer, and it can refuse connections for a while.
 */
final class FakeBotApi implements AutoCloseable {

    static final long BOT_ID = 7_000_000_001L;
    static final String BOT_USERNAME = "CareerTestBot";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> HTML_TAGS = Set.of(
            "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre", "span",
            "tg-spoiler", "tg-emoji", "blockquote");

    private final String token;
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "fake-bot-api");
        thread.setDaemon(true);
        return thread;
    });
    private final Object lock = new Object();
    private final Deque<ObjectNode> pending = new ArrayDeque<>();
    private final Map<Integer, Long> availableAt = new HashMap<>();
    private final List<Call> calls = new ArrayList<>();
    private final List<SentMessage> sent = new ArrayList<>();
    private final Map<String, Deque<Fault>> faults = new HashMap<>();
    private final Map<Long, Fault> chatFaults = new HashMap<>();
    private final Set<String> openButtonPresses = new HashSet<>();
    private final Map<Long, Integer> messageIds = new HashMap<>();
    private int nextUpdateId = 100_000;
    private int confirmedOffset;
    private String[] webhook;
    private int nextCallbackId = 1;
    private final int port;
    private HttpServer server;
    private boolean closed;

    FakeBotApi(String token) throws IOException {
        this.token = token;
        this.server = newServer(0);
        this.port = server.getAddress().getPort();
        server.start();
    }

    private HttpServer newServer(int onPort) throws IOException {
        HttpServer created = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 64);
        created.setExecutor(executor);
        created.createContext("/", this::handle);
        return created;
    }

    /** The base URL for {@code adapters.telegram.apiUrl}. */
    String url() {
        return "http://127.0.0.1:" + port;
    }

    // ---------------------------------------------------------------- people writing to the bot

    record FakeChat(long id, String type, String title, boolean forum) {
        static FakeChat privateWith(FakeUser user) {
            return new FakeChat(user.id(), "private", null, false);
        }

        static FakeChat group(long id, String title) {
            return new FakeChat(id, "group", title, false);
        }

        static FakeChat supergroup(long id, String title) {
            return new FakeChat(id, "supergroup", title, false);
        }

        static FakeChat forum(long id, String title) {
            return new FakeChat(id, "supergroup", title, true);
        }
    }

    record FakeUser(long id, String firstName, String username, boolean bot) {
        static FakeUser person(long id, String name) {
            return new FakeUser(id, name, name.toLowerCase(Locale.ROOT), false);
        }
    }

    /** A message a person writes; {@link #post()} makes it an update. */
    final class Draft {
        private final ObjectNode message;

        private Draft(FakeChat chat, FakeUser from, String text) {
            message = JSON.createObjectNode();
            message.put("message_id", nextMessageId(chat.id()));
            message.set("from", user(from));
            message.set("chat", chat(chat));
            message.put("date", System.currentTimeMillis() / 1000);
            if (text != null) {
                message.put("text", text);
                ArrayNode entities = entitiesOf(text);
                if (!entities.isEmpty()) {
                    message.set("entities", entities);
                }
            }
        }

        Draft inTopic(int threadId, int topicRootMessageId, boolean rootByBot) {
            message.put("message_thread_id", threadId);
            message.put("is_topic_message", true);
            ObjectNode root = JSON.createObjectNode();
            root.put("message_id", topicRootMessageId);
            root.put("date", System.currentTimeMillis() / 1000);
            root.set("chat", message.get("chat"));
            root.set("from", rootByBot ? botUser() : message.get("from"));
            root.putObject("forum_topic_created").put("name", "Careers").put("icon_color", 7322096);
            message.set("reply_to_message", root);
            return this;
        }

        Draft replyingTo(SentMessage botMessage) {
            ObjectNode original = JSON.createObjectNode();
            original.put("message_id", botMessage.messageId());
            original.put("date", System.currentTimeMillis() / 1000);
            original.set("chat", message.get("chat"));
            original.set("from", botUser());
            original.put("text", botMessage.text());
            message.set("reply_to_message", original);
            return this;
        }

        Draft with(String field, JsonNode value) {
            message.set(field, value);
            return this;
        }

        int messageId() {
            return message.get("message_id").asInt();
        }

        ObjectNode json() {
            return message;
        }

        /** Makes the message available to getUpdates; returns its message_id. */
        int post() {
            ObjectNode update = JSON.createObjectNode();
            update.set("message", message);
            addUpdate(update);
            return messageId();
        }
    }

    Draft message(FakeChat chat, FakeUser from, String text) {
        return new Draft(chat, from, text);
    }

    /** A person writes a text message; returns its message_id. */
    int send(FakeChat chat, FakeUser from, String text) {
        return message(chat, from, text).post();
    }

    /** A person presses an inline button under one of the bot's messages; returns the query id. */
    String pressButton(FakeChat chat, FakeUser from, SentMessage onMessage, String data) {
        String id;
        synchronized (lock) {
            id = "cbq-" + nextCallbackId++;
            openButtonPresses.add(id);
        }
        ObjectNode query = JSON.createObjectNode();
        query.put("id", id);
        query.set("from", user(from));
        query.put("chat_instance", "ci-" + chat.id());
        query.put("data", data);
        ObjectNode message = JSON.createObjectNode();
        message.put("message_id", onMessage.messageId());
        message.put("date", System.currentTimeMillis() / 1000);
        message.set("chat", chat(chat));
        message.set("from", botUser());
        message.put("text", onMessage.text());
        if (onMessage.threadId() != null) {
            message.put("message_thread_id", onMessage.threadId());
            message.put("is_topic_message", true);
        }
        query.set("message", message);
        ObjectNode update = JSON.createObjectNode();
        update.set("callback_query", query);
        addUpdate(update);
        return id;
    }

    /** Any update (without its update_id, which is assigned here); returns the update_id. */
    int addUpdate(ObjectNode update) {
        synchronized (lock) {
            int id = nextUpdateId++;
            ObjectNode withId = JSON.createObjectNode();
            withId.put("update_id", id);
            withId.setAll(update);
            pending.add(withId);
            availableAt.put(id, System.nanoTime());
            lock.notifyAll();
            return id;
        }
    }

    /**
     * One update delivered twice under the same update_id in one batch, as Telegram repeats an
     * update it has not seen confirmed; returns the update_id.
     */
    int addUpdateTwice(ObjectNode update) {
        synchronized (lock) {
            int id = nextUpdateId++;
            for (int copy = 0; copy < 2; copy++) {
                ObjectNode withId = JSON.createObjectNode();
                withId.put("update_id", id);
                withId.setAll(update.deepCopy());
                pending.add(withId);
            }
            availableAt.put(id, System.nanoTime());
            lock.notifyAll();
            return id;
        }
    }

    /** Adds many updates at once, all available at the same instant. */
    void addUpdates(List<ObjectNode> updates) {
        synchronized (lock) {
            long now = System.nanoTime();
            for (ObjectNode update : updates) {
                int id = nextUpdateId++;
                ObjectNode withId = JSON.createObjectNode();
                withId.put("update_id", id);
                withId.setAll(update);
                pending.add(withId);
                availableAt.put(id, now);
            }
            lock.notifyAll();
        }
    }

    static ObjectNode messageUpdate(ObjectNode message) {
        ObjectNode update = JSON.createObjectNode();
        update.set("message", message);
        return update;
    }

    static ObjectNode json(String text) {
        try {
            return (ObjectNode) JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private int nextMessageId(long chatId) {
        synchronized (lock) {
            return messageIds.merge(chatId, 1, Integer::sum);
        }
    }

    private static ObjectNode user(FakeUser user) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", user.id());
        node.put("is_bot", user.bot());
        node.put("first_name", user.firstName());
        node.put("username", user.username());
        return node;
    }

    private static ObjectNode botUser() {
        return user(new FakeUser(BOT_ID, "CareerBot", BOT_USERNAME, true));
    }

    private static ObjectNode chat(FakeChat chat) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", chat.id());
        node.put("type", chat.type());
        if (chat.title() != null) {
            node.put("title", chat.title());
        } else {
            node.put("first_name", "Person");
        }
        if (chat.forum()) {
            node.put("is_forum", true);
        }
        return node;
    }

    /** Entities as Telegram's clients make them: a leading command, and @mentions. */
    private static ArrayNode entitiesOf(String text) {
        ArrayNode entities = JSON.createArrayNode();
        java.util.regex.Matcher command = java.util.regex.Pattern.compile("^/\\w+(@\\w+)?").matcher(text);
        if (command.find()) {
            entities.addObject().put("type", "bot_command").put("offset", 0).put("length", command.end());
        }
        java.util.regex.Matcher mention = java.util.regex.Pattern.compile("(?<![\\w/])@\\w+").matcher(text);
        while (mention.find()) {
            entities.addObject().put("type", "mention").put("offset", mention.start())
                    .put("length", mention.end() - mention.start());
        }
        return entities;
    }

    // ---------------------------------------------------------------- what the bot did

    /** One Bot API call as the server received it. */
    record Call(String method, JsonNode params, long atNanos, boolean faulted) {}

    /** An entity of a sent message: bold or a link, with where it is in the visible text. */
    record Entity(String type, int offset, int length, String url) {}

    /** A button under a sent message. */
    record Button(String text, String callbackData) {}

    /** A message the bot sent, as the user sees it. */
    record SentMessage(
            int messageId,
            long chatId,
            Integer threadId,
            Integer replyTo,
            String text,
            String rawText,
            String parseMode,
            List<Entity> entities,
            List<Button> buttons,
            long atNanos) {

        String boldText() {
            StringBuilder out = new StringBuilder();
            for (Entity entity : entities) {
                if (entity.type().equals("bold")) {
                    out.append(text, entity.offset(), entity.offset() + entity.length()).append('|');
                }
            }
            return out.toString();
        }
    }

    List<Call> calls(String method) {
        synchronized (lock) {
            return calls.stream().filter(call -> call.method().equalsIgnoreCase(method)).toList();
        }
    }

    List<SentMessage> messages(long chatId) {
        synchronized (lock) {
            return sent.stream().filter(message -> message.chatId() == chatId).toList();
        }
    }

    List<SentMessage> allMessages() {
        synchronized (lock) {
            return List.copyOf(sent);
        }
    }

    /** Waits until the chat has at least {@code count} messages from the bot; returns them all. */
    List<SentMessage> awaitMessages(long chatId, int count, Duration timeout) throws InterruptedException {
        return await(() -> messages(chatId), list -> list.size() >= count, timeout,
                "at least " + count + " messages in chat " + chatId);
    }

    /** Waits until at least {@code count} calls of a method got a fault. */
    List<Call> awaitFaulted(String method, int count, Duration timeout) throws InterruptedException {
        return await(() -> calls(method).stream().filter(Call::faulted).toList(), list -> list.size() >= count,
                timeout, count + " faulted " + method + " calls");
    }

    /** Waits until the server has received at least {@code count} calls of a method. */
    List<Call> awaitCalls(String method, int count, Duration timeout) throws InterruptedException {
        return await(() -> calls(method), list -> list.size() >= count, timeout,
                "at least " + count + " " + method + " calls");
    }

    private <T> T await(java.util.function.Supplier<T> read, Predicate<T> done, Duration timeout, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (true) {
                T value = read.get();
                if (done.test(value)) {
                    return value;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("Timed out after " + timeout.toMillis() + " ms waiting for " + what
                            + "; have " + value);
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
        }
    }

    /** The update_id of the newest update so far. */
    int lastUpdateId() {
        synchronized (lock) {
            return nextUpdateId - 1;
        }
    }

    /** The highest offset a getUpdates call has confirmed. */
    int confirmedOffset() {
        synchronized (lock) {
            return confirmedOffset;
        }
    }

    /** When the update became available to getUpdates, in System.nanoTime terms. */
    long availableAt(int updateId) {
        synchronized (lock) {
            return availableAt.get(updateId);
        }
    }

    Set<String> openButtonPresses() {
        synchronized (lock) {
            return Set.copyOf(openButtonPresses);
        }
    }

    // ---------------------------------------------------------------- faults on demand

    /** An error answer or a dropped connection. */
    record Fault(int status, String description, Integer retryAfter, Long migrateTo, boolean drop) {
        static Fault tooManyRequests(int retryAfterSeconds) {
            return new Fault(429, "Too Many Requests: retry after " + retryAfterSeconds, retryAfterSeconds, null,
                    false);
        }

        static Fault serverError(int status) {
            return new Fault(status, status == 502 ? "Bad Gateway" : "Internal Server Error", null, null, false);
        }

        static Fault blocked() {
            return new Fault(403, "Forbidden: bot was blocked by the user", null, null, false);
        }

        static Fault chatNotFound() {
            return new Fault(400, "Bad Request: chat not found", null, null, false);
        }

        static Fault dropConnection() {
            return new Fault(0, "", null, null, true);
        }
    }

    /** The next call of the method gets this fault instead of its answer. */
    void failNext(String method, Fault fault) {
        synchronized (lock) {
            faults.computeIfAbsent(method.toLowerCase(Locale.ROOT), key -> new ArrayDeque<>()).add(fault);
        }
    }

    /** Every send to the chat gets this fault, for good. */
    void failSendsTo(long chatId, Fault fault) {
        synchronized (lock) {
            chatFaults.put(chatId, fault);
        }
    }

    /** Stops listening, so connections are refused, and listens again on the same port later. */
    void refuseConnectionsFor(Duration duration) {
        HttpServer stopping;
        synchronized (lock) {
            stopping = server;
            lock.notifyAll();
        }
        stopping.stop(0);
        Thread restart = new Thread(() -> {
            try {
                Thread.sleep(duration.toMillis());
                listenAgain();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "fake-bot-api-restart");
        restart.setDaemon(true);
        restart.start();
    }

    /**
     * Listens on the same port again. While the port was free, another socket on this machine may
     * have taken it for a moment (an outgoing connection's ephemeral port), so binding is retried
     * for a few seconds rather than given up at the first refusal.
     */
    private void listenAgain() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            synchronized (lock) {
                if (closed) {
                    return;
                }
                try {
                    server = newServer(port);
                    server.start();
                    return;
                } catch (IOException bindFailed) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("could not listen again on port " + port, bindFailed);
                    }
                }
            }
            Thread.sleep(50);
        }
    }

    // ---------------------------------------------------------------- the HTTP side

    private void handle(HttpExchange exchange) throws IOException {
        try {
            answer(exchange);
        } catch (IOException | RuntimeException e) {
            e.printStackTrace();
            throw e;
        } finally {
            exchange.close();
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        {
            String path = exchange.getRequestURI().getRawPath();
            String prefix = "/bot" + token + "/";
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (!path.startsWith(prefix)) {
                reply(exchange, 401, error(401, "Unauthorized", null, null));
                return;
            }
            String method = path.substring(prefix.length()).toLowerCase(Locale.ROOT);
            JsonNode params = params(exchange, body);
            Fault fault;
            synchronized (lock) {
                Deque<Fault> queued = faults.get(method);
                fault = queued == null ? null : queued.poll();
                if (fault == null && method.equals("sendmessage")) {
                    fault = chatFaults.get(params.path("chat_id").asLong());
                }
                calls.add(new Call(method, params, System.nanoTime(), fault != null));
                lock.notifyAll();
            }
            if (fault != null) {
                if (fault.drop()) {
                    return;
                }
                reply(exchange, fault.status(),
                        error(fault.status(), fault.description(), fault.retryAfter(), fault.migrateTo()));
                return;
            }
            ObjectNode answer = switch (method) {
                case "getme" -> ok(botUserWithFlags());
                case "setmycommands", "sendchataction" -> ok(JSON.getNodeFactory().booleanNode(true));
                case "setwebhook" -> setWebhook(params);
                case "deletewebhook" -> {
                    synchronized (lock) {
                        webhook = null;
                    }
                    yield ok(JSON.getNodeFactory().booleanNode(true));
                }
                case "getupdates" -> webhook().isPresent()
                        ? error(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook"
                                + " to delete the webhook first", null, null)
                        : getUpdates(params);
                case "sendmessage" -> sendMessage(params);
                case "answercallbackquery" -> answerCallbackQuery(params);
                default -> error(404, "Not Found", null, null);
            };
            reply(exchange, answer.path("ok").asBoolean() ? 200 : answer.path("error_code").asInt(), answer);
        }
    }

    private static JsonNode params(HttpExchange exchange, byte[] body) throws IOException {
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        ObjectNode params = JSON.createObjectNode();
        if (exchange.getRequestURI().getRawQuery() != null) {
            form(exchange.getRequestURI().getRawQuery(), params);
        }
        if (body.length == 0) {
            return params;
        }
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("json")) {
            params.setAll((ObjectNode) JSON.readTree(body));
        } else if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            multipart(contentType, body, params);
        } else {
            form(new String(body, StandardCharsets.UTF_8), params);
        }
        return params;
    }

    /** The text fields of a multipart/form-data body (setWebhook is sent so, for its optional certificate). */
    private static void multipart(String contentType, byte[] body, ObjectNode into) {
        String boundary = "--" + contentType.substring(contentType.indexOf("boundary=") + 9).replace("\"", "").strip();
        String text = new String(body, StandardCharsets.UTF_8);
        for (String part : text.split(java.util.regex.Pattern.quote(boundary))) {
            int blank = part.indexOf("\r\n\r\n");
            java.util.regex.Matcher name = java.util.regex.Pattern.compile("name=\"([^\"]+)\"").matcher(part);
            if (blank < 0 || !name.find()) {
                continue;
            }
            String value = part.substring(blank + 4);
            into.put(name.group(1), value.endsWith("\r\n") ? value.substring(0, value.length() - 2) : value);
        }
    }

    /** The webhook URL and secret token set by the bot, empty when none is set (long polling). */
    Optional<String[]> webhook() {
        synchronized (lock) {
            return Optional.ofNullable(webhook);
        }
    }

    private static void form(String encoded, ObjectNode into) throws IOException {
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String key = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            if (value.startsWith("{") || value.startsWith("[")) {
                into.set(key, JSON.readTree(value));
            } else {
                into.put(key, value);
            }
        }
    }

    private ObjectNode botUserWithFlags() {
        ObjectNode me = botUser();
        me.put("can_join_groups", true);
        me.put("can_read_all_group_messages", false);
        me.put("supports_inline_queries", false);
        return me;
    }

    private ObjectNode getUpdates(JsonNode params) {
        int offset = params.path("offset").asInt(0);
        int limit = Math.max(1, Math.min(100, params.path("limit").asInt(100)));
        long timeoutNanos = Duration.ofSeconds(Math.max(0, params.path("timeout").asInt(0))).toNanos();
        long deadline = System.nanoTime() + timeoutNanos;
        ArrayNode result = JSON.createArrayNode();
        synchronized (lock) {
            if (offset > 0) {
                confirmedOffset = Math.max(confirmedOffset, offset);
                pending.removeIf(update -> update.get("update_id").asInt() < offset);
            }
            while (pending.isEmpty() && !closed) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            pending.stream().limit(limit).forEach(result::add);
        }
        return ok(result);
    }

    private ObjectNode sendMessage(JsonNode params) {
        if (!params.hasNonNull("chat_id") || !params.hasNonNull("text")) {
            return error(400, "Bad Request: chat_id and text are required", null, null);
        }
        long chatId = params.get("chat_id").asLong();
        String raw = params.get("text").asText();
        String parseMode = params.path("parse_mode").asText("");
        ParsedText parsed;
        if (parseMode.equalsIgnoreCase("HTML")) {
            Optional<String> problem = Optional.empty();
            ParsedText attempt = null;
            try {
                attempt = parseHtml(raw);
            } catch (IllegalArgumentException e) {
                problem = Optional.of(e.getMessage());
            }
            if (problem.isPresent()) {
                return error(400, "Bad Request: can't parse entities: " + problem.get(), null, null);
            }
            parsed = attempt;
        } else {
            parsed = new ParsedText(raw, List.of());
        }
        if (parsed.text().strip().isEmpty()) {
            return error(400, "Bad Request: message text is empty", null, null);
        }
        if (parsed.text().length() > 4096) {
            return error(400, "Bad Request: message is too long", null, null);
        }
        List<Button> buttons = new ArrayList<>();
        for (JsonNode row : params.path("reply_markup").path("inline_keyboard")) {
            for (JsonNode button : row) {
                String data = button.path("callback_data").asText(null);
                if (data != null && data.getBytes(StandardCharsets.UTF_8).length > 64) {
                    return error(400, "Bad Request: BUTTON_DATA_INVALID", null, null);
                }
                buttons.add(new Button(button.path("text").asText(), data));
            }
        }
        Integer thread = params.hasNonNull("message_thread_id") ? params.get("message_thread_id").asInt() : null;
        JsonNode replyParameters = params.path("reply_parameters");
        Integer replyTo = null;
        if (replyParameters.hasNonNull("message_id")) {
            replyTo = replyParameters.get("message_id").asInt();
        } else if (params.hasNonNull("reply_to_message_id")) {
            replyTo = params.get("reply_to_message_id").asInt();
        }
        int messageId = nextMessageId(chatId);
        SentMessage message = new SentMessage(messageId, chatId, thread, replyTo, parsed.text(), raw, parseMode,
                parsed.entities(), List.copyOf(buttons), System.nanoTime());
        synchronized (lock) {
            sent.add(message);
            lock.notifyAll();
        }
        ObjectNode result = JSON.createObjectNode();
        result.put("message_id", messageId);
        result.set("from", botUser());
        ObjectNode chat = result.putObject("chat");
        chat.put("id", chatId);
        chat.put("type", chatId > 0 ? "private" : "supergroup");
        result.put("date", System.currentTimeMillis() / 1000);
        result.put("text", parsed.text());
        if (thread != null) {
            result.put("message_thread_id", thread);
            result.put("is_topic_message", true);
        }
        return ok(result);
    }

    private ObjectNode setWebhook(JsonNode params) {
        String url = params.path("url").asText("");
        if (!url.startsWith("https://") && !url.isEmpty()) {
            return error(400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook", null, null);
        }
        synchronized (lock) {
            webhook = url.isEmpty() ? null : new String[] {url, params.path("secret_token").asText("")};
        }
        return ok(JSON.getNodeFactory().booleanNode(true));
    }

    private ObjectNode answerCallbackQuery(JsonNode params) {
        String id = params.path("callback_query_id").asText("");
        synchronized (lock) {
            if (!openButtonPresses.remove(id)) {
                return error(400, "Bad Request: query is too old and response timeout expired or query ID is invalid",
                        null, null);
            }
        }
        return ok(JSON.getNodeFactory().booleanNode(true));
    }

    record ParsedText(String text, List<Entity> entities) {}

    /** Parses Telegram HTML: supported tags only, balanced, the four named entities and numeric ones. */
    static ParsedText parseHtml(String html) {
        StringBuilder text = new StringBuilder();
        List<Entity> entities = new ArrayList<>();
        Deque<String[]> open = new ArrayDeque<>();
        Deque<Integer> starts = new ArrayDeque<>();
        int i = 0;
        while (i < html.length()) {
            char c = html.charAt(i);
            if (c == '<') {
                int end = html.indexOf('>', i);
                if (end < 0) {
                    throw new IllegalArgumentException("Unclosed start tag at byte offset " + i);
                }
                String tag = html.substring(i + 1, end).strip();
                if (tag.startsWith("/")) {
                    String name = tag.substring(1).strip().toLowerCase(Locale.ROOT);
                    if (open.isEmpty() || !open.peek()[0].equals(name)) {
                        throw new IllegalArgumentException("Unmatched end tag at byte offset " + i
                                + ", expected \"</" + (open.isEmpty() ? "" : open.peek()[0]) + ">\", found \"</"
                                + name + ">\"");
                    }
                    String[] started = open.pop();
                    int from = starts.pop();
                    String type = switch (started[0]) {
                        case "b", "strong" -> "bold";
                        case "a" -> "text_link";
                        default -> started[0];
                    };
                    entities.add(new Entity(type, from, text.length() - from, started[1]));
                } else {
                    String name = tag.split("\\s", 2)[0].toLowerCase(Locale.ROOT);
                    if (!HTML_TAGS.contains(name)) {
                        throw new IllegalArgumentException("Unsupported start tag \"" + name + "\" at byte offset " + i);
                    }
                    String href = null;
                    java.util.regex.Matcher attribute =
                            java.util.regex.Pattern.compile("href\\s*=\\s*\"([^\"]*)\"").matcher(tag);
                    if (attribute.find()) {
                        href = unescape(attribute.group(1));
                    }
                    open.push(new String[] {name, href});
                    starts.push(text.length());
                }
                i = end + 1;
            } else if (c == '&') {
                int end = html.indexOf(';', i);
                String entity = end < 0 ? "" : html.substring(i, end + 1);
                String decoded = entity.isEmpty() ? null : unescapeOne(entity);
                if (decoded == null) {
                    text.append('&');
                    i++;
                } else {
                    text.append(decoded);
                    i = end + 1;
                }
            } else if (c == '>') {
                text.append('>');
                i++;
            } else {
                text.append(c);
                i++;
            }
        }
        if (!open.isEmpty()) {
            throw new IllegalArgumentException("Can't find end tag corresponding to start tag \"" + open.peek()[0]
                    + "\"");
        }
        entities.sort(java.util.Comparator.comparingInt(Entity::offset));
        return new ParsedText(text.toString(), entities);
    }

    private static String unescape(String text) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int end = text.charAt(i) == '&' ? text.indexOf(';', i) : -1;
            String decoded = end < 0 ? null : unescapeOne(text.substring(i, end + 1));
            if (decoded == null) {
                out.append(text.charAt(i++));
            } else {
                out.append(decoded);
                i = end + 1;
            }
        }
        return out.toString();
    }

    private static String unescapeOne(String entity) {
        switch (entity) {
            case "&lt;":
                return "<";
            case "&gt;":
                return ">";
            case "&amp;":
                return "&";
            case "&quot;":
                return "\"";
            default:
                break;
        }
        try {
            if (entity.startsWith("&#x")) {
                return new String(Character.toChars(Integer.parseInt(entity.substring(3, entity.length() - 1), 16)));
            }
            if (entity.startsWith("&#")) {
                return new String(Character.toChars(Integer.parseInt(entity.substring(2, entity.length() - 1))));
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        return null;
    }

    private static ObjectNode ok(JsonNode result) {
        ObjectNode answer = JSON.createObjectNode();
        answer.put("ok", true);
        answer.set("result", result);
        return answer;
    }

    private static ObjectNode error(int code, String description, Integer retryAfter, Long migrateTo) {
        ObjectNode answer = JSON.createObjectNode();
        answer.put("ok", false);
        answer.put("error_code", code);
        answer.put("description", description);
        if (retryAfter != null || migrateTo != null) {
            ObjectNode parameters = answer.putObject("parameters");
            if (retryAfter != null) {
                parameters.put("retry_after", retryAfter);
            }
            if (migrateTo != null) {
                parameters.put("migrate_to_chat_id", migrateTo);
            }
        }
        return answer;
    }

    private static void reply(HttpExchange exchange, int status, ObjectNode answer) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(answer);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        HttpServer stopping;
        synchronized (lock) {
            closed = true;
            stopping = server;
            lock.notifyAll();
        }
        stopping.stop(0);
        executor.shutdownNow();
    }
}
