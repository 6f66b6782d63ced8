package dev.careerbot.channel.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.careerbot.DefaultCore;
import dev.careerbot.message.Responder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Messages through the whole Discord path: the fake gateway dispatches MESSAGE_CREATE, JDA parses
 * it, the adapter asks the real CareerBot core (matcher and conversation), renders the reply and
 * JDA POSTs it to the fake REST API.
 * Latency is from the dispatch leaving the fake gateway to the reply POST arriving at the fake
 * REST API. Run with {@code mvn -Pbenchmark test -Dtest=DiscordBenchmark}.
 */
@Tag("benchmark")
class DiscordBenchmark {

    static final int WARM_UP = 1_000;
    static final int BURST = 5_000;
    static final int ONE_AT_A_TIME = 1_000;
    static final Duration WAIT = Duration.ofMinutes(3);

    @Test
    void measuresMessagesPerSecondAndDispatchToReplyLatency() throws Exception {
        quietLogs();
        Responder responder = responder();
        try (FakeDiscord discord = new FakeDiscord()) {
            DiscordAdapter adapter = new DiscordAdapter(discord.settings(false), responder, new DiscordTuning(
                    Duration.ZERO, Duration.ofSeconds(30), Duration.ofMillis(1500), 4, Duration.ofSeconds(30)));
            adapter.start();
            try {
                Map<String, Long> dispatched = new ConcurrentHashMap<>();
                int answered = 0;

                burst(discord, dispatched, WARM_UP, "warm-up");
                answered += WARM_UP;
                discord.rest.awaitCount("POST", "channels/", answered, WAIT);

                long start = System.nanoTime();
                burst(discord, dispatched, BURST, "burst");
                answered += BURST;
                discord.rest.awaitCount("POST", "channels/", answered, WAIT);
                long burstNanos = lastReplyNanos(discord) - start;

                List<Long> latencies = new ArrayList<>();
                for (int i = 0; i < ONE_AT_A_TIME; i++) {
                    String id = discord.sayInChannel(question(i), true);
                    long sent = System.nanoTime();
                    answered++;
                    discord.rest.awaitCount("POST", "channels/", answered, WAIT);
                    latencies.add(replyNanos(discord, id) - sent);
                }

                assertEachAnsweredOnce(discord, answered);
                double perSecond = BURST / (burstNanos / 1e9);
                long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
                System.out.printf("%nDiscord benchmark (%d cores, responder %s)%n",
                        Runtime.getRuntime().availableProcessors(), responder.getClass().getSimpleName());
                System.out.printf("  burst of %d messages: %.0f messages/second (%.2f s)%n", BURST, perSecond,
                        burstNanos / 1e9);
                System.out.printf("  one at a time, %d messages: dispatch-to-reply median %.2f ms, p99 %.2f ms,"
                        + " max %.2f ms%n%n", ONE_AT_A_TIME, percentile(sorted, 50) / 1e6, percentile(sorted, 99) / 1e6,
                        sorted[sorted.length - 1] / 1e6);
            } finally {
                adapter.close();
            }
        }
    }

    /** The real core: bundled knowledge base, trained matcher, conversation. */
    static Responder responder() {
        return DefaultCore.conversation();
    }

    private static void burst(FakeDiscord discord, Map<String, Long> dispatched, int count, String label) {
        for (int i = 0; i < count; i++) {
            String id = discord.sayInChannel(label + " " + question(i), true);
            dispatched.put(id, System.nanoTime());
        }
    }

    private static String question(int i) {
        String[] questions = {"What skills does an NLP engineer need?", "How do I become an AI engineer?",
            "what does an ML engineer earn", "Which tools should I learn first?", "is a PhD needed for research"};
        return questions[i % questions.length];
    }

    private static long lastReplyNanos(FakeDiscord discord) {
        return discord.rest.calls("POST", "channels/").stream().mapToLong(FakeRest.Call::atNanos).max().orElseThrow();
    }

    private static long replyNanos(FakeDiscord discord, String messageId) {
        List<FakeRest.Call> calls = discord.rest.calls("POST", "channels/");
        for (int i = calls.size() - 1; i >= 0; i--) {
            FakeRest.Call call = calls.get(i);
            if (call.body().path("message_reference").path("message_id").asText().equals(messageId)) {
                return call.atNanos();
            }
        }
        throw new AssertionError("no reply to " + messageId);
    }

    private static void assertEachAnsweredOnce(FakeDiscord discord, int expected) {
        Map<String, Integer> replies = new HashMap<>();
        for (FakeRest.Call call : discord.rest.calls("POST", "channels/")) {
            replies.merge(call.body().path("message_reference").path("message_id").asText(), 1, Integer::sum);
        }
        assertEquals(expected, replies.size(), "every message answered");
        assertEquals(List.of(1), replies.values().stream().distinct().toList(), "each exactly once");
    }

    private static double percentile(long[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static void quietLogs() {
        for (String name : Arrays.asList("net.dv8tion", "dev.careerbot", "org.java_websocket")) {
            ((Logger) LoggerFactory.getLogger(name)).setLevel(Level.INFO);
        }
    }
}
