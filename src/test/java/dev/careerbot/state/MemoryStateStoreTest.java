package dev.careerbot.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MemoryStateStoreTest extends StateStoreContract {

    private final AtomicLong nanos = new AtomicLong();

    @Override
    protected StateStore store() {
        return new MemoryStateStore(1000, nanos::get);
    }

    @Test
    void keepsAtMostItsLimitOfContextsDroppingTheLeastRecentlyUsed() {
        MemoryStateStore store = new MemoryStateStore(2, nanos::get);
        Instant now = Instant.parse("2026-12-05T12:00:00Z");
        store.keepContext("a", "1", now, Duration.ofMinutes(30));
        store.keepContext("b", "2", now, Duration.ofMinutes(30));
        store.context("a", now);
        store.keepContext("c", "3", now, Duration.ofMinutes(30));
        assertEquals(2, store.contexts());
        assertEquals(Optional.of("1"), store.context("a", now));
        assertEquals(Optional.empty(), store.context("b", now));
    }

    @Test
    void aMessageIdIsNewAgainAfterItsTime() {
        StateStore store = store();
        assertTrue(store.firstDelivery("m", Duration.ofSeconds(10)));
        nanos.addAndGet(Duration.ofSeconds(11).toNanos());
        assertTrue(store.firstDelivery("m", Duration.ofSeconds(10)));
    }

    @Test
    void aBucketNoticesAgainOnlyAfterItFilledUp() {
        StateStore store = store();
        BucketRule rule = new BucketRule(3, 6);
        IntStream.range(0, 5).forEach(i -> store.take("p", rule));
        nanos.addAndGet(10_500_000_000L);
        assertEquals(List.of(Allowance.ANSWER, Allowance.DROP), take(store, rule, 2),
                "a token trickled in, but no second notice while the person keeps writing");
        nanos.addAndGet(30_000_000_000L);
        assertEquals(List.of(Allowance.ANSWER, Allowance.ANSWER, Allowance.ANSWER, Allowance.NOTICE),
                take(store, rule, 4));
    }

    private static List<Allowance> take(StateStore store, BucketRule rule, int messages) {
        return IntStream.range(0, messages).mapToObj(i -> store.take("p", rule)).toList();
    }

    @Test
    void forgetsFullBucketsBeyondItsLimit() {
        MemoryStateStore store = new MemoryStateStore(10, nanos::get);
        BucketRule rule = new BucketRule(5, 20);
        for (int i = 0; i <= MemoryStateStore.MAX_BUCKETS; i++) {
            store.take("person-" + i, rule);
        }
        assertTrue(store.buckets() <= MemoryStateStore.MAX_BUCKETS, "buckets " + store.buckets());
    }
}
