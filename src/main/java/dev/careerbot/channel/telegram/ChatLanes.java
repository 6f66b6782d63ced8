package dev.careerbot.channel.telegram;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the work of each chat in order and the chats side by side.
 *
 * <p>Each chat has a lane: its jobs run one after another, so the answers to one chat arrive in
 * the order the questions came. A job that must wait (for the pacer, or for Telegram's
 * {@code retry_after}) gives its thread back and resumes later, still first in its lane; the
 * lanes of other chats carry on meanwhile.
 */
final class ChatLanes {

    private static final Logger LOG = LoggerFactory.getLogger(ChatLanes.class);
    private static final int JOBS_PER_TURN = 16;

    /** Work for one chat. */
    interface Job {

        /**
         * Does as much as can be done now.
         *
         * @return empty when the job is finished, or how long to wait before it goes on
         */
        Optional<Duration> step();

        /** The adapter stops before the job could finish; say what is left undone. */
        void abandon();

        /** {@link #step()} threw: the job is given up; say so. */
        void drop(Throwable failure);
    }

    private final ScheduledExecutorService executor;
    private final Map<Long, Lane> lanes = new HashMap<>();
    private int unfinished;
    private volatile boolean stopped;

    ChatLanes(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    /** Queues a job behind the chat's earlier jobs. */
    void submit(long chatId, Job job) {
        synchronized (this) {
            Lane lane = lanes.computeIfAbsent(chatId, Lane::new);
            lane.jobs.add(job);
            unfinished++;
            if (lane.running) {
                return;
            }
            lane.running = true;
            try {
                executor.execute(lane);
            } catch (RejectedExecutionException e) {
                lane.running = false;
            }
        }
    }

    /** Waits until every queued job has finished; false if the time ran out first. */
    synchronized boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (unfinished > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    /**
     * No job starts another step from now on; a step under way runs to its end, so a send in
     * flight is not cut off half way and its outcome is known.
     */
    void stop() {
        stopped = true;
    }

    /** Gives up every job that has not finished, so each can log what is left; returns how many. */
    int abandonAll() {
        List<Job> abandoned = new ArrayList<>();
        synchronized (this) {
            lanes.values().forEach(lane -> {
                abandoned.addAll(lane.jobs);
                lane.jobs.clear();
            });
            lanes.clear();
            unfinished = 0;
            notifyAll();
        }
        abandoned.forEach(job -> {
            try {
                job.abandon();
            } catch (RuntimeException e) {
                LOG.error("Could not report an abandoned job: {}", e.toString());
            }
        });
        return abandoned.size();
    }

    private final class Lane implements Runnable {
        private final long chatId;
        private final Deque<Job> jobs = new ArrayDeque<>();
        private boolean running;

        Lane(long chatId) {
            this.chatId = chatId;
        }

        @Override
        public void run() {
            for (int turn = 0; turn < JOBS_PER_TURN; turn++) {
                Job job;
                synchronized (ChatLanes.this) {
                    job = jobs.peek();
                    if (stopped) {
                        running = false;
                        return;
                    }
                    if (job == null) {
                        running = false;
                        lanes.remove(chatId, this);
                        return;
                    }
                }
                Optional<Duration> wait;
                try {
                    wait = job.step();
                } catch (RuntimeException | StackOverflowError e) {
                    // Settled, or its update would hold the confirmed offset back for good.
                    job.drop(e);
                    wait = Optional.empty();
                }
                if (wait.isPresent()) {
                    resumeAfter(wait.get());
                    return;
                }
                synchronized (ChatLanes.this) {
                    if (jobs.peek() == job) {
                        jobs.poll();
                        unfinished--;
                    }
                    if (unfinished <= 0) {
                        ChatLanes.this.notifyAll();
                    }
                }
            }
            resumeAfter(Duration.ZERO);
        }

        private void resumeAfter(Duration wait) {
            try {
                executor.schedule(this, wait.toNanos(), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException stopped) {
                synchronized (ChatLanes.this) {
                    running = false;
                }
            }
        }
    }
}
