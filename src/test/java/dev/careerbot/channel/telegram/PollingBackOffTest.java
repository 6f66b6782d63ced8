package dev.careerbot.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** When polling counts as healthy, for {@code connected()} and {@code /healthz}. */
class PollingBackOffTest {

    @Test
    void countsAsDownWhenNoPollHasSucceededForLongerThanTheLongPollPlusMargin() throws InterruptedException {
        PollingBackOff backOff = new PollingBackOff(Duration.ofMillis(10), Duration.ofSeconds(1), Duration.ZERO,
                Duration.ofMillis(100));
        assertTrue(backOff.healthy(), "healthy right after start");

        Thread.sleep(250);

        assertFalse(backOff.healthy(), "a poll that hangs without failing must not look connected");
    }

    @Test
    void countsAsDownAfterStopping() {
        PollingBackOff backOff = new PollingBackOff(Duration.ofMillis(10), Duration.ofSeconds(1), Duration.ZERO,
                Duration.ofMinutes(1));

        backOff.stop();

        assertFalse(backOff.healthy());
    }
}
