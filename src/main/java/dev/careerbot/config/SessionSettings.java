package dev.careerbot.config;

import java.time.Duration;

/**
 * The {@code sessions} section: how long and how many conversations are remembered.
 *
 * @param expiry a conversation idle this long is forgotten
 * @param maxSessions at most this many conversations are kept; the least recently used goes first
 */
public record SessionSettings(Duration expiry, int maxSessions) {

    public static SessionSettings defaults() {
        return new SessionSettings(Duration.ofMinutes(30), 100_000);
    }
}
