package dev.careerbot.state.redis;

import java.time.Duration;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether Redis is reachable, as a circuit breaker: the first failed call opens it and logs the
 * loss once; while it is open no message waits on Redis at all (calls are skipped), and only the
 * probe tries again; the first success closes it and logs the recovery once. Thread-safe.
 */
final class Outage {

    private static final Logger LOG = LoggerFactory.getLogger(Outage.class);

    private final String where;
    private final LongSupplier nanoTime;
    private long downSince;
    private boolean down;
    private String reason = "";
    private long failures;

    Outage(String where, LongSupplier nanoTime) {
        this.where = where;
        this.nanoTime = nanoTime;
    }

    /** A call failed: opens the circuit, logging only the first failure of an outage. */
    void failed(String operation, RuntimeException failure) {
        synchronized (this) {
            failures++;
            if (down) {
                return;
            }
            down = true;
            downSince = nanoTime.getAsLong();
            reason = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        }
        LOG.warn("Lost Redis at {} ({} failed: {}); answering without shared context, dedupe and rate limits"
                + " until it is back, retrying every second", where, operation, reason);
    }

    /** A call or probe succeeded: closes the circuit, logging the recovery once. */
    void succeeded() {
        long took;
        synchronized (this) {
            if (!down) {
                return;
            }
            down = false;
            took = nanoTime.getAsLong() - downSince;
        }
        LOG.info("Redis at {} is back after {} s; shared state works again", where,
                Duration.ofNanos(took).toSeconds());
    }

    synchronized boolean isDown() {
        return down;
    }

    synchronized String reason() {
        return reason;
    }

    /** Failed calls since start. */
    synchronized long failures() {
        return failures;
    }
}
