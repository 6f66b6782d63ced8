package dev.careerbot.operations;

import dev.careerbot.config.OperationsSettings;
import dev.careerbot.state.Allowance;
import dev.careerbot.state.BucketRule;
import dev.careerbot.state.MemoryStateStore;
import dev.careerbot.state.StateStore;
import java.util.function.LongSupplier;

/**
 * A token bucket per person: {@code burst} messages in a row, then {@code perMinute} a minute in
 * the long run. The first message over the limit gets {@link Verdict#NOTICE}, the following ones
 * {@link Verdict#DROP} (a token that trickles in meanwhile still lets one message through) and no
 * second notice until the bucket has filled up again. The buckets live in the {@link StateStore}:
 * in this process (bounded, the least recently seen forgotten first) or in Redis, where one
 * person's bucket holds across every instance. Thread-safe.
 */
final class RateLimiter {

    private final OperationsSettings.RateLimit settings;
    private final StateStore buckets;

    /**
     * Buckets in this process.
     *
     * @param settings burst and rate
     * @param nanoTime the monotonic clock, {@code System::nanoTime} outside tests
     */
    public RateLimiter(OperationsSettings.RateLimit settings, LongSupplier nanoTime) {
        this(settings, new MemoryStateStore(1, nanoTime));
    }

    /** Buckets in this store, shared by every instance that uses it. */
    public RateLimiter(OperationsSettings.RateLimit settings, StateStore buckets) {
        this.settings = settings;
        this.buckets = buckets;
    }

    /** Takes a token for one message of the person with this key (platform and user id). */
    public Verdict take(String personKey) {
        if (!settings.enabled()) {
            return Verdict.ANSWER;
        }
        Allowance allowance = buckets.take(personKey, new BucketRule(settings.burst(), settings.perMinute()));
        return switch (allowance) {
            case ANSWER -> Verdict.ANSWER;
            case NOTICE -> Verdict.NOTICE;
            case DROP -> Verdict.DROP;
        };
    }
}
