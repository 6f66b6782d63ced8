package dev.careerbot.ratelimit;

import dev.careerbot.config.OperationsSettings;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A token bucket per person: {@code burst} messages in a row, then {@code perMinute} a minute in
 * the long run. The first message over the limit gets {@link Verdict#NOTICE}, the following ones
 * {@link Verdict#DROP} (a token that trickles in meanwhile still lets one message through) and no
 * second notice until the bucket has filled up again. At most {@link #MAX_TRACKED} people are
 * tracked, the least recently seen forgotten first, so memory stays bounded. Thread-safe.
 */
public final class RateLimiter {

    /** The most people whose buckets are kept at once. */
    static final int MAX_TRACKED = 100_000;

    private final OperationsSettings.RateLimit settings;
    private final LongSupplier nanoTime;
    private final LinkedHashMap<String, TokenBucket> buckets = new LinkedHashMap<>(16, 0.75f, true);

    /**
     * @param settings burst and rate
     * @param nanoTime the monotonic clock, {@code System::nanoTime} outside tests
     */
    public RateLimiter(OperationsSettings.RateLimit settings, LongSupplier nanoTime) {
        this.settings = settings;
        this.nanoTime = nanoTime;
    }

    /** Takes a token for one message of the person with this key (platform and user id). */
    public synchronized Verdict take(String personKey) {
        if (!settings.enabled()) {
            return Verdict.ANSWER;
        }
        long now = nanoTime.getAsLong();
        TokenBucket bucket = buckets.computeIfAbsent(personKey,
                key -> new TokenBucket(settings.burst(), settings.perMinute() / 60e9, now));
        Verdict verdict = bucket.take(now);
        if (buckets.size() > MAX_TRACKED) {
            forgetFullBuckets(now);
        }
        return verdict;
    }

    /** How many people are tracked right now. */
    public synchronized int tracked() {
        return buckets.size();
    }

    private void forgetFullBuckets(long now) {
        Iterator<Map.Entry<String, TokenBucket>> eldestFirst = buckets.entrySet().iterator();
        while (eldestFirst.hasNext()) {
            if (eldestFirst.next().getValue().isFull(now)) {
                eldestFirst.remove();
            }
        }
        eldestFirst = buckets.entrySet().iterator();
        while (buckets.size() > MAX_TRACKED && eldestFirst.hasNext()) {
            eldestFirst.next();
            eldestFirst.remove();
        }
    }
}
