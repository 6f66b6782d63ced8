package dev.careerbot.channel.telegram;

import dev.careerbot.channel.AnsweredIds;
import java.time.Duration;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Which updates the bot holds, and so which offset it may confirm to Telegram.
 *
 * <p>Telegram confirms by watermark: a {@code getUpdates} with {@code offset} N tells it that
 * every update below N is done with, and it never sends those again. The library would confirm an
 * update the moment it was fetched, and a crash would then lose every message still queued. Here
 * the offset is the oldest update still being answered ({@link #offset()}), so everything not yet
 * answered stays unconfirmed and Telegram delivers it again after a crash or a stop. The price is
 * that each poll while answers are pending brings those pending updates again: they are
 * recognised and skipped ({@link #admit}), and polling pauses while the last poll brought nothing
 * new, so it does not spin.
 *
 * <p>Intake is bounded: no poll is made while {@code capacity} updates are being answered (and
 * Telegram sends at most 100 updates from the offset, so no more than 100 beyond the oldest
 * unanswered one are ever held). Updates answered above the watermark are noted in the
 * {@link AnsweredIds}, which survive a restart, so the redelivered tail is not answered twice.
 */
final class Intake {

    /** What to do with an update of a fetched batch. */
    enum Admission {
        /** Not seen before: take it on. */
        NEW,
        /** Taken on earlier in this run (a pending update fetched again): skip it. */
        HELD,
        /** Answered before a restart (Telegram delivers it again because it was not confirmed): skip it. */
        ANSWERED_BEFORE
    }

    private final AnsweredIds answered;
    private final int capacity;
    private final long pollPauseNanos;
    private final TreeSet<Integer> pending = new TreeSet<>();
    private int highestAdmitted;
    private int newSinceLastPoll;
    private long lastPollNanos;
    private int lastPolledOffset;
    private long taken;
    private long finished;
    private boolean stopped;

    /**
     * @param capacity the most updates answered at once; no poll while this many are pending
     * @param pollPause the pause before polling again when the last poll brought only pending updates
     */
    Intake(AnsweredIds answered, int capacity, Duration pollPause) {
        this.answered = answered;
        this.capacity = Math.max(1, capacity);
        this.pollPauseNanos = pollPause.toNanos();
    }

    /** Classifies an update of a fetched batch; call in update order. */
    synchronized Admission admit(int updateId) {
        if (updateId <= highestAdmitted) {
            return Admission.HELD;
        }
        highestAdmitted = updateId;
        newSinceLastPoll++;
        return answered.contains(updateId) ? Admission.ANSWERED_BEFORE : Admission.NEW;
    }

    /** The update is being answered: the offset stays at or below it until {@link #finish}. */
    synchronized void hold(int updateId) {
        pending.add(updateId);
        taken++;
    }

    /**
     * The update is answered, or given up for good (Telegram refused the reply): it is noted as
     * answered and no longer holds the offset back.
     */
    void finish(int updateId) {
        answered.add(updateId);
        synchronized (this) {
            if (pending.remove(updateId)) {
                finished++;
            }
            notifyAll();
        }
    }

    /** The offset that confirms every update not held: the oldest held, or the one after the newest. */
    synchronized int offset() {
        return pending.isEmpty() ? highestAdmitted + 1 : pending.first();
    }

    /**
     * Waits until the next poll may go (there is room, and it can bring something new) and returns
     * its offset. Returns at once after {@link #stop()}.
     */
    synchronized int nextPollOffset() throws InterruptedException {
        while (!stopped) {
            long now = System.nanoTime();
            long wait;
            if (pending.size() >= capacity) {
                wait = pollPauseNanos;
            } else if (!pending.isEmpty() && newSinceLastPoll == 0) {
                wait = lastPollNanos + pollPauseNanos - now;
                if (wait <= 0) {
                    break;
                }
            } else {
                break;
            }
            TimeUnit.NANOSECONDS.timedWait(this, Math.max(1_000_000, wait));
        }
        newSinceLastPoll = 0;
        lastPollNanos = System.nanoTime();
        lastPolledOffset = offset();
        return lastPolledOffset;
    }

    /** Telegram took a poll with this offset: updates below it never come again. */
    void confirmed(int offset) {
        answered.forgetBelow(offset);
    }

    /** The last poll succeeded, so Telegram has taken its offset. */
    void lastPollConfirmed() {
        int offset;
        synchronized (this) {
            offset = lastPolledOffset;
        }
        confirmed(offset);
    }

    /** Ends every wait for a poll. */
    synchronized void stop() {
        stopped = true;
        notifyAll();
    }

    /** Updates taken on to be answered since start. */
    synchronized long taken() {
        return taken;
    }

    /** Of those, how many are answered or given up. */
    synchronized long finished() {
        return finished;
    }

    /** Of those, how many are still pending. */
    synchronized int pending() {
        return pending.size();
    }
}
