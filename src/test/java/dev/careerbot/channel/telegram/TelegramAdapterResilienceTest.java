package dev.careerbot.channel.telegram;

import static dev.careerbot.channel.telegram.TelegramTestBot.TOKEN;
import static dev.careerbot.channel.telegram.TelegramTestBot.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.careerbot.channel.OutboundCall;
import dev.careerbot.channel.telegram.FakeBotApi.Call;
import dev.careerbot.channel.telegram.FakeBotApi.FakeChat;
import dev.careerbot.channel.telegram.FakeBotApi.FakeUser;
import dev.careerbot.channel.telegram.FakeBotApi.Fault;
import dev.careerbot.channel.telegram.FakeBotApi.SentMessage;
import dev.careerbot.config.Secret;
import dev.careerbot.config.TelegramSettings;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Rate limits, failures, dropped connections and shutdown, against the fake Bot API. */
class TelegramAdapterResilienceTest {

    private static final FakeUser ANNA = FakeUser.person(601, "Anna");
    private static final FakeUser BORIS = FakeUser.person(602, "Boris");
    private static final FakeChat ANNA_PRIVATE = FakeChat.privateWith(ANNA);
    private static final FakeChat BORIS_PRIVATE = FakeChat.privateWith(BORIS);

    @Test
    void waitsRetryAfterOn429ThenDeliversInOrderWhileOtherChatsGoOn() throws Exception {
        try (TelegramTestBot bot = TelegramTestBot.start(new ScriptedResponder())) {
            FakeBotApi api = bot.api;
            api.failNext("sendMessage", Fault.tooManyRequests(1));

            api.send(ANNA_PRIVATE, ANNA, "/echo one");
            api.awaitCalls("sendMessage", 1, WAIT);
            api.send(ANNA_PRIVATE, ANNA, "/echo two");
            api.send(ANNA_PRIVATE, ANNA, "/echo three");
            api.send(BORIS_PRIVATE, BORIS, "/echo meanwhile");

            List<SentMessage> anna = api.awaitMessages(ANNA_PRIVATE.id(), 3, WAIT);
            SentMessage boris = api.awaitMessages(BORIS_PRIVATE.id(), 1, WAIT).get(0);
            assertEquals(List.of("one", "two", "three"), anna.stream().map(SentMessage::text).toList());
            long refusedAt = api.calls("sendMessage").get(0).atNanos();
            assertTrue(anna.get(0).atNanos() - refusedAt >= TimeUnit.SECONDS.toNanos(1),
                    "retried after " + TimeUnit.NANOSECONDS.toMillis(anna.get(0).atNanos() - refusedAt) + " ms");
            assertTrue(boris.atNanos() < anna.get(0).atNanos(), "another chat is not held up by the wait");
        }
    }

    @Test
    void permanentFailureIsLoggedOnceNeverRetriedAndDoesNotHoldUpOthers() throws Exception {
        try (LogCapture logs = new LogCapture("dev.careerbot");
                TelegramTestBot bot = TelegramTestBot.start(new ScriptedResponder())) {
            FakeBotApi api = bot.api;
            api.failSendsTo(ANNA_PRIVATE.id(), Fault.blocked());
            FakeChat gone = FakeChat.group(-4404, "Deleted group");
            api.failSendsTo(gone.id(), Fault.chatNotFound());

            api.send(ANNA_PRIVATE, ANNA, "/echo " + "long paragraph.\n\n".repeat(400));
            api.send(gone, BORIS, "/help");
            api.send(BORIS_PRIVATE, BORIS, "/echo still served");

            assertEquals("still served", api.awaitMessages(BORIS_PRIVATE.id(), 1, WAIT).get(0).text());
            String blocked = logs.await("in chat " + TelegramTestBot.logId(601) + " (2 of 2 parts) not delivered", WAIT);
            String notFound = logs.await("in chat " + TelegramTestBot.logId(-4404) + " (1 of 1 parts) not delivered",
                    WAIT);
            assertTrue(blocked.contains("403 Forbidden: bot was blocked by the user"), blocked);
            assertTrue(blocked.startsWith("WARN ") && blocked.contains("Lost a Telegram reply call"), blocked);
            assertTrue(notFound.contains("400 Bad Request: chat not found"), notFound);
            assertEquals(1, logs.count("in chat " + TelegramTestBot.logId(601)));
            assertEquals(List.of(OutboundCall.REPLY, OutboundCall.REPLY), bot.lostCalls, "each loss counted once");
            assertEquals(1, sendsTo(api, ANNA_PRIVATE.id()), "a refused send is not retried");
            assertEquals(1, sendsTo(api, gone.id()));
        }
    }

    @Test
    void aSendWhoseConnectionDropsIsNotRepeatedAndTheLossIsLogged() throws Exception {
        try (LogCapture logs = new LogCapture("dev.careerbot");
                TelegramTestBot bot = TelegramTestBot.start(new ScriptedResponder())) {
            FakeBotApi api = bot.api;
            api.send(ANNA_PRIVATE, ANNA, "/echo warm up the connection");
            api.awaitMessages(ANNA_PRIVATE.id(), 1, WAIT);
            api.failNext("sendMessage", Fault.dropConnection());

            api.send(ANNA_PRIVATE, ANNA, "/echo lost in transit");
            api.send(ANNA_PRIVATE, ANNA, "/echo next one");

            List<SentMessage> answers = api.awaitMessages(ANNA_PRIVATE.id(), 2, WAIT);
            assertEquals(List.of("warm up the connection", "next one"),
                    answers.stream().map(SentMessage::text).toList());
            assertEquals(3, sendsTo(api, ANNA_PRIVATE.id()), "the dropped send went out once, never again");
            String loss = logs.await("not delivered", WAIT);
            assertTrue(loss.contains("may or may not have arrived"), loss);
        }
    }

    @Test
    void pollingHonoursRetryAfterOn429() throws Exception {
        try (TelegramTestBot bot = TelegramTestBot.start(new ScriptedResponder())) {
            FakeBotApi api = bot.api;
            api.failNext("getUpdates", Fault.tooManyRequests(1));
            api.send(ANNA_PRIVATE, ANNA, "/echo around the 429");
            api.awaitMessages(ANNA_PRIVATE.id(), 1, WAIT);

            api.send(ANNA_PRIVATE, ANNA, "/echo after the 429");

            assertEquals("after the 429", api.awaitMessages(ANNA_PRIVATE.id(), 2, WAIT).get(1).text());
            List<Call> polls = api.calls("getUpdates");
            int refused = polls.stream().filter(Call::faulted).findFirst().map(polls::indexOf).orElseThrow();
            long gap = polls.get(refused + 1).atNanos() - polls.get(refused).atNanos();
            assertTrue(gap >= TimeUnit.SECONDS.toNanos(1),
                    "polled again " + TimeUnit.NANOSECONDS.toMillis(gap) + " ms after the 429");
        }
    }

    @Test
    void pollingRecoversFromServerErrors() throws Exception {
        try (TelegramTestBot bot = TelegramTestBot.start(new ScriptedResponder())) {
            FakeBotApi api = bot.api;
            api.failNext("getUpdates", Fault.serverError(500));
            api.failNext("getUpdates", Fault.serverError(502));
            api.send(ANNA_PRIVATE, ANNA, "/echo before");
            api.awaitFaulted("getUpdates", 2, WAIT);

            api.send(ANNA_PRIVATE, ANNA, "/echo after errors");

            List<SentMessage> answers = api.awaitMessages(ANNA_PRIVATE.id(), 2, WAIT);
            assertEquals(List.of("before", "after errors"), answers.stream().map(SentMessage::text).toList());
            assertTrue(bot.adapter.connected());
        }
    }

    @Test
    void pollingRecoversFromDroppedConnections() throws Exception {
        try (TelegramTestBot bot = TelegramTestBot.start(new ScriptedResponder())) {
            FakeBotApi api = bot.api;
            api.failNext("getUpdates", Fault.dropConnection());
            api.failNext("getUpdates", Fault.dropConnection());
            api.send(ANNA_PRIVATE, ANNA, "/echo before");
            api.awaitFaulted("getUpdates", 2, WAIT);

            api.send(ANNA_PRIVATE, ANNA, "/echo after drops");

            assertEquals("after drops", api.awaitMessages(ANNA_PRIVATE.id(), 2, WAIT).get(1).text());
        }
    }

    @Test
    void pollingRecoversWhenConnectionsAreRefusedForAWhile() throws Exception {
        try (TelegramTestBot bot = TelegramTestBot.start(new ScriptedResponder())) {
            FakeBotApi api = bot.api;
            api.refuseConnectionsFor(Duration.ofMillis(700));
            api.send(ANNA_PRIVATE, ANNA, "/echo back again");

            assertEquals("back again", api.awaitMessages(ANNA_PRIVATE.id(), 1, WAIT).get(0).text());
            assertTrue(bot.adapter.connected());
        }
    }

    @Test
    void repliesAfterTheBotApiWasGoneDoNotGoOutOnConnectionsFromBefore() throws Exception {
        try (TelegramTestBot bot = TelegramTestBot.start(new ScriptedResponder())) {
            FakeBotApi api = bot.api;
            for (int i = 0; i < 3; i++) {
                api.send(ANNA_PRIVATE, ANNA, "/echo warm " + i);
            }
            api.awaitMessages(ANNA_PRIVATE.id(), 3, WAIT);
            // The send client now holds idle keep-alive connections that the restart below kills.
            api.refuseConnectionsFor(Duration.ofMillis(700));
            api.send(ANNA_PRIVATE, ANNA, "/echo one");
            api.send(ANNA_PRIVATE, ANNA, "/echo two");

            List<SentMessage> answers = api.awaitMessages(ANNA_PRIVATE.id(), 5, WAIT);

            assertEquals(List.of("one", "two"), answers.subList(3, 5).stream().map(SentMessage::text).toList());
        }
    }

    @Test
    void pollingDoesNotSpinWhenTheServerAnswersEmptyAtOnce() throws Exception {
        try (FakeBotApi api = new FakeBotApi(TOKEN)) {
            TelegramSettings shortPolling = new TelegramSettings(true, new Secret(TOKEN),
                    TelegramSettings.ApiUrl.parse(api.url()), 0, false, 30, 1,
                    20);
            TelegramAdapter adapter = new TelegramAdapter(shortPolling, new ScriptedResponder(), TelegramTestBot.FAST);
            adapter.start();
            try {
                api.awaitCalls("getUpdates", 1, WAIT);
                Thread.sleep(1_000);
                int polls = api.calls("getUpdates").size();

                api.send(ANNA_PRIVATE, ANNA, "/echo still answered");

                assertEquals("still answered", api.awaitMessages(ANNA_PRIVATE.id(), 1, WAIT).get(0).text());
                assertTrue(polls <= 8, polls + " getUpdates calls in about a second of empty answers");
            } finally {
                adapter.close();
            }
        }
    }

    @Test
    void pacesSendsToOneChat() throws Exception {
        int messages = 6;
        try (TelegramTestBot bot = TelegramTestBot.start(new ScriptedResponder(), true, 30, 5, 20)) {
            FakeBotApi api = bot.api;
            for (int i = 0; i < messages; i++) {
                api.send(ANNA_PRIVATE, ANNA, "/echo " + i);
            }

            List<SentMessage> answers = api.awaitMessages(ANNA_PRIVATE.id(), messages, WAIT);

            // Five a second means at least 200 ms between sends; arrival times jitter under load, so
            // the span of all of them is checked (with 20% slack) rather than each gap.
            long span = answers.get(messages - 1).atNanos() - answers.get(0).atNanos();
            long paced = TimeUnit.MILLISECONDS.toNanos(200) * (messages - 1);
            assertTrue(span >= paced * 8 / 10, "six answers within only " + span / 1_000_000 + " ms");
        }
    }

    @Test
    void closeFinishesTheAnswerInFlightConfirmsTheOffsetAndLeavesNoThreads() throws Exception {
        TelegramTestBot bot = TelegramTestBot.start(new ScriptedResponder(), true, 30, 2, 20);
        FakeBotApi api = bot.api;
        try {
            api.send(ANNA_PRIVATE, ANNA, "/echo part one\n\n" + "x".repeat(4090));
            api.send(BORIS_PRIVATE, BORIS, "/echo bye");
            api.awaitMessages(ANNA_PRIVATE.id(), 1, WAIT);
            api.awaitMessages(BORIS_PRIVATE.id(), 1, WAIT);

            bot.adapter.close();

            assertEquals(2, api.messages(ANNA_PRIVATE.id()).size(), "the second part, paced, still went out");
            assertEquals(api.lastUpdateId() + 1, api.confirmedOffset(), "a restart starts after the last update");
            assertFalse(bot.adapter.connected());
            assertTrue(liveAdapterThreads().isEmpty(), "threads left: " + liveAdapterThreads());
        } finally {
            bot.close();
        }
    }

    @Test
    void refusesToStartWithATokenTelegramRejects() throws Exception {
        try (LogCapture logs = new LogCapture("dev.careerbot", "org.telegram", "okhttp3");
                FakeBotApi api = new FakeBotApi("999:some-other-token")) {
            TelegramAdapter adapter = new TelegramAdapter(
                    TelegramTestBot.settings(api.url(), false, 30, 1, 20), new ScriptedResponder(),
                    TelegramTestBot.FAST);

            TelegramException failure = assertThrows(TelegramException.class, adapter::start);

            assertTrue(failure.getMessage().contains("TELEGRAM_TOKEN"), failure.getMessage());
            assertFalse(failure.getMessage().contains(TOKEN));
            adapter.close();
            assertTrue(liveAdapterThreads().isEmpty(), "threads left: " + liveAdapterThreads());
        }
    }

    @Test
    void theTokenIsInNoLogLine() throws Exception {
        try (LogCapture logs = new LogCapture("dev.careerbot", "org.telegram", "okhttp3")) {
            try (TelegramTestBot bot = TelegramTestBot.start(new ScriptedResponder())) {
                FakeBotApi api = bot.api;
                api.failNext("getUpdates", Fault.serverError(500));
                api.failNext("getUpdates", Fault.dropConnection());
                api.failNext("getUpdates", Fault.tooManyRequests(1));
                api.failSendsTo(BORIS_PRIVATE.id(), Fault.blocked());
                api.send(BORIS_PRIVATE, BORIS, "/echo to a blocked chat");
                api.send(ANNA_PRIVATE, ANNA, "/echo ok");
                api.awaitMessages(ANNA_PRIVATE.id(), 1, WAIT);
                logs.await("in chat " + TelegramTestBot.logId(602) + " (1 of 1 parts) not delivered", WAIT);
                api.failNext("sendMessage", Fault.dropConnection());
                api.send(ANNA_PRIVATE, ANNA, "/echo dropped");
                logs.await("in chat " + TelegramTestBot.logId(601) + " (1 of 1 parts) not delivered", WAIT);
                api.refuseConnectionsFor(Duration.ofMillis(300));
                Thread.sleep(400);
            }
            List<String> lines = logs.lines();
            assertTrue(lines.size() > 10, "captured " + lines.size() + " lines");
            String secretPart = TOKEN.substring(TOKEN.indexOf(':') + 1);
            for (String line : lines) {
                assertFalse(line.contains(secretPart), "token in: " + line);
            }
        }
    }

    private static long sendsTo(FakeBotApi api, long chatId) {
        return api.calls("sendMessage").stream()
                .filter(call -> call.params().path("chat_id").asLong() == chatId)
                .count();
    }

    private static List<String> liveAdapterThreads() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        List<String> alive;
        do {
            alive = Thread.getAllStackTraces().keySet().stream()
                    .filter(Thread::isAlive)
                    .map(Thread::getName)
                    .filter(name -> name.startsWith("telegram-"))
                    .toList();
            if (alive.isEmpty()) {
                return alive;
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        return alive;
    }
}
