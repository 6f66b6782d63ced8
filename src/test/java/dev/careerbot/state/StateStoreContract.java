package dev.careerbot.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What every {@link StateStore} does, run against each implementation by its test class: the
 * memory store and the Redis store must not differ in anything a person would notice.
 */
public abstract class StateStoreContract {

    /** A fresh, empty store for one test. */
    protected abstract StateStore store();

    @Test
    void keepsAContextUntilItExpiresAndForgetsItOnRequest() {
        StateStore store = store();
        Instant now = Instant.now();
        store.keepContext("telegram:1:1", "{\"intent\":\"skills\"}", now, Duration.ofMinutes(30));
        assertEquals(Optional.of("{\"intent\":\"skills\"}"), store.context("telegram:1:1", now));
        assertEquals(1, store.contexts());

        store.forgetContext("telegram:1:1");
        assertEquals(Optional.empty(), store.context("telegram:1:1", now));
    }

    @Test
    void aContextIdleLongerThanItsExpiryIsGone() {
        StateStore store = store();
        Instant now = Instant.now();
        store.keepContext("old", "x", now.minus(Duration.ofMinutes(31)), Duration.ofMinutes(30));
        store.keepContext("fresh", "y", now.minus(Duration.ofMinutes(29)), Duration.ofMinutes(30));
        assertEquals(Optional.empty(), store.context("old", now));
        assertEquals(Optional.of("y"), store.context("fresh", now));
    }

    @Test
    void aMessageIdIsNewOnlyOnce() {
        StateStore store = store();
        assertTrue(store.firstDelivery("telegram:update:42", Duration.ofMinutes(10)));
        assertFalse(store.firstDelivery("telegram:update:42", Duration.ofMinutes(10)));
        assertTrue(store.firstDelivery("telegram:update:43", Duration.ofMinutes(10)));
    }

    @Test
    void aBucketAnswersABurstThenNoticesOnceThenDrops() {
        StateStore store = store();
        BucketRule rule = new BucketRule(3, 6);
        List<Allowance> allowances = IntStream.range(0, 6).mapToObj(i -> store.take("telegram:7", rule)).toList();
        assertEquals(List.of(Allowance.ANSWER, Allowance.ANSWER, Allowance.ANSWER, Allowance.NOTICE, Allowance.DROP,
                Allowance.DROP), allowances);
        assertEquals(Allowance.ANSWER, store.take("telegram:8", rule), "each person has a bucket of their own");
    }

    @Test
    void reportsItselfWorking() {
        assertFalse(store().health().degraded());
    }
}
