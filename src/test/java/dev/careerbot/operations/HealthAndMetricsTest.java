package dev.careerbot.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.careerbot.channel.OutboundCall;
import dev.careerbot.knowledge.KnowledgeBase;
import dev.careerbot.message.Platform;
import dev.careerbot.message.Reply;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HealthAndMetricsTest {

    @TempDir
    Path folder;

    private Operations operations;
    private LoopbackAdapter telegram;
    private LoopbackAdapter discord;
    private int port;

    @BeforeEach
    void startTheBotWithTwoAdapters() {
        Path file = SmallBot.write(folder, SmallBot.knowledge());
        KnowledgeBase knowledge = SmallBot.load(file);
        operations = Operations.start(SmallBot.config(file, SmallBot.settings(folder)), SmallBot.conversation(knowledge),
                SmallBot::train, Clock.systemUTC());
        telegram = new LoopbackAdapter("telegram", operations.responder());
        discord = new LoopbackAdapter("discord", operations.responder());
        operations.serve(List.of(telegram, discord));
        telegram.start();
        discord.start();
        port = operations.httpPort().orElseThrow();
    }

    @AfterEach
    void stop() {
        operations.close();
    }

    @Test
    void theCountersAnAlertWatchesAreThereAtZeroBeforeAnythingHappened() {
        String body = Http.get(port, "/metrics").body();
        assertTrue(body.contains("careerbot_errors_total{stage=\"respond\"} 0.0"), body);
        assertTrue(body.contains("careerbot_errors_total{stage=\"answer\"} 0.0"), body);
        for (String kind : List.of("reply", "callback_answer", "chat_action")) {
            assertTrue(body.contains("careerbot_outbound_lost_total{kind=\"" + kind + "\",platform=\"telegram\"} 0.0"),
                    body);
        }
        operations.metrics().outboundLost(Platform.TELEGRAM, OutboundCall.REPLY);
        assertTrue(Http.get(port, "/metrics").body()
                .contains("careerbot_outbound_lost_total{kind=\"reply\",platform=\"telegram\"} 1.0"));
    }

    @Test
    void healthIsOkWhileEveryAdapterIsConnectedAndNamesTheOneThatDisconnects() {
        HttpResponse<String> healthy = Http.get(port, "/healthz");
        assertEquals(200, healthy.statusCode());
        assertEquals("ok\ntelegram: connected\ndiscord: connected\n", healthy.body());

        discord.disconnect();
        HttpResponse<String> unhealthy = Http.get(port, "/healthz");
        assertEquals(503, unhealthy.statusCode());
        assertEquals("unhealthy\ntelegram: connected\ndiscord: NOT connected\n", unhealthy.body());

        discord.start();
        assertEquals(200, Http.get(port, "/healthz").statusCode());
    }

    @Test
    void metricsCountAMessageAnsweredThroughAnAdapter() {
        Reply reply = telegram.deliver(SmallBot.telegram("42", "what does a data scientist do")).orElseThrow();
        assertTrue(reply.text().startsWith(SmallBot.DATA_SCIENTIST_ANSWER), reply.text());

        HttpResponse<String> metrics = Http.get(port, "/metrics");
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
        String body = metrics.body();
        assertTrue(body.contains("careerbot_messages_received_total{platform=\"telegram\"} 1.0"), body);
        assertTrue(body.contains("careerbot_messages_received_total{platform=\"discord\"} 0.0"), body);
        assertTrue(body.contains("careerbot_replies_sent_total{platform=\"telegram\"} 1.0"), body);
        assertTrue(body.contains("careerbot_answers_total{intent=\"role.data_scientist\"} 1.0"), body);
        assertTrue(body.contains("careerbot_matcher_seconds_count 1"), body);
        assertTrue(body.contains("careerbot_response_seconds_bucket{le=\"10.0\"} 1"), body);
        assertTrue(body.contains("careerbot_sessions_active 1.0"), body);
        assertTrue(body.contains("careerbot_adapter_connected{adapter=\"discord\"} 1.0"), body);
    }

    @Test
    void metricsCountOutOfScopeQuestions() {
        Reply reply = telegram.deliver(SmallBot.telegram("42", "give me a recipe for pasta")).orElseThrow();
        assertTrue(reply.text().startsWith(SmallBot.OUT_OF_SCOPE_ANSWER), reply.text());

        String body = Http.get(port, "/metrics").body();
        assertTrue(body.contains("careerbot_out_of_scope_total 1.0"), body);
        assertTrue(body.contains("careerbot_clarifications_total 0.0"), body);
    }

    @Test
    void anUnknownPathIsNotFoundAndOnlyGetIsServed() {
        assertEquals(404, Http.get(port, "/admin").statusCode());
    }
}
