package dev.careerbot.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.careerbot.config.OperationsSettings;
import dev.careerbot.message.Reply;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class HotReloadTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @TempDir
    Path folder;

    private Operations operations;
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger reloaderLog = (Logger) LoggerFactory.getLogger(KnowledgeReloader.class);

    @AfterEach
    void stop() {
        reloaderLog.detachAppender(logged);
        if (operations != null) {
            operations.close();
        }
    }

    private Path startWatching() {
        Path file = SmallBot.write(folder, SmallBot.knowledge());
        OperationsSettings test = SmallBot.settings(folder);
        OperationsSettings watching = test.withReload(new OperationsSettings.Reload(true, Duration.ofMillis(100)));
        operations = Operations.start(SmallBot.config(file, watching), SmallBot.conversation(SmallBot.load(file)),
                SmallBot::train, Clock.systemUTC());
        logged.start();
        reloaderLog.addAppender(logged);
        return file;
    }

    private final AtomicInteger asked = new AtomicInteger();

    private String ask(String text) {
        asked.incrementAndGet();
        return operations.responder().respond(SmallBot.telegram("7", text)).orElseThrow().text();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("waited " + PATIENCE.toSeconds() + " s for " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void picksUpAnEditedKnowledgeBaseAndRejectsABrokenEditWhileAnsweringABurstThroughout() throws Exception {
        Path file = startWatching();
        assertFalse(ask("do i need docker").startsWith(SmallBot.DOCKER_ANSWER), "no Docker intent yet");

        AtomicBoolean bursting = new AtomicBoolean(true);
        ConcurrentLinkedQueue<Optional<Reply>> replies = new ConcurrentLinkedQueue<>();
        ExecutorService senders = Executors.newFixedThreadPool(6);
        List<Future<?>> running = new ArrayList<>();
        for (int sender = 0; sender < 6; sender++) {
            String user = "burst-" + sender;
            running.add(senders.submit(() -> {
                while (bursting.get()) {
                    replies.add(operations.responder().respond(SmallBot.telegram(user, "what does a data scientist do")));
                }
            }));
        }
        try {
            SmallBot.write(folder, SmallBot.knowledgeWithDocker());
            await("the Docker intent to answer", () -> ask("do i need docker").startsWith(SmallBot.DOCKER_ANSWER));

            String broken = SmallBot.knowledgeWithDocker().replace("    title: Docker\n", "    titel: Docker\n");
            int brokenLine = lineOf(broken, "titel: Docker");
            SmallBot.write(folder, broken);
            await("the broken edit to be rejected", () -> logged.list.stream()
                    .anyMatch(event -> event.getFormattedMessage().startsWith(file + ":" + brokenLine + ": ")));
            assertTrue(ask("do i need docker").startsWith(SmallBot.DOCKER_ANSWER), "the previous version keeps answering");
        } finally {
            bursting.set(false);
            for (Future<?> sender : running) {
                sender.get();
            }
            senders.shutdown();
        }

        assertTrue(replies.size() > 50, "the burst sent " + replies.size() + " messages");
        for (Optional<Reply> reply : replies) {
            assertTrue(reply.isPresent() && reply.get().text().startsWith(SmallBot.DATA_SCIENTIST_ANSWER),
                    "every message of the burst is answered: " + reply);
        }
        String metrics = operations.metrics().scrape();
        assertTrue(metrics.contains("careerbot_knowledge_reloads_total{outcome=\"reloaded\"} 1.0"), metrics);
        assertTrue(metrics.contains("careerbot_knowledge_reloads_total{outcome=\"rejected\"} 1.0"), metrics);
        assertTrue(metrics.contains("careerbot_errors_total{stage=\"answer\"} 0.0")
                && metrics.contains("careerbot_errors_total{stage=\"respond\"} 0.0"), metrics);
        assertEquals(replies.size() + asked.get(), received(metrics), "every message was counted once");
    }

    @Test
    void anEditIsPickedUpWhileAnotherFileInTheFolderChangesAllTheTime() throws Exception {
        startWatching();
        Path neighbour = folder.resolve("unanswered.log");
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread writer = new Thread(() -> {
            try {
                while (writing.get()) {
                    java.nio.file.Files.writeString(neighbour, "a question nobody could answer\n",
                            java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
                    Thread.sleep(10);
                }
            } catch (java.io.IOException | InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        }, "neighbour-writer");
        writer.start();
        try {
            Thread.sleep(300);
            SmallBot.write(folder, SmallBot.knowledgeWithDocker());
            await("the Docker intent to answer", () -> ask("do i need docker").startsWith(SmallBot.DOCKER_ANSWER));
        } finally {
            writing.set(false);
            writer.join();
        }
    }

    private static double received(String metrics) {
        String prefix = "careerbot_messages_received_total{platform=\"telegram\"} ";
        return metrics.lines().filter(line -> line.startsWith(prefix))
                .mapToDouble(line -> Double.parseDouble(line.substring(prefix.length()))).sum();
    }

    static int lineOf(String text, String needle) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(needle)) {
                return i + 1;
            }
        }
        throw new AssertionError(needle + " is not in the text");
    }
}
