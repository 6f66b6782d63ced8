package dev.careerbot.operations;

import dev.careerbot.channel.ChatAdapter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shutdown within a deadline: every adapter is closed at once, each on its own thread (it stops
 * taking messages, answers those it holds within its grace, and leaves the rest for its platform
 * to deliver again); then the messages still being answered get the rest of the time; then new
 * messages are turned away. What was not answered is counted in the last line, never dropped
 * silently.
 */
final class GracefulShutdown {

    private static final Logger log = LoggerFactory.getLogger(GracefulShutdown.class);

    /**
     * What shutdown left behind.
     *
     * @param adaptersNotClosed adapters still closing at the deadline
     * @param abandoned messages still being answered at the deadline
     * @param leftForRedelivery messages the closed adapters had taken in but not answered; not
     *     confirmed to the platform, which delivers them again after a restart
     * @param refused messages that arrived after shutdown began and were not answered
     */
    record Report(List<String> adaptersNotClosed, int abandoned, long leftForRedelivery, long refused) {

        Report {
            adaptersNotClosed = List.copyOf(adaptersNotClosed);
        }

        boolean clean() {
            return adaptersNotClosed.isEmpty() && abandoned == 0 && leftForRedelivery == 0 && refused == 0;
        }
    }

    private final InFlight inFlight;
    private final Duration deadline;

    GracefulShutdown(InFlight inFlight, Duration deadline) {
        this.inFlight = inFlight;
        this.deadline = deadline;
    }

    Report run(List<ChatAdapter> adapters) {
        long end = System.nanoTime() + deadline.toNanos();
        log.info("Shutting down: closing {} adapter(s), {} message(s) being answered, deadline {} s",
                adapters.size(), inFlight.running(), deadline.toSeconds());
        List<Thread> closing = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (ChatAdapter adapter : adapters) {
            Thread thread = new Thread(() -> close(adapter), "careerbot-close-" + adapter.name());
            thread.setDaemon(true);
            thread.start();
            closing.add(thread);
            names.add(adapter.name());
        }
        List<String> notClosed = new ArrayList<>();
        long leftForRedelivery = 0;
        int abandoned;
        try {
            for (int i = 0; i < closing.size(); i++) {
                closing.get(i).join(Math.max(1, (end - System.nanoTime()) / 1_000_000));
                if (closing.get(i).isAlive()) {
                    notClosed.add(names.get(i));
                } else {
                    leftForRedelivery += adapters.get(i).unansweredAtClose();
                }
            }
            abandoned = inFlight.awaitIdle(Duration.ofNanos(Math.max(0, end - System.nanoTime())));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            abandoned = inFlight.running();
        }
        inFlight.close();
        Report report = new Report(notClosed, abandoned, leftForRedelivery, inFlight.refused());
        if (report.clean()) {
            log.info("Shut down cleanly: every adapter closed, every message answered");
        } else {
            log.warn("Shut down at the deadline: adapters still closing {}, messages still being answered {},"
                    + " messages taken in but not answered {} (not confirmed, so the platform delivers them again"
                    + " after a restart), messages refused after shutdown began {}",
                    report.adaptersNotClosed(), report.abandoned(), report.leftForRedelivery(), report.refused());
        }
        return report;
    }

    private static void close(ChatAdapter adapter) {
        try {
            adapter.close();
            log.info("{} adapter closed", adapter.name());
        } catch (RuntimeException failure) {
            log.warn("{} adapter did not close cleanly: {}", adapter.name(), failure.toString());
        }
    }
}
