package dev.careerbot.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.careerbot.channel.ChatAdapter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GracefulShutdownTest {

    /** An adapter whose close takes as long as the test says. */
    private static final class SlowAdapter implements ChatAdapter {
        private final String name;
        private final Duration closing;
        private volatile boolean closed;

        SlowAdapter(String name, Duration closing) {
            this.name = name;
            this.closing = closing;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void start() {
        }

        @Override
        public boolean connected() {
            return !closed;
        }

        @Override
        public void close() {
            try {
                Thread.sleep(closing.toMillis());
                closed = true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void closesEveryAdapterAndWaitsForTheMessageInFlight() throws InterruptedException {
        InFlight inFlight = new InFlight();
        SlowAdapter telegram = new SlowAdapter("telegram", Duration.ofMillis(50));
        SlowAdapter discord = new SlowAdapter("discord", Duration.ofMillis(50));
        assertTrue(inFlight.enter());
        Thread answering = new Thread(() -> {
            sleep(150);
            inFlight.exit();
        });
        answering.start();

        GracefulShutdown.Report report = new GracefulShutdown(inFlight, Duration.ofSeconds(5))
                .run(List.of(telegram, discord));

        assertTrue(report.clean(), report.toString());
        assertFalse(telegram.connected() || discord.connected());
        assertEquals(0, inFlight.running());
        assertFalse(inFlight.enter(), "nothing is accepted after shutdown");
        assertEquals(1, inFlight.refused());
        answering.join();
    }

    @Test
    void stopsAtTheDeadlineAndCountsWhatWasLeft() throws InterruptedException {
        InFlight inFlight = new InFlight();
        SlowAdapter stuck = new SlowAdapter("telegram", Duration.ofSeconds(30));
        assertTrue(inFlight.enter());
        CountDownLatch release = new CountDownLatch(1);
        long start = System.nanoTime();

        GracefulShutdown.Report report = new GracefulShutdown(inFlight, Duration.ofMillis(300)).run(List.of(stuck));

        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(List.of("telegram"), report.adaptersNotClosed());
        assertEquals(1, report.abandoned());
        assertTrue(tookMillis < 5_000, "returned at the deadline, not after the adapter: " + tookMillis + " ms");
        release.countDown();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
