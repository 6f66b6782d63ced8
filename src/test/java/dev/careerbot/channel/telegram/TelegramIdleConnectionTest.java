package dev.careerbot.channel.telegram;

import static dev.careerbot.channel.telegram.TelegramTestBot.TOKEN;
import static dev.careerbot.channel.telegram.TelegramTestBot.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.careerbot.IdleClosingProxy;
import dev.careerbot.channel.AnsweredIds;
import dev.careerbot.channel.OutboundCall;
import dev.careerbot.channel.telegram.FakeBotApi.FakeChat;
import dev.careerbot.channel.telegram.FakeBotApi.FakeUser;
import dev.careerbot.channel.telegram.FakeBotApi.SentMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/**
 * Replies after a quiet spell, through a server that closes keep-alive connections idle for 5 s
 * (as Node, which the Bot API emulators run on, and Apache do). Each quiet gap runs on its own
 * adapter, side by side, so the whole sweep takes as long as the longest gap.
 */
class TelegramIdleConnectionTest {

    private static final Duration SERVER_IDLE_TIMEOUT = Duration.ofSeconds(5);
    /** Below, at and above the server's timeout, and past OkHttp's own 10 s health check. */
    private static final List<Duration> GAPS = List.of(Duration.ofSeconds(1), Duration.ofMillis(4_500),
            Duration.ofMillis(5_500), Duration.ofSeconds(7), Duration.ofSeconds(9), Duration.ofSeconds(15));
    private static final int USERS = 3;

    @Test
    void everyQuestionAfterEveryQuietGapIsAnsweredExactlyOnceAndNoCallIsLost() throws Exception {
        ExecutorService runs = Executors.newCachedThreadPool();
        try (LogCapture logs = new LogCapture("dev.careerbot")) {
            Future<Boolean> control = runs.submit(TelegramIdleConnectionTest::anUntunedClientFailsAfterAGap);
            List<Future<String>> gaps = new ArrayList<>();
            for (Duration gap : GAPS) {
                gaps.add(runs.submit(() -> questionsAcross(gap)));
            }
            for (Future<String> gap : gaps) {
                String problem = gap.get();
                assertEquals("", problem, problem);
            }
            assertTrue(control.get(), "the fake server must close idle connections, or this test proves nothing");
            assertEquals(0, logs.count("not delivered"), String.join("\n", logs.lines()));
            assertEquals(0, logs.count("Lost a Telegram"), String.join("\n", logs.lines()));
        } finally {
            runs.shutdownNow();
        }
    }

    /** Three people ask, the chat goes quiet for {@code gap}, they ask again; returns what went wrong, or "". */
    private static String questionsAcross(Duration gap) throws Exception {
        List<OutboundCall> lost = new CopyOnWriteArrayList<>();
        try (FakeBotApi api = new FakeBotApi(TOKEN);
                IdleClosingProxy server = IdleClosingProxy.start(port(api), SERVER_IDLE_TIMEOUT)) {
            TelegramAdapter adapter = new TelegramAdapter(
                    TelegramTestBot.settings("http://127.0.0.1:" + server.port(), false, 30, 1, 20),
                    new ScriptedResponder(), TelegramTestBot.services(AnsweredIds.inMemory(), lost),
                    TelegramTestBot.FAST);
            adapter.start();
            try {
                List<FakeChat> chats = new ArrayList<>();
                for (int i = 0; i < USERS; i++) {
                    FakeUser user = FakeUser.person(7_100 + i, "User" + i);
                    chats.add(FakeChat.privateWith(user));
                    api.send(chats.get(i), user, "/echo before the gap");
                }
                for (FakeChat chat : chats) {
                    api.awaitMessages(chat.id(), 1, WAIT);
                }
                Thread.sleep(gap.toMillis());
                for (int i = 0; i < USERS; i++) {
                    api.send(chats.get(i), FakeUser.person(7_100 + i, "User" + i), "/echo after " + gap.toMillis());
                }
                for (FakeChat chat : chats) {
                    api.awaitMessages(chat.id(), 2, WAIT);
                }
                Thread.sleep(300);
                StringBuilder problems = new StringBuilder();
                for (FakeChat chat : chats) {
                    List<String> texts = api.messages(chat.id()).stream().map(SentMessage::text).toList();
                    if (!texts.equals(List.of("before the gap", "after " + gap.toMillis()))) {
                        problems.append("gap ").append(gap.toMillis()).append(" ms, chat ").append(chat.id())
                                .append(": ").append(texts).append('\n');
                    }
                }
                if (!lost.isEmpty()) {
                    problems.append("gap ").append(gap.toMillis()).append(" ms: lost calls ").append(lost);
                }
                return problems.toString();
            } finally {
                adapter.close();
            }
        }
    }

    /**
     * The control: an HTTP client that keeps idle connections for minutes and does not retry (as
     * the adapter's send client did) loses a request sent after a 7 s gap.
     */
    private static boolean anUntunedClientFailsAfterAGap() throws Exception {
        try (FakeBotApi api = new FakeBotApi(TOKEN);
                IdleClosingProxy server = IdleClosingProxy.start(port(api), SERVER_IDLE_TIMEOUT)) {
            OkHttpClient untuned = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
            Request getMe = new Request.Builder()
                    .url("http://127.0.0.1:" + server.port() + "/bot" + TOKEN + "/getMe").build();
            try (Response first = untuned.newCall(getMe).execute()) {
                assertEquals(200, first.code());
            }
            Thread.sleep(7_000);
            IOException failure = assertThrows(IOException.class, () -> untuned.newCall(getMe).execute().close());
            untuned.connectionPool().evictAll();
            return failure.getMessage().contains("unexpected end of stream") && server.closedIdle() >= 1;
        }
    }

    private static int port(FakeBotApi api) {
        return Integer.parseInt(api.url().substring(api.url().lastIndexOf(':') + 1));
    }
}
