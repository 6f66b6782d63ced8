package dev.careerbot.operations;

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
    void refillsAtTheConfiguredRateWithoutASecondNoticeUntilThePersonSlowedDown() {
        take(5);
        now.addAndGet(9_000_000_000L);
        assertEquals(List.of(Verdict.DROP), take(1), "six a minute: nine seconds are not enough for a message");
        now.addAndGet(1_500_000_000L);
        assertEquals(List.of(Verdict.ANSWER, Verdict.DROP, Verdict.DROP), take(3),
                "a token trickled in: one answer, and no second notice");
        now.addAndGet(30_000_000_000L);
        assertEquals(List.of(Verdict.ANSWER, Verdict.ANSWER, Verdict.ANSWER, Verdict.NOTICE), take(4),
                "after a full refill the next overflow is noticed again");
    }

    @Test
    void someoneWritingFasterThanTheRateGetsOneNoticeNotOneBetweenAnswers() {
        List<Verdict> verdicts = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            verdicts.addAll(take(1));
            now.addAndGet(5_000_000_000L);
        }
        assertEquals(1, verdicts.stream().filter(Verdict.NOTICE::equals).count(), verdicts.toString());
        assertEquals(3 + 29, verdicts.stream().filter(Verdict.ANSWER::equals).count(),
                "the burst, then one answer each ten seconds: " + verdicts);
    }

    @Test
    void letsEverythingThroughWhenSwitchedOff() {
        dev.careerbot.state.MemoryStateStore store = new dev.careerbot.state.MemoryStateStore(1, now::get);
        RateLimiter off = new RateLimiter(new OperationsSettings.RateLimit(false, 1, 1), store);
        for (int i = 0; i < 100; i++) {
            assertEquals(Verdict.ANSWER, off.take("telegram:1"));
        }
        assertEquals(0, store.buckets(), "no bucket kept while switched off");
    }
}
