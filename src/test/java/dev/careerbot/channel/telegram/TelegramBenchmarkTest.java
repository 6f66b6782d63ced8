package dev.careerbot.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.careerbot.DefaultCore;
import dev.careerbot.channel.telegram.FakeBotApi.FakeChat;
import dev.careerbot.channel.telegram.FakeBotApi.FakeUser;
import dev.careerbot.channel.telegram.FakeBotApi.SentMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Updates per second through the whole path (fake Bot API, TelegramBots long polling, the
 * adapter, the real matcher and conversation, sendMessage back to the fake), and the time from an
 * update becoming available to {@code getUpdates} until its reply reaches the fake. Pacing is off.
 *
 * <p>Run with {@code mvn -Pbenchmark test -Dtest=TelegramBenchmarkTest}.
 */
@Tag("benchmark")
class TelegramBenchmarkTest {

    private static final String[] QUESTIONS = {
        "What skills does an NLP engineer need?",
        "how do I become a machine learning engineer",
        "what does a computer vision engineer do all day",
        "/help",
        "which programming languages should I learn for AI",
        "and for robotics?",
        "what are the hardest parts of the job",
        "how much maths do I need for deep learning",
        "/roles",
        "tell me more",
    };

    @Test
    void measuresThroughputAndLatency() throws Exception {
        try (TelegramTestBot bot = TelegramTestBot.start(DefaultCore.conversation())) {
            FakeBotApi api = bot.api;
            runBurst(api, 100, 5, 1_000_000);

            Burst burst = runBurst(api, 500, 10, 2_000_000);
            double seconds = burst.elapsedNanos() / 1e9;
            System.out.printf(Locale.ROOT, "Telegram burst: %d updates in %.2f s = %.0f updates/s;"
                            + " latency median %.1f ms, p99 %.1f ms (queueing included)%n",
                    burst.latencies().length, seconds, burst.latencies().length / seconds,
                    percentile(burst.latencies(), 50), percentile(burst.latencies(), 99));

            long[] steady = runSteady(api, 2000, 100, 3_000_000);
            System.out.printf(Locale.ROOT, "Telegram steady %d updates/s: latency median %.1f ms, p99 %.1f ms%n",
                    100, percentile(steady, 50), percentile(steady, 99));
        }
    }

    private record Burst(long elapsedNanos, long[] latencies) {}

    /** Puts chats × perChat updates on the queue at once and waits for every reply. */
    private static Burst runBurst(FakeBotApi api, int chats, int perChat, long firstUserId) throws Exception {
        List<ObjectNode> updates = new ArrayList<>();
        List<FakeChat> order = new ArrayList<>();
        for (int round = 0; round < perChat; round++) {
            for (int c = 0; c < chats; c++) {
                FakeUser user = FakeUser.person(firstUserId + c, "user" + c);
                FakeChat chat = FakeChat.privateWith(user);
                updates.add(FakeBotApi.messageUpdate(
                        api.message(chat, user, QUESTIONS[(round + c) % QUESTIONS.length]).json()));
                order.add(chat);
            }
        }
        int firstUpdate = api.lastUpdateId() + 1;
        api.addUpdates(updates);
        long[] latencies = new long[updates.size()];
        long last = 0;
        int[] seen = new int[chats];
        for (int i = 0; i < updates.size(); i++) {
            FakeChat chat = order.get(i);
            int c = (int) (chat.id() - firstUserId);
            SentMessage reply = api.awaitMessages(chat.id(), seen[c] + 1, Duration.ofSeconds(120)).get(seen[c]);
            seen[c]++;
            latencies[i] = reply.atNanos() - api.availableAt(firstUpdate + i);
            last = Math.max(last, reply.atNanos());
        }
        assertEquals(updates.size(), Arrays.stream(seen).sum());
        return new Burst(last - api.availableAt(firstUpdate), latencies);
    }

    /** Offers updates at a steady rate, one chat each, and measures each one's latency. */
    private static long[] runSteady(FakeBotApi api, int count, int perSecond, long firstUserId) throws Exception {
        long interval = 1_000_000_000L / perSecond;
        long start = System.nanoTime();
        int[] ids = new int[count];
        FakeChat[] chats = new FakeChat[count];
        for (int i = 0; i < count; i++) {
            long due = start + i * interval;
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            FakeUser user = FakeUser.person(firstUserId + i, "steady" + i);
            chats[i] = FakeChat.privateWith(user);
            ids[i] = api.addUpdate(FakeBotApi.messageUpdate(
                    api.message(chats[i], user, QUESTIONS[i % QUESTIONS.length]).json()));
        }
        long[] latencies = new long[count];
        for (int i = 0; i < count; i++) {
            SentMessage reply = api.awaitMessages(chats[i].id(), 1, Duration.ofSeconds(60)).get(0);
            latencies[i] = reply.atNanos() - api.availableAt(ids[i]);
        }
        return latencies;
    }

    private static double percentile(long[] nanos, int percent) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }
}
