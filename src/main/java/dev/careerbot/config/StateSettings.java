package dev.careerbot.config;

import java.time.Duration;

/**
 * The {@code state} section: where the state that instances share is kept.
 *
 * @param store {@code memory} (this process only, the default) or {@code redis}
 * @param redisUrl {@code redis://[user:password@]host:port[/db]} or {@code rediss://...} for TLS
 *     (from {@code ${REDIS_URL}}, since it may hold a password)
 * @param keyPrefix put before every key and channel, so several bots can share one Redis
 * @param timeout the longest one Redis call may take (connect, read or write) before the bot
 *     answers without it; several calls a message must stay inside Discord's 3 s
 */
public record StateSettings(Store store, Secret redisUrl, String keyPrefix, Duration timeout) {

    /** Where shared state lives. */
    public enum Store {
        MEMORY, REDIS
    }

    public static final String DEFAULT_KEY_PREFIX = "careerbot:";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(250);

    public static StateSettings defaults() {
        return new StateSettings(Store.MEMORY, new Secret(""), DEFAULT_KEY_PREFIX, DEFAULT_TIMEOUT);
    }
}
