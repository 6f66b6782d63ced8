package dev.careerbot.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;

/**
 * The {@code state} section: where the state that instances share is kept.
 *
 * @param store {@code memory} (this process only, the default) or {@code redis}
 * @param redisUrl {@code redis://[user:password@]host:port[/db]} or {@code rediss://...} for TLS
 *     (from {@code ${REDIS_URL}}, since it may hold a password); such a URL whenever the store is
 *     Redis ({@link #isRedisUrl})
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

    /**
     * True for a URL the Redis client can connect to: {@code redis} or {@code rediss}, a host, a
     * port and at most a database number as the path. The one place this rule is written.
     */
    public static boolean isRedisUrl(String url) {
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String database = uri.getRawPath() == null ? "" : uri.getRawPath();
            return (scheme.equals("redis") || scheme.equals("rediss")) && uri.getHost() != null
                    && uri.getPort() != -1 && database.matches("/?|/[0-9]{1,5}") && uri.getRawQuery() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The Redis URL as a URI, for the Redis client; it may hold a password, so never log it. */
    public URI redisAddress() {
        return URI.create(redisUrl.value().strip());
    }

    public static StateSettings defaults() {
        return new StateSettings(Store.MEMORY, new Secret(""), DEFAULT_KEY_PREFIX, DEFAULT_TIMEOUT);
    }
}
