package dev.careerbot.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.careerbot.config.Secret;
import dev.careerbot.config.TelegramSettings;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The pacer's reservations, on a clock the test moves. */
class SendPacerTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    private SendPacer pacer(boolean pacing, double perSecond, double chatPerSecond, int groupPerMinute) {
        return new SendPacer(new TelegramSettings(true, new Secret("t"), TelegramSettings.ApiUrl.TELEGRAM, 50,
                pacing, perSecond, chatPerSecond, groupPerMinute), now::get);
    }

    @Test
    void spacesSendsToOnePrivateChatOneSecondApart() {
        SendPacer pacer = pacer(true, 30, 1, 20);

        assertEquals(Duration.ZERO, pacer.reserve(1, false));
        assertEquals(Duration.ofSeconds(1), pacer.reserve(1, false));
        assertEquals(Duration.ofSeconds(2), pacer.reserve(1, false));
        assertEquals(Duration.ZERO, pacer.reserve(2, false), "another chat is not held up");
    }

    @Test
    void letsAGroupBurstThenHoldsItTo20AMinute() {
        SendPacer pacer = pacer(true, 1000, 1000, 20);

        for (int i = 0; i < 20; i++) {
            assertTrue(pacer.reserve(-5, true).toMillis() < 20, "send " + i + " goes at once");
        }
        long wait = pacer.reserve(-5, true).toMillis();
        assertTrue(wait > 2900 && wait <= 3000, "the 21st waits " + wait + " ms");
    }

    @Test
    void sharesTheOverallRateAcrossChats() {
        SendPacer pacer = pacer(true, 2, 100, 20);

        assertEquals(Duration.ZERO, pacer.reserve(1, false));
        assertEquals(Duration.ZERO, pacer.reserve(2, false));
        assertEquals(Duration.ofMillis(500), pacer.reserve(3, false));
        now.addAndGet(Duration.ofSeconds(10).toNanos());
        assertEquals(Duration.ZERO, pacer.reserve(4, false), "the budget refills with time");
    }

    @Test
    void neverWaitsWhenPacingIsOff() {
        SendPacer pacer = pacer(false, 0, 0, 0);

        for (int i = 0; i < 100; i++) {
            assertEquals(Duration.ZERO, pacer.reserve(1, true));
        }
    }
}
