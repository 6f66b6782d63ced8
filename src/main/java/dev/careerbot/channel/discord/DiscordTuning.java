package dev.careerbot.channel.discord;

import java.time.Duration;

/**
 * Timings of the adapter that are not user settings: Discord's own values in production; tests
 * against the loopback Discord shorten the identify pause.
 *
 * @param identifyDelay pause between two IDENTIFYs (Discord allows one every five seconds)
 * @param readyTimeout how long {@code start()} waits for every shard to be READY
 * @param deferAfter when an interaction's answer is not ready by then, it is deferred (Discord
 *     wants an acknowledgement within three seconds)
 * @param workers threads that call the responder
 * @param shutdownWait how long {@code close()} waits for answers in flight and for JDA
 */
record DiscordTuning(Duration identifyDelay, Duration readyTimeout, Duration deferAfter, int workers,
        Duration shutdownWait) {

    DiscordTuning {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, was " + workers);
        }
    }

    static DiscordTuning defaults() {
        return new DiscordTuning(Duration.ofSeconds(5), Duration.ofSeconds(60), Duration.ofMillis(1500), 4,
                Duration.ofSeconds(10));
    }
}
