package dev.careerbot.state.redis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.careerbot.config.StateSettings;
import dev.careerbot.state.Allowance;
import dev.careerbot.state.Announcement;
import dev.careerbot.state.BucketRule;
import dev.careerbot.state.StateStore;
import dev.careerbot.state.StoreHealth;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisProtocol;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.resps.ScanResult;
import redis.clients.jedis.util.JedisURIHelper;

/**
 * The shared state in Redis, through Jedis's pooled client.
 *
 * <p>Keys, under the configured prefix: {@code ctx:<session>} a conversation context as text with
 * its expiry as the key's TTL; {@code seen:<message id>} set with {@code SET NX PX}, so of two
 * instances offered the same message exactly one wins; {@code rate:<person>} a hash that the
 * {@code take-token.lua} script updates atomically. Announcements go over the channel
 * {@code <prefix>announce} as JSON.
 *
 * <p>Faults: every call is bounded by {@code state.timeout_ms} (connect, read, write and the wait
 * for a pooled connection). A failed call opens the {@link Outage} circuit: the loss is logged
 * once, {@link #health()} says degraded, and calls are skipped (no context, every message new, no
 * limit) so that no reply waits on a dead Redis; a probe every second closes it again once Redis
 * answers. The subscriber reconnects and resubscribes on its own thread. Redis unreachable at
 * start is the same fault, not a failure to start.
 */
public final class RedisStateStore implements StateStore {

    private static final Logger LOG = LoggerFactory.getLogger(RedisStateStore.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PROBE_EVERY = Duration.ofSeconds(1);
    /** Counting contexts stops here: a gauge, not an inventory. */
    private static final long MOST_COUNTED = 1_000_000;
    private static final String TAKE_TOKEN = script("redis/take-token.lua");

    private final String prefix;
    private final String where;
    private final HostAndPort address;
    private final JedisClientConfig clientConfig;
    private final RedisClient client;
    private final Outage outage;
    private final Duration timeout;
    private final String instanceId = UUID.randomUUID().toString();
    private final ScheduledExecutorService probe;
    private final AtomicReference<Consumer<Announcement>> listener = new AtomicReference<>(announcement -> { });
    private final Thread subscriber;
    private volatile Jedis subscription;
    private volatile boolean closed;
    private volatile String takeTokenSha = "";

    private RedisStateStore(String prefix, HostAndPort address, JedisClientConfig clientConfig, Duration timeout) {
        this.prefix = prefix;
        this.address = address;
        this.where = address.toString();
        this.clientConfig = clientConfig;
        this.timeout = timeout;
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(32);
        pool.setMaxIdle(32);
        pool.setMaxWait(timeout);
        pool.setJmxEnabled(false);
        this.client = RedisClient.builder().hostAndPort(address).clientConfig(clientConfig).poolConfig(pool).build();
        this.outage = new Outage(where, System::nanoTime);
        this.probe = Executors.newSingleThreadScheduledExecutor(runnable -> daemon(runnable, "redis-probe"));
        this.subscriber = daemon(this::subscribeUntilClosed, "redis-subscriber");
    }

    /**
     * Connects to the Redis the settings name (a URL the config loader checked). Never fails
     * because Redis is down: the store starts degraded and recovers by itself.
     */
    public static RedisStateStore open(StateSettings settings) {
        long began = System.nanoTime();
        URI uri = settings.redisAddress();
        int millis = (int) Math.max(1, settings.timeout().toMillis());
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(millis)
                .socketTimeoutMillis(millis)
                .ssl(JedisURIHelper.isRedisSSLScheme(uri))
                .clientName("careerbot")
                .protocol(RedisProtocol.RESP2)
                .autoNegotiateProtocol(false)
                .database(JedisURIHelper.getDBIndex(uri));
        Optional.ofNullable(JedisURIHelper.getUser(uri)).ifPresent(config::user);
        Optional.ofNullable(JedisURIHelper.getPassword(uri)).ifPresent(config::password);
        RedisStateStore store = new RedisStateStore(settings.keyPrefix(), JedisURIHelper.getHostAndPort(uri),
                config.build(), settings.timeout());
        store.start(began);
        return store;
    }

    private void start(long began) {
        if (call("PING", client::ping, null) != null) {
            LOG.info("Shared state in Redis at {} under the prefix \"{}\" (client ready in {} ms)", where, prefix,
                    (System.nanoTime() - began) / 1_000_000);
        }
        probe.scheduleWithFixedDelay(this::probeWhileDown, PROBE_EVERY.toMillis(), PROBE_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
        subscriber.start();
    }

    private void probeWhileDown() {
        if (!outage.isDown() || closed) {
            return;
        }
        try {
            // Connections of the pool broke with Redis: drop them so the next call makes a fresh one.
            client.getPool().clear();
            client.ping();
            outage.succeeded();
        } catch (JedisException | IllegalStateException stillDown) {
            LOG.debug("Redis at {} still unreachable: {}", where, stillDown.toString());
        }
    }

    /**
     * Runs one Redis call unless the circuit is open; a failure opens it. A reply Redis refused
     * (a wrong type, a script error) is a bug to see, not an outage: it is logged and the fallback used.
     */
    private <T> T call(String operation, Supplier<T> command, T fallback) {
        if (outage.isDown() || closed) {
            return fallback;
        }
        long start = System.nanoTime();
        try {
            T result;
            try {
                result = command.get();
            } catch (JedisConnectionException stale) {
                // A pooled connection that Redis closed (it restarted) fails at once: one retry on a
                // fresh connection. A call that timed out is not retried; that would double the wait.
                if (System.nanoTime() - start > timeout.toNanos() / 2) {
                    throw stale;
                }
                result = command.get();
            }
            outage.succeeded();
            return result;
        } catch (JedisDataException refused) {
            LOG.error("Redis refused {}: {}", operation, refused.getMessage());
            return fallback;
        } catch (JedisException | IllegalStateException failure) {
            outage.failed(operation, failure);
            return fallback;
        }
    }

    private String key(String kind, String name) {
        return prefix + kind + ":" + name;
    }

    @Override
    public Optional<String> context(String key, Instant now) {
        return Optional.ofNullable(call("GET context", () -> client.get(key("ctx", key)), null));
    }

    @Override
    public void keepContext(String key, String value, Instant now, Duration expiry) {
        call("SET context", () -> client.set(key("ctx", key), value,
                SetParams.setParams().pxAt(now.plus(expiry).toEpochMilli())), null);
    }

    @Override
    public void forgetContext(String key) {
        call("DEL context", () -> client.del(key("ctx", key)), 0L);
    }

    @Override
    public long contexts() {
        return call("SCAN contexts", () -> {
            ScanParams match = new ScanParams().match(glob(prefix) + "ctx:*").count(1000);
            String cursor = ScanParams.SCAN_POINTER_START;
            long count = 0;
            do {
                ScanResult<String> page = client.scan(cursor, match);
                count += page.getResult().size();
                cursor = page.getCursor();
            } while (!cursor.equals(ScanParams.SCAN_POINTER_START) && count < MOST_COUNTED);
            return count;
        }, 0L);
    }

    private static String glob(String text) {
        return text.replaceAll("([*?\\[\\]\\\\])", "\\\\$1");
    }

    @Override
    public boolean firstDelivery(String messageId, Duration remember) {
        String answer = call("SET NX delivery", () -> client.set(key("seen", messageId), instanceId,
                SetParams.setParams().nx().px(Math.max(1, remember.toMillis()))), "OK");
        return "OK".equals(answer);
    }

    @Override
    public Allowance take(String personKey, BucketRule rule) {
        Object result = call("take token", () -> takeToken(key("rate", personKey), rule), 0L);
        int code = result instanceof Long number ? number.intValue() : 0;
        return switch (code) {
            case 1 -> Allowance.NOTICE;
            case 2 -> Allowance.DROP;
            default -> Allowance.ANSWER;
        };
    }

    /** EVALSHA, loading the script when Redis does not know it (first use, or Redis restarted). */
    private Object takeToken(String key, BucketRule rule) {
        List<String> keys = List.of(key);
        List<String> args = List.of(Integer.toString(rule.burst()), Double.toString(rule.perMinute()));
        if (!takeTokenSha.isEmpty()) {
            try {
                return client.evalsha(takeTokenSha, keys, args);
            } catch (JedisDataException unknown) {
                if (unknown.getMessage() == null || !unknown.getMessage().startsWith("NOSCRIPT")) {
                    throw unknown;
                }
            }
        }
        takeTokenSha = client.scriptLoad(TAKE_TOKEN);
        return client.evalsha(takeTokenSha, keys, args);
    }

    @Override
    public void announce(Announcement announcement) {
        String message = JSON.createObjectNode().put("origin", announcement.origin())
                .put("action", announcement.action()).put("detail", announcement.detail()).toString();
        Long receivers = call("PUBLISH", () -> client.publish(channel(), message), null);
        if (receivers != null) {
            LOG.info("Announced {} to the other instances ({} listening)", announcement.action(),
                    Math.max(0, receivers - 1));
        } else {
            LOG.warn("Could not announce {} to the other instances: Redis is unreachable; run it on each"
                    + " instance by hand, or again once Redis is back", announcement.action());
        }
    }

    private String channel() {
        return prefix + "announce";
    }

    @Override
    public void onAnnouncement(Consumer<Announcement> listener) {
        this.listener.set(Objects.requireNonNull(listener, "listener"));
    }

    /** Subscribes, and after any loss of the connection subscribes again, until closed. */
    private void subscribeUntilClosed() {
        boolean lostBefore = false;
        while (!closed) {
            try (Jedis connection = new Jedis(address, clientConfig)) {
                subscription = connection;
                if (closed) {
                    return;
                }
                if (lostBefore) {
                    LOG.info("Listening to announcements on Redis again");
                }
                connection.subscribe(new Listener(), channel());
            } catch (JedisException | IllegalStateException lost) {
                if (!lostBefore && !closed) {
                    LOG.debug("Announcement subscription lost ({}); resubscribing every second", lost.toString());
                }
                lostBefore = true;
            } finally {
                subscription = null;
            }
            try {
                Thread.sleep(PROBE_EVERY.toMillis());
            } catch (InterruptedException interrupted) {
                return;
            }
        }
    }

    private final class Listener extends JedisPubSub {
        @Override
        public void onMessage(String channel, String message) {
            try {
                JsonNode json = JSON.readTree(message);
                Announcement announcement = new Announcement(json.path("origin").asText(),
                        json.path("action").asText(), json.path("detail").asText());
                if (!announcement.origin().equals(instanceId)) {
                    listener.get().accept(announcement);
                }
            } catch (IOException | RuntimeException unreadable) {
                LOG.warn("Ignored an announcement that could not be read or carried out: {}", unreadable.toString());
            }
        }
    }

    @Override
    public String instanceId() {
        return instanceId;
    }

    @Override
    public StoreHealth health() {
        return outage.isDown()
                ? new StoreHealth("redis", true, "redis at " + where + " unreachable (" + outage.reason() + ")")
                : StoreHealth.working("redis", "redis at " + where);
    }

    /** Failed Redis calls since start, for the metrics. */
    public long failures() {
        return outage.failures();
    }

    @Override
    public void close() {
        closed = true;
        probe.shutdownNow();
        Jedis listening = subscription;
        if (listening != null) {
            try {
                listening.disconnect();
            } catch (RuntimeException ignored) {
                // Closing anyway.
            }
        }
        subscriber.interrupt();
        client.close();
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    private static String script(String resource) {
        try (InputStream in = RedisStateStore.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
