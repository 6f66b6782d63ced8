package dev.careerbot.channel.discord;

import java.time.Duration;

/**
 * Answers being sent right now. An answer of several messages is sent one message after the
 * other, each queued when the one before is through, so JDA alone cannot know that more is coming;
 * {@code close()} waits here until every started answer is sent or has failed.
 */
final class Deliveries {

    private int open;

    /** One answer starts; returns the callback that marks it finished (safe to call twice). */
    synchronized Runnable start() {
        open++;
        boolean[] done = {false};
        return () -> {
            synchronized (this) {
                if (!done[0]) {
                    done[0] = true;
                    open--;
                    notifyAll();
                }
            }
        };
    }

    /** Waits until no answer is being sent; false when time ran out first. */
    synchronized boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (open > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
