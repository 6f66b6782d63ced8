package dev.careerbot.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.careerbot.channel.telegram.FakeBotApi.FakeChat;
import dev.careerbot.channel.telegram.FakeBotApi.FakeUser;
import dev.careerbot.operations.Http;
import dev.careerbot.operations.Operations;
import dev.careerbot.operations.SmallBot;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The health and metrics endpoint over the real Telegram adapter polling the fake Bot API. */
class TelegramHealthAndMetricsTest {

    private static final FakeUser ANNA = FakeUser.person(501, "Anna");
    private static final FakeChat ANNA_PRIVATE = FakeChat.privateWith(ANNA);
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path folder;

    private Operations operations() {
        Path file = SmallBot.write(folder, SmallBot.knowledge());
        return Operations.start(SmallBot.config(file, SmallBot.settings(folder)),
                SmallBot.conversation(SmallBot.load(file)), SmallBot::train, Clock.systemUTC());
    }

    private static HttpResponse<String> awaitHealth(int port, int status) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        HttpResponse<String> health = Http.get(port, "/healthz");
        while (health.statusCode() != status && System.nanoTime() < end) {
            Thread.sleep(10);
            health = Http.get(port, "/healthz");
        }
        return health;
    }

    @Test
    void healthFlipsWhileTheBotApiCannotBeReachedAndBackWhenItCanAgain() throws Exception {
        try (Operations operations = operations();
                TelegramTestBot bot = TelegramTestBot.start(operations.responder())) {
            operations.serve(List.of(bot.adapter));
            int port = operations.httpPort().orElseThrow();
            assertEquals("ok\ntelegram: connected\n", awaitHealth(port, 200).body());

            bot.api.refuseConnectionsFor(Duration.ofSeconds(1));

            HttpResponse<String> down = awaitHealth(port, 503);
            assertEquals(503, down.statusCode());
            assertEquals("unhealthy\ntelegram: NOT connected\n", down.body());
            bot.api.send(ANNA_PRIVATE, ANNA, "what does a data scientist do");
            HttpResponse<String> back = awaitHealth(port, 200);
            assertEquals("ok\ntelegram: connected\n", back.body());
            assertTrue(bot.api.awaitMessages(ANNA_PRIVATE.id(), 1, WAIT).get(0).text()
                    .startsWith(SmallBot.DATA_SCIENTIST_ANSWER), "the message sent during the outage is answered");
        }
    }

    @Test
    void metricsCountAMessageAnsweredThroughTheTelegramAdapter() throws Exception {
        try (Operations operations = operations();
                TelegramTestBot bot = TelegramTestBot.start(operations.responder())) {
            operations.serve(List.of(bot.adapter));
            bot.api.send(ANNA_PRIVATE, ANNA, "what does a data scientist do");

            String answer = bot.api.awaitMessages(ANNA_PRIVATE.id(), 1, WAIT).get(0).text();
            assertTrue(answer.startsWith(SmallBot.DATA_SCIENTIST_ANSWER), answer);
            String metrics = Http.get(operations.httpPort().orElseThrow(), "/metrics").body();
            assertTrue(metrics.contains("careerbot_messages_received_total{platform=\"telegram\"} 1.0"), metrics);
            assertTrue(metrics.contains("careerbot_replies_sent_total{platform=\"telegram\"} 1.0"), metrics);
            assertTrue(metrics.contains("careerbot_answers_total{intent=\"role.data_scientist\"} 1.0"), metrics);
            assertTrue(metrics.contains("careerbot_adapter_connected{adapter=\"telegram\"} 1.0"), metrics);
        }
    }
}
