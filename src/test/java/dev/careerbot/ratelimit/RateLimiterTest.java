package dev.careerbot.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.careerbot.config.OperationsSettings;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AtomicLong now = new AtomicLong();
    private final RateLimiter limiter =
            new RateLimiter(new OperationsSettings.RateLimit(true, 3, 6), now::get);

    private List<Verdict> take(int messages) {
        return java.util.stream.IntStream.range(0, messages).mapToObj(i -> limiter.take("telegram:1")).toList();
    }

    @Test
    void answersABurstThenNoticesOnceThenDrops() {
        assertEquals(List.of(Verdict.ANSWER, Verdict.ANSWER, Verdict.ANSWER, Verdict.NOTICE, Verdict.DROP,
                Verdict.DROP), take(6));
    }

    @Test
    void refillsAtTheConfiguredRateAndNoticesAgainAfterTheNextOverflow() {
        take(5);
        now.addAndGet(9_000_000_000L);
        assertEquals(List.of(Verdict.DROP), take(1), "six a minute: nine seconds are not enough for a message");
        now.addAndGet(1_500_000_000L);
        assertEquals(List.of(Verdict.ANSWER, Verdict.NOTICE, Verdict.DROP), take(3));
    }

    @Test
    void letsEverythingThroughWhenSwitchedOff() {
        RateLimiter off = new RateLimiter(new OperationsSettings.RateLimit(false, 1, 1), now::get);
        for (int i = 0; i < 100; i++) {
            assertEquals(Verdict.ANSWER, off.take("telegram:1"));
        }
        assertEquals(0, off.tracked());
    }
}
