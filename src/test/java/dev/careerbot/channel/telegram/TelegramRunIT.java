package dev.careerbot.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.careerbot.BundledAnswers;
import dev.careerbot.RunningJar;
import dev.careerbot.channel.telegram.FakeBotApi.Call;
import dev.careerbot.channel.telegram.FakeBotApi.FakeChat;
import dev.careerbot.channel.telegram.FakeBotApi.FakeUser;
import dev.careerbot.channel.telegram.FakeBotApi.SentMessage;
import dev.careerbot.operations.Http;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar careerbot.jar run} on Telegram, as a self-hoster starts it: the token in
 * {@code TELEGRAM_TOKEN}, the Bot API at a loopback fake named in the config.
 */
class TelegramRunIT {

    private static final FakeUser ANNA = FakeUser.person(801, "Anna");
    private static final FakeChat ANNA_PRIVATE = FakeChat.privateWith(ANNA);
    /** A JVM start and the matcher's training, on a busy two-core machine. */
    private static final Duration STARTED = Duration.ofSeconds(90);
    private static final Duration STOPPED = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    FakeBotApi api;
    RunningJar jar;

    @BeforeEach
    void startTheBotOnTheFakeBotApi() throws Exception {
        api = new FakeBotApi(TelegramTestBot.TOKEN);
        Files.copy(BundledAnswers.KNOWLEDGE_BASE, dir.resolve("knowledge.yml"));
        Files.writeString(dir.resolve("careerbot.yml"), """
                knowledge_base: knowledge.yml
                adapters:
                  telegram:
                    enabled: true
                    token: ${TELEGRAM_TOKEN}
                    api_url: %s
                    long_poll_seconds: 1
                http:
                  address: 127.0.0.1:0
                """.formatted(api.url()));
        jar = RunningJar.start(dir, Map.of("TELEGRAM_TOKEN", TelegramTestBot.TOKEN),
                "run", "--config", "careerbot.yml");
    }

    @AfterEach
    void stop() throws Exception {
        try {
            jar.close();
        } finally {
            api.close();
        }
    }

    @Test
    void anEditedKnowledgeBaseIsReloadedAndAnsweredFromWithTheOneSentenceEncoder() throws Exception {
        jar.awaitWhileRunning(() -> !api.calls("getUpdates").isEmpty(), STARTED, "long polling");
        Path knowledge = dir.resolve("knowledge.yml");
        String yaml = Files.readString(knowledge);
        int answer = yaml.indexOf("answer: |", yaml.indexOf("- id: skills.overview"));
        int firstLine = yaml.indexOf('\n', answer) + 1;
        int text = firstLine + (yaml.substring(firstLine).length() - yaml.substring(firstLine).stripLeading().length());
        Files.writeString(knowledge, yaml.substring(0, text) + "Freshly reloaded. " + yaml.substring(text));

        jar.awaitWhileRunning(() -> jar.stderr().contains("Reloaded the knowledge base"), STARTED, "the reload");
        api.send(ANNA_PRIVATE, ANNA, "What skills does an AI engineer need?");
        jar.awaitWhileRunning(() -> !api.messages(ANNA_PRIVATE.id()).isEmpty(), STARTED, "answer");

        String reply = api.messages(ANNA_PRIVATE.id()).get(0).text();
        assertTrue(reply.startsWith("Freshly reloaded. "), reply);
        assertEquals(1, Pattern.compile("Sentence encoder \\S+ ready in").matcher(jar.stderr()).results().count(),
                "a reload reuses the sentence encoder rather than opening another\n" + jar.describe());
    }

    @Test
    void answersAPrivateMessageAndOnSigtermConfirmsTheLastUpdateAndExits() throws Exception {
        jar.awaitWhileRunning(() -> !api.calls("getUpdates").isEmpty(), STARTED, "long polling");

        api.send(ANNA_PRIVATE, ANNA, "What skills does an AI engineer need?");
        int lastUpdate = api.lastUpdateId();
        jar.awaitWhileRunning(() -> !api.messages(ANNA_PRIVATE.id()).isEmpty(), STARTED, "answer");

        SentMessage answer = api.messages(ANNA_PRIVATE.id()).get(0);
        assertTrue(answer.text().startsWith(BundledAnswers.openingLine("skills.overview")), answer.text());
        assertFalse(answer.buttons().isEmpty(), "related topics as buttons: " + answer);

        Matcher serving = Pattern.compile("Serving /healthz and /metrics on http://127\\.0\\.0\\.1:([0-9]+)")
                .matcher(jar.stderr());
        assertTrue(serving.find(), jar.describe());
        int port = Integer.parseInt(serving.group(1));
        HttpResponse<String> health = Http.get(port, "/healthz");
        assertEquals(200, health.statusCode(), health.body());
        assertEquals("ok\ntelegram: connected\n", health.body());
        String metrics = Http.get(port, "/metrics").body();
        assertTrue(metrics.contains("careerbot_replies_sent_total{platform=\"telegram\"} 1.0"), metrics);
        assertTrue(metrics.contains("careerbot_answers_total{intent=\"skills.overview\"} 1.0"), metrics);

        long terminatedAt = System.nanoTime();
        jar.terminate();
        int status = jar.awaitExit(STOPPED);

        assertTrue(Set.of(0, 143).contains(status), "a clean stop on SIGTERM\n" + jar.describe());
        List<Call> polls = api.calls("getUpdates");
        Call last = polls.get(polls.size() - 1);
        assertTrue(last.atNanos() > terminatedAt, "a getUpdates on the way out, after SIGTERM\n" + jar.describe());
        assertEquals(lastUpdate + 1, last.params().path("offset").asInt(),
                "the last getUpdates confirms the answered update, so a restart does not answer it again\n"
                        + jar.describe());
        assertEquals(lastUpdate + 1, api.confirmedOffset(), jar.describe());
        assertEquals(1, api.messages(ANNA_PRIVATE.id()).size(), "answered once");
        assertTrue(jar.stderr().contains("Telegram adapter started"), jar.describe());
        assertTrue(jar.stderr().contains("Telegram adapter stopped"), jar.describe());
        assertTrue(jar.stderr().contains("Shut down cleanly: every adapter closed, every message answered"),
                jar.describe());
        assertEquals("", jar.stdout(), "logs go to standard error, standard output stays empty");
        String secretPart = TelegramTestBot.TOKEN.substring(TelegramTestBot.TOKEN.indexOf(':') + 1);
        assertFalse(jar.stderr().contains(secretPart), "the token appears in the logs\n" + jar.describe());
    }
}
