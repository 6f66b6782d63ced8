package dev.careerbot.channel.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * A Discord gateway on 127.0.0.1 that speaks what JDA 6 uses: HELLO, IDENTIFY, heartbeats and
 * their ACKs, READY then GUILD_CREATE, RESUME with replay of what was missed and RESUMED, op 7
 * (reconnect) and op 9 (invalid session), and dispatches such as MESSAGE_CREATE. Like Discord, it
 * keeps the events of each session so a RESUME gets every event after the client's last sequence
 * number, and an invalidated session cannot be resumed.
 *
 * <p>Sharding as Discord does it: an IDENTIFY carries {@code [shard_id, num_shards]}, each shard
 * has a session of its own, and a server's events (its GUILD_CREATE, its messages and
 * interactions) go to shard {@code (guild_id >> 22) % num_shards}; events outside a server
 * (direct messages) go to shard 0. Several processes may each identify some of the shards.
 */
final class FakeGateway extends WebSocketServer {

    private static final int MESSAGE_CONTENT_INTENT = 1 << 15;

    private final String token;
    private final Object lock = new Object();
    private final List<JsonNode> identifies = new ArrayList<>();
    private final List<JsonNode> resumes = new ArrayList<>();
    private final List<Runnable> held = new ArrayList<>();
    private final List<ObjectNode> guilds = new ArrayList<>(List.of(DiscordPayloads.guildCreate()));
    private volatile boolean grantMessageContent = true;
    private volatile Integer closeOnIdentify;
    private final java.util.Map<Integer, Session> shardSessions = new java.util.HashMap<>();
    private boolean holding;
    private int connections;

    private static final class Session {
        final String id = UUID.randomUUID().toString();
        final List<ObjectNode> events = new ArrayList<>();
        final int shardTotal;
        int sequence;
        boolean valid = true;
        WebSocket connection;
        /** The connection events go to; null between a drop and the RESUME. */
        WebSocket live;

        Session(int shardTotal) {
            this.shardTotal = shardTotal;
        }
    }

    FakeGateway(String token) {
        super(new InetSocketAddress("127.0.0.1", 0));
        this.token = token;
        setReuseAddr(true);
        setConnectionLostTimeout(0);
    }

    String url() {
        return "ws://127.0.0.1:" + getPort();
    }

    void grantMessageContent(boolean granted) {
        grantMessageContent = granted;
    }

    /** The next IDENTIFY is answered with this close code instead of READY. */
    void closeOnIdentify(int code) {
        closeOnIdentify = code;
    }

    /** The servers the bot is in, as GUILD_CREATE payloads, instead of the one default server. */
    void guilds(List<ObjectNode> servers) {
        synchronized (lock) {
            guilds.clear();
            guilds.addAll(servers);
        }
    }

    /** The shard Discord sends a server's events to. */
    static int shardOf(String guildId, int shardTotal) {
        return (int) ((Long.parseLong(guildId) >> 22) % shardTotal);
    }

    @Override
    public void onStart() {}

    @Override
    public void onOpen(WebSocket connection, ClientHandshake handshake) {
        synchronized (lock) {
            connections++;
        }
        connection.send("{\"op\":10,\"d\":{\"heartbeat_interval\":45000}}");
    }

    @Override
    public void onMessage(WebSocket connection, String text) {
        JsonNode frame = read(text);
        int op = frame.path("op").asInt(-1);
        switch (op) {
            case 1 -> {
                if (connection.isOpen()) {
                    connection.send("{\"op\":11}");
                }
            }
            case 2 -> whenReleased(() -> identify(connection, frame.path("d")));
            case 6 -> whenReleased(() -> resume(connection, frame.path("d")));
            default -> { }
        }
    }

    @Override
    public void onClose(WebSocket connection, int code, String reason, boolean remote) {
        synchronized (lock) {
            for (Session session : shardSessions.values()) {
                if (session.live == connection) {
                    session.live = null;
                }
            }
            lock.notifyAll();
        }
    }

    @Override
    public void onError(WebSocket connection, Exception failure) {}

    private void whenReleased(Runnable step) {
        synchronized (lock) {
            if (holding) {
                held.add(step);
                return;
            }
        }
        step.run();
    }

    private void identify(WebSocket connection, JsonNode identify) {
        synchronized (lock) {
            identifies.add(identify);
            lock.notifyAll();
            if (!token.equals(identify.path("token").asText())) {
                connection.close(4004, "Authentication failed.");
                return;
            }
            if ((identify.path("intents").asInt() & MESSAGE_CONTENT_INTENT) != 0 && !grantMessageContent) {
                connection.close(4014, "Disallowed intent(s).");
                return;
            }
            if (closeOnIdentify != null) {
                connection.close(closeOnIdentify, "Refused.");
                return;
            }
            JsonNode shard = identify.path("shard");
            int shardId = shard.path(0).asInt(0);
            int shardTotal = Math.max(1, shard.path(1).asInt(1));
            Session started = new Session(shardTotal);
            started.connection = connection;
            started.live = connection;
            shardSessions.put(shardId, started);
            List<ObjectNode> served = guilds.stream()
                    .filter(guild -> shardOf(guild.path("id").asText(), shardTotal) == shardId).toList();
            ObjectNode ready = DiscordPayloads.ready(started.id, url(), shardId, shardTotal);
            ArrayNode unavailable = ready.putArray("guilds");
            served.forEach(guild -> unavailable.addObject().put("id", guild.path("id").asText())
                    .put("unavailable", true));
            send(started, "READY", ready);
            served.forEach(guild -> send(started, "GUILD_CREATE", guild.deepCopy()));
        }
    }

    private void resume(WebSocket connection, JsonNode resume) {
        synchronized (lock) {
            resumes.add(resume);
            lock.notifyAll();
            Session session = shardSessions.values().stream()
                    .filter(candidate -> candidate.id.equals(resume.path("session_id").asText()))
                    .findFirst().orElse(null);
            if (session == null || !session.valid || !token.equals(resume.path("token").asText())) {
                connection.send("{\"op\":9,\"d\":false}");
                return;
            }
            session.live = connection;
            session.connection = connection;
            int after = resume.path("seq").asInt();
            for (ObjectNode event : session.events) {
                if (event.path("s").asInt() > after) {
                    connection.send(event.toString());
                }
            }
            send(session, "RESUMED", DiscordPayloads.JSON.createObjectNode());
        }
    }

    /**
     * Sends a dispatch to the shard Discord would send it to (by its {@code guild_id}, else shard
     * 0), on its live connection, or keeps it for the RESUME when there is none.
     */
    void dispatch(String type, ObjectNode data) {
        synchronized (lock) {
            Session zero = shardSessions.get(0);
            int total = zero != null ? zero.shardTotal
                    : shardSessions.values().stream().mapToInt(session -> session.shardTotal).findFirst().orElse(1);
            int shard = data.hasNonNull("guild_id") ? shardOf(data.get("guild_id").asText(), total) : 0;
            Session session = shardSessions.get(shard);
            if (session == null) {
                throw new IllegalStateException("no session on shard " + shard + ": nobody has identified it yet");
            }
            send(session, type, data);
        }
    }

    private void send(Session session, String type, ObjectNode data) {
        ObjectNode event = DiscordPayloads.JSON.createObjectNode().put("op", 0).put("t", type)
                .put("s", ++session.sequence);
        event.set("d", data);
        session.events.add(event);
        if (session.live != null) {
            session.live.send(event.toString());
        }
    }

    /** New IDENTIFYs and RESUMEs wait until {@link #release()}: the time a reconnect takes. */
    void hold() {
        synchronized (lock) {
            holding = true;
        }
    }

    void release() {
        List<Runnable> steps;
        synchronized (lock) {
            holding = false;
            steps = new ArrayList<>(held);
            held.clear();
        }
        steps.forEach(Runnable::run);
    }

    /** Cuts the TCP connection without a close frame, as a network failure does. */
    void dropAbruptly() {
        WebSocket connection = liveConnection();
        connection.closeConnection(1006, "dropped");
    }

    void closeWith(int code) {
        liveConnection().close(code, "closed by the fake gateway");
    }

    void sendReconnect() {
        liveConnection().send("{\"op\":7,\"d\":null}");
    }

    void invalidateSession(boolean resumable) {
        WebSocket connection;
        synchronized (lock) {
            connection = liveConnection();
            if (!resumable) {
                shardSessions.get(0).valid = false;
            }
        }
        connection.send("{\"op\":9,\"d\":" + resumable + "}");
    }

    /** Waits until the client has no live connection (it closed or was dropped). */
    void awaitDisconnected(long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        synchronized (lock) {
            while (shardSessions.containsKey(0) && shardSessions.get(0).live != null) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    throw new AssertionError("the client stayed connected");
                }
                lock.wait(left);
            }
        }
    }

    /** Waits until a held IDENTIFY or RESUME is waiting for {@link #release()}. */
    void awaitHeldHandshake(long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (true) {
            synchronized (lock) {
                if (!held.isEmpty()) {
                    return;
                }
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("the client did not try to reconnect");
            }
            Thread.sleep(10);
        }
    }

    /** The shards that identified and still hold an open connection. */
    java.util.Set<Integer> connectedShards() {
        synchronized (lock) {
            java.util.Set<Integer> shards = new java.util.TreeSet<>();
            shardSessions.forEach((shard, started) -> {
                if (started.connection.isOpen()) {
                    shards.add(shard);
                }
            });
            return shards;
        }
    }

    /** WebSocket connections opened so far, IDENTIFYs and RESUMEs: to say where a start got to. */
    String progress() {
        synchronized (lock) {
            return connections + " connection(s), " + identifies.size() + " identify, " + resumeCount() + " resume";
        }
    }

    int identifyCount() {
        synchronized (lock) {
            return identifies.size();
        }
    }

    int resumeCount() {
        synchronized (lock) {
            return resumes.size();
        }
    }

    List<JsonNode> identifies() {
        synchronized (lock) {
            return List.copyOf(identifies);
        }
    }

    int connectionCount() {
        synchronized (lock) {
            return connections;
        }
    }

    /** Shard 0's live connection. */
    private WebSocket liveConnection() {
        synchronized (lock) {
            Session zero = shardSessions.get(0);
            if (zero == null || zero.live == null) {
                throw new IllegalStateException("no live gateway connection");
            }
            return zero.live;
        }
    }

    private static JsonNode read(String text) {
        try {
            return DiscordPayloads.JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not JSON: " + text, e);
        }
    }
}
