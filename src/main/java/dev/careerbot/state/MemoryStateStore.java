package dev.careerbot.state;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The state of one process, in its heap: the default, with no extra process to run. Every part is
 * bounded: contexts expire and beyond {@code maxContexts} the least recently used goes first; at
 * most {@link #MAX_DELIVERIES} message ids and {@link #MAX_BUCKETS} buckets are kept. There is no
 * other instance, so announcements go nowhere. Thread-safe.
 */
public final class MemoryStateStore implements StateStore {

    /** The most message ids remembered for dedupe. */
    static final int MAX_DELIVERIES = 50_000;
    /** The most people whose buckets are kept at once. */
    static final int MAX_BUCKETS = 100_000;

    private record Kept(String value, Instant expiresAt) {}

    private final int maxContexts;
    private final LongSupplier nanoTime;
    private final String instanceId = UUID.randomUUID().toString();
    private final LinkedHashMap<String, Kept> contexts = new LinkedHashMap<>(16, 0.75f, true);
    private final LinkedHashMap<String, Long> deliveries = new LinkedHashMap<>(16, 0.75f, false);
    private final LinkedHashMap<String, TokenBucket> buckets = new LinkedHashMap<>(16, 0.75f, true);

    /**
     * @param maxContexts the most conversation contexts kept at once
     * @param nanoTime the monotonic clock of dedupe and buckets, {@code System::nanoTime} outside tests
     */
    public MemoryStateStore(int maxContexts, LongSupplier nanoTime) {
        if (maxContexts < 1) {
            throw new IllegalArgumentException("maxContexts must be at least 1, got " + maxContexts);
        }
        this.maxContexts = maxContexts;
        this.nanoTime = nanoTime;
    }

    @Override
    public Optional<String> context(String key, Instant now) {
        synchronized (contexts) {
            evictExpired(now);
            return Optional.ofNullable(contexts.get(key)).map(Kept::value);
        }
    }

    @Override
    public void keepContext(String key, String value, Instant now, Duration expiry) {
        synchronized (contexts) {
            contexts.put(key, new Kept(value, now.plus(expiry)));
            evictExpired(now);
            while (contexts.size() > maxContexts) {
                Iterator<String> eldest = contexts.keySet().iterator();
                eldest.next();
                eldest.remove();
            }
        }
    }

    @Override
    public void forgetContext(String key) {
        synchronized (contexts) {
            contexts.remove(key);
        }
    }

    @Override
    public long contexts() {
        synchronized (contexts) {
            return contexts.size();
        }
    }

    /** Least recently used first: stops at the first one still alive, as an LRU cache does. */
    private void evictExpired(Instant now) {
        Iterator<Map.Entry<String, Kept>> eldestFirst = contexts.entrySet().iterator();
        while (eldestFirst.hasNext()) {
            if (!now.isAfter(eldestFirst.next().getValue().expiresAt())) {
                break;
            }
            eldestFirst.remove();
        }
    }

    @Override
    public boolean firstDelivery(String messageId, Duration remember) {
        long now = nanoTime.getAsLong();
        synchronized (deliveries) {
            Iterator<Map.Entry<String, Long>> oldestFirst = deliveries.entrySet().iterator();
            while (oldestFirst.hasNext()) {
                Map.Entry<String, Long> oldest = oldestFirst.next();
                if (deliveries.size() <= MAX_DELIVERIES && oldest.getValue() - now > 0) {
                    break;
                }
                oldestFirst.remove();
            }
            Long until = deliveries.get(messageId);
            if (until != null && until - now > 0) {
                return false;
            }
            deliveries.remove(messageId);
            deliveries.put(messageId, now + remember.toNanos());
            return true;
        }
    }

    @Override
    public Allowance take(String personKey, BucketRule rule) {
        long now = nanoTime.getAsLong();
        synchronized (buckets) {
            Allowance allowance = buckets.computeIfAbsent(personKey, key -> new TokenBucket(rule, now)).take(now);
            if (buckets.size() > MAX_BUCKETS) {
                forgetFullBuckets(now);
            }
            return allowance;
        }
    }

    /** How many people's buckets are kept right now. */
    public int buckets() {
        synchronized (buckets) {
            return buckets.size();
        }
    }

    private void forgetFullBuckets(long now) {
        buckets.values().removeIf(bucket -> bucket.isFull(now));
        Iterator<String> eldestFirst = buckets.keySet().iterator();
        while (buckets.size() > MAX_BUCKETS && eldestFirst.hasNext()) {
            eldestFirst.next();
            eldestFirst.remove();
        }
    }

    /** One process has no one to tell. */
    @Override
    public void announce(Announcement announcement) {
        // No other instance shares this heap.
    }

    @Override
    public void onAnnouncement(Consumer<Announcement> listener) {
        // Nothing ever arrives: see announce.
    }

    @Override
    public String instanceId() {
        return instanceId;
    }

    @Override
    public StoreHealth health() {
        return StoreHealth.working("memory", "in this process");
    }

    @Override
    public void close() {
        // Nothing to release.
    }
}
