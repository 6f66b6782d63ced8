package dev.careerbot.state;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The state that several instances of one bot share: conversation contexts, the dedupe memory of
 * platform message ids, per-person rate-limit buckets, and announcements to every instance.
 *
 * <p>No method throws because the store is unreachable: a shared store that is down degrades to
 * answering without it (no context, every message counted as new, no rate limit), reports that in
 * {@link #health()}, and recovers by itself. Implementations are thread-safe.
 */
public interface StateStore extends AutoCloseable {

    /** The context kept under this key, unless it expired by {@code now}. */
    Optional<String> context(String key, Instant now);

    /** Keeps a context for {@code expiry} from {@code now} (each message moves it on). */
    void keepContext(String key, String value, Instant now, Duration expiry);

    /** Forgets the context under this key. */
    void forgetContext(String key);

    /** How many contexts are kept right now (for Redis, counted among this bot's keys). */
    long contexts();

    /**
     * True the first time any instance offers this platform message id within {@code remember},
     * false for every repeat: a message delivered twice is answered once.
     */
    boolean firstDelivery(String messageId, Duration remember);

    /** Takes a token from the person's bucket, atomically across instances. */
    Allowance take(String personKey, BucketRule rule);

    /** Tells every other instance (not this one) to carry out the action. */
    void announce(Announcement announcement);

    /** Where announcements of other instances go; call once, before they matter. */
    void onAnnouncement(Consumer<Announcement> listener);

    /** This instance's id, the origin of its announcements. */
    String instanceId();

    /** Whether the store works right now. */
    StoreHealth health();

    /** Releases connections and threads. */
    @Override
    void close();
}
