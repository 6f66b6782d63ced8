package dev.careerbot.operations;

import java.time.Duration;

/**
 * Counts the messages being answered, and once closed turns new ones away, so shutdown can wait
 * for those in flight and say how many it had to abandon or refuse. Thread-safe.
 */
final class InFlight {

    private int running;
    private boolean closed;
    private long refused;

    /** Starts a message; false (and counted) once closed. */
    synchronized boolean enter() {
        if (closed) {
            refused++;
            return false;
        }
        running++;
        return true;
    }

    synchronized void exit() {
        running--;
        if (running == 0) {
            notifyAll();
        }
    }

    /** Turns away every later message. */
    synchronized void close() {
        closed = true;
    }

    synchronized boolean isClosed() {
        return closed;
    }

    /** Waits until no message is in flight or the time is up; returns how many still are. */
    synchronized int awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (running > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return running;
    }

    synchronized int running() {
        return running;
    }

    synchronized long refused() {
        return refused;
    }
}
