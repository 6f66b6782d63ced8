package dev.careerbot.channel.discord;

import java.time.Duration;

/**
 * Adapter timings for tests against the loopback Discord: no five-second identify pause, and a
 * ready timeout long enough for a loaded machine (a failing start ends the wait at once anyway).
 */
final class TestTuning {

    private TestTuning() {}

    static DiscordTuning fast() {
        return new DiscordTuning(Duration.ZERO, Duration.ofSeconds(45), Duration.ofMillis(1500), 4,
                Duration.ofSeconds(5));
    }
}
