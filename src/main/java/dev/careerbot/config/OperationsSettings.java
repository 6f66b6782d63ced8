package dev.careerbot.config;

import dev.careerbot.message.Platform;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a self-hoster tunes to run the bot for months: admins, the health and metrics endpoint,
 * rate limits, the unanswered-question log, hot reload, log format and shutdown. The sections
 * {@code admins}, {@code http}, {@code rate_limit}, {@code unanswered}, {@code reload},
 * {@code logging} and {@code shutdown} of {@code careerbot.yml}.
 *
 * @param admins who may use the admin commands
 * @param http the health and metrics endpoint
 * @param rateLimit the per-user token bucket
 * @param unanswered the log of questions the bot could not answer
 * @param reload hot reload of the knowledge base
 * @param logging log format and what goes into it
 * @param shutdown graceful shutdown
 */
public record OperationsSettings(
        Admins admins,
        Http http,
        RateLimit rateLimit,
        Unanswered unanswered,
        Reload reload,
        Logging logging,
        Shutdown shutdown) {

    public OperationsSettings {
        Objects.requireNonNull(admins, "admins");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(rateLimit, "rateLimit");
        Objects.requireNonNull(unanswered, "unanswered");
        Objects.requireNonNull(reload, "reload");
        Objects.requireNonNull(logging, "logging");
        Objects.requireNonNull(shutdown, "shutdown");
    }

    /** The defaults, as when the config has none of these sections; files go into {@code folder}. */
    public static OperationsSettings defaults(Path folder) {
        return new OperationsSettings(Admins.none(), Http.defaults(), RateLimit.defaults(),
                Unanswered.defaults(folder), Reload.defaults(), Logging.defaults(), Shutdown.defaults());
    }

    /** The same settings with another rate limit; every other section stays as it is. */
    public OperationsSettings withRateLimit(RateLimit other) {
        return new OperationsSettings(admins, http, other, unanswered, reload, logging, shutdown);
    }

    /** The same settings with another reload section; every other section stays as it is. */
    public OperationsSettings withReload(Reload other) {
        return new OperationsSettings(admins, http, rateLimit, unanswered, other, logging, shutdown);
    }

    /**
     * The {@code admins} section: user ids per platform allowed to use {@code /reload},
     * {@code /stats} and {@code /unanswered}.
     *
     * @param byPlatform admin user ids by platform
     */
    public record Admins(Map<Platform, Set<String>> byPlatform) {

        public Admins {
            Map<Platform, Set<String>> listed = new EnumMap<>(Platform.class);
            byPlatform.forEach((platform, ids) -> {
                if (!ids.isEmpty()) {
                    listed.put(platform, Set.copyOf(ids));
                }
            });
            byPlatform = Map.copyOf(listed);
        }

        public static Admins none() {
            return new Admins(Map.of());
        }

        /** True when this user id on this platform is listed as an admin. */
        public boolean isAdmin(Platform platform, String userId) {
            return byPlatform.getOrDefault(platform, Set.of()).contains(userId);
        }
    }

    /**
     * The {@code http} section: {@code GET /healthz} and {@code GET /metrics}.
     *
     * @param enabled whether {@code run} opens the endpoint
     * @param host the address to listen on, an IP address or {@code localhost}
     * @param port the port; 0 picks a free one
     */
    public record Http(boolean enabled, String host, int port) {

        public static final String DEFAULT_HOST = "127.0.0.1";
        public static final int DEFAULT_PORT = 8080;

        public static Http defaults() {
            return new Http(true, DEFAULT_HOST, DEFAULT_PORT);
        }
    }

    /**
     * The {@code rate_limit} section: a token bucket per user.
     *
     * @param enabled whether messages are limited at all
     * @param burst how many messages in a row a user may send before the limit applies
     * @param perMinute how many messages a minute a user may send in the long run
     */
    public record RateLimit(boolean enabled, int burst, double perMinute) {

        public static RateLimit defaults() {
            return new RateLimit(true, 5, 20);
        }
    }

    /**
     * The {@code unanswered} section: questions the bot could not answer, for review.
     *
     * @param enabled whether they are written at all
     * @param file the JSON-lines file; rotated files get {@code .1}, {@code .2} ... appended
     * @param salt the salt of the user-id hashes; empty to generate one into {@code file + ".salt"}
     * @param maxFileBytes the file is rotated before it grows beyond this
     * @param keepFiles how many rotated files are kept besides the current one
     * @param retention entries older than this are deleted
     */
    public record Unanswered(boolean enabled, Path file, Optional<Secret> salt, long maxFileBytes, int keepFiles,
            Duration retention) {

        public static final String DEFAULT_FILE = "unanswered.jsonl";

        public Unanswered {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(salt, "salt");
            Objects.requireNonNull(retention, "retention");
        }

        public static Unanswered defaults(Path folder) {
            return new Unanswered(true, folder.resolve(DEFAULT_FILE), Optional.empty(), 1024 * 1024, 3,
                    Duration.ofDays(30));
        }

        /** The same settings for another file, as {@code review --file} reads one. */
        public Unanswered withFile(Path other) {
            return new Unanswered(enabled, other, salt, maxFileBytes, keepFiles, retention);
        }
    }

    /**
     * The {@code reload} section: picking up an edited knowledge base without a restart.
     *
     * @param watch whether the knowledge base file is watched for changes
     * @param debounce how long the file must stay unchanged before it is reloaded
     */
    public record Reload(boolean watch, Duration debounce) {

        public static Reload defaults() {
            return new Reload(true, Duration.ofMillis(100));
        }
    }

    /**
     * The {@code logging} section.
     *
     * @param json JSON lines instead of readable text
     * @param messageText whether what people write is logged (at INFO); off by default
     */
    public record Logging(boolean json, boolean messageText) {

        public static Logging defaults() {
            return new Logging(false, false);
        }
    }

    /**
     * The {@code shutdown} section.
     *
     * @param deadline how long SIGTERM or Ctrl-C waits for messages in flight before exiting
     */
    public record Shutdown(Duration deadline) {

        public static Shutdown defaults() {
            return new Shutdown(Duration.ofSeconds(10));
        }
    }
}
