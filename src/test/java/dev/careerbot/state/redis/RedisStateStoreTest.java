package dev.careerbot.state.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.careerbot.RedisServer;
import dev.careerbot.config.Secret;
import dev.careerbot.config.StateSettings;
import dev.careerbot.state.Allowance;
import dev.careerbot.state.Announcement;
import dev.careerbot.state.BucketRule;
import dev.careerbot.state.StateStore;
import dev.careerbot.state.StateStoreContract;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Redis store against a real redis-server of its own, shared by two stores as two instances would. */
class RedisStateStoreTest extends StateStoreContract {

    private static final Duration TIMEOUT = Duration.ofMillis(250);

    @TempDir
    Path dir;

    RedisServer redis;
    final List<StateStore> opened = new ArrayList<>();

    @BeforeEach
    void startRedis() throws Exception {
        redis = RedisServer.start(dir);
    }

    @AfterEach
    void stopEverything() throws Exception {
        opened.forEach(StateStore::close);
        redis.close();
    }

    @Override
    protected StateStore store() {
        return open("careerbot:");
    }

    private RedisStateStore open(String prefix) {
        RedisStateStore store = RedisStateStore.open(new StateSettings(StateSettings.Store.REDIS,
                new Secret(redis.url()), prefix, TIMEOUT));
        opened.add(store);
        return store;
    }

    @Test
    void twoInstancesShareContextsDedupeAndBuckets() {
        StateStore a = open("bot:");
        StateStore b = open("bot:");
        Instant now = Instant.now();
        a.keepContext("telegram:5:5", "about skills", now, Duration.ofMinutes(30));
        assertEquals(Optional.of("about skills"), b.context("telegram:5:5", now));

        assertTrue(a.firstDelivery("telegram:update:9", Duration.ofMinutes(10)));
        assertFalse(b.firstDelivery("telegram:update:9", Duration.ofMinutes(10)), "delivered twice, answered once");

        BucketRule rule = new BucketRule(2, 6);
        assertEquals(List.of(Allowance.ANSWER, Allowance.ANSWER, Allowance.NOTICE, Allowance.DROP),
                List.of(a.take("p", rule), b.take("p", rule), a.take("p", rule), b.take("p", rule)),
                "one bucket across both instances");
    }

    @Test
    void aContextLivesInRedisWithItsExpiryAsTtl() {
        store().keepContext("k", "v", Instant.now(), Duration.ofMinutes(30));
        long ttl = Long.parseLong(redis.command("PTTL careerbot:ctx:k").substring(1));
        assertTrue(ttl > Duration.ofMinutes(29).toMillis() && ttl <= Duration.ofMinutes(30).toMillis(), "ttl " + ttl);
    }

    @Test
    void prefixesKeepTwoBotsApart() {
        StateStore careers = open("careers:");
        StateStore other = open("other:");
        Instant now = Instant.now();
        careers.keepContext("k", "careers", now, Duration.ofMinutes(1));
        assertEquals(Optional.empty(), other.context("k", now));
        assertTrue(careers.firstDelivery("m", Duration.ofMinutes(1)));
        assertTrue(other.firstDelivery("m", Duration.ofMinutes(1)));
        assertEquals(1, careers.contexts());
        assertEquals(0, other.contexts());
    }

    @Test
    void aBucketRefillsOnRedisTimeAndNoticesAgainOnlyOnceFull() throws InterruptedException {
        StateStore store = store();
        BucketRule rule = new BucketRule(2, 600);
        assertEquals(List.of(Allowance.ANSWER, Allowance.ANSWER, Allowance.NOTICE, Allowance.DROP), take(store, rule, 4));
        Thread.sleep(400);
        assertEquals(List.of(Allowance.ANSWER, Allowance.ANSWER, Allowance.NOTICE), take(store, rule, 3));
        long ttl = Long.parseLong(redis.command("PTTL careerbot:rate:p").substring(1));
        assertTrue(ttl > 0 && ttl <= 1300, "the bucket expires once it would be full again: " + ttl);
    }

    private static List<Allowance> take(StateStore store, BucketRule rule, int messages) {
        return IntStream.range(0, messages).mapToObj(i -> store.take("p", rule)).toList();
    }

    @Test
    void anAnnouncementReachesTheOtherInstanceButNotTheSender() throws Exception {
        StateStore a = open("bot:");
        StateStore b = open("bot:");
        BlockingQueue<Announcement> atA = new LinkedBlockingQueue<>();
        BlockingQueue<Announcement> atB = new LinkedBlockingQueue<>();
        a.onAnnouncement(atA::add);
        b.onAnnouncement(atB::add);
        awaitSubscribers(2);

        a.announce(new Announcement(a.instanceId(), Announcement.RELOAD, "hash-1"));

        Announcement received = atB.poll(5, TimeUnit.SECONDS);
        assertEquals(new Announcement(a.instanceId(), Announcement.RELOAD, "hash-1"), received);
        assertEquals(null, atA.poll(300, TimeUnit.MILLISECONDS), "the sender ignores its own announcement");
    }

    private void awaitSubscribers(int count) throws InterruptedException {
        await(() -> redis.command("PUBSUB NUMSUB bot:announce").length() > 0
                && subscribers("bot:announce") >= count, Duration.ofSeconds(5), count + " subscribers");
    }

    private int subscribers(String channel) {
        // NUMSUB answers an array; the inline reader sees its first line only, so ask for the count plainly.
        String reply = redis.command("EVAL \"return redis.call('PUBSUB','NUMSUB',KEYS[1])[2]\" 1 " + channel);
        return reply.startsWith(":") ? Integer.parseInt(reply.substring(1)) : 0;
    }

    @Test
    void keepsAnsweringWithoutRedisAndRecoversWhenItReturns() throws Exception {
        StateStore a = open("bot:");
        StateStore b = open("bot:");
        BlockingQueue<Announcement> atB = new LinkedBlockingQueue<>();
        b.onAnnouncement(atB::add);
        awaitSubscribers(2);
        Instant now = Instant.now();
        a.keepContext("k", "before", now, Duration.ofMinutes(5));

        redis.kill();
        long start = System.nanoTime();
        assertEquals(Optional.empty(), a.context("k", now), "no context while Redis is down");
        assertTrue(a.firstDelivery("m", Duration.ofMinutes(1)), "every message counts as new");
        assertTrue(a.firstDelivery("m", Duration.ofMinutes(1)));
        assertEquals(Allowance.ANSWER, a.take("p", new BucketRule(1, 1)));
        assertEquals(Allowance.ANSWER, a.take("p", new BucketRule(1, 1)), "no limit while Redis is down");
        long took = System.nanoTime() - start;
        assertTrue(took < TIMEOUT.multipliedBy(4).toNanos(), "calls skip Redis once it is known down: "
                + took / 1_000_000 + " ms");
        assertTrue(a.health().degraded(), a.health().toString());

        redis.restart();
        await(() -> !a.health().degraded(), Duration.ofSeconds(10), "recovery of a");
        a.keepContext("k", "after", now, Duration.ofMinutes(5));
        assertEquals(Optional.of("after"), a.context("k", now));
        assertTrue(a.firstDelivery("probe", Duration.ofMinutes(1)));
        assertFalse(b.firstDelivery("probe", Duration.ofMinutes(1)), "dedupe works again");

        awaitSubscribers(2);
        a.announce(new Announcement(a.instanceId(), Announcement.RELOAD, "after the outage"));
        assertEquals("after the outage", atB.poll(5, TimeUnit.SECONDS).detail(), "resubscribed by itself");
    }

    @Test
    void startsDegradedWhenRedisIsDownAndRecoversWithoutARestart() throws Exception {
        redis.kill();
        long start = System.nanoTime();
        StateStore store = open("bot:");
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(2).toNanos(), "start does not wait on Redis");
        assertTrue(store.health().degraded());
        assertTrue(store.firstDelivery("m", Duration.ofMinutes(1)));

        redis.restart();
        await(() -> !store.health().degraded(), Duration.ofSeconds(10), "recovery");
        assertTrue(store.firstDelivery("n", Duration.ofMinutes(1)));
        assertFalse(store.firstDelivery("n", Duration.ofMinutes(1)));
    }

    @Test
    void aStalledRedisCostsAMessageOneTimeoutAtMost() throws Exception {
        StateStore store = store();
        Instant now = Instant.now();
        store.keepContext("k", "v", now, Duration.ofMinutes(5));
        redis.stall(Duration.ofSeconds(2));
        Thread.sleep(100);

        long start = System.nanoTime();
        store.context("k", now);
        store.take("p", new BucketRule(5, 20));
        store.firstDelivery("m", Duration.ofMinutes(1));
        store.keepContext("k", "v2", now, Duration.ofMinutes(5));
        long took = System.nanoTime() - start;

        assertTrue(took < TIMEOUT.multipliedBy(3).toNanos(), "four calls of a message took " + took / 1_000_000
                + " ms against a 250 ms timeout");
        assertTrue(store.health().degraded());
        await(() -> !store.health().degraded(), Duration.ofSeconds(10), "recovery after the stall");
        assertEquals(Optional.of("v"), store.context("k", now), "what was written before the stall is still there");
    }

    private static void await(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + what + " within " + timeout.toSeconds() + " s");
            }
            Thread.sleep(50);
        }
    }
}
