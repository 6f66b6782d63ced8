package dev.careerbot.channel.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.careerbot.BundledAnswers;
import dev.careerbot.RunningJar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar careerbot.jar run} on Discord, as a self-hoster starts it: the token in
 * {@code DISCORD_TOKEN}, the gateway and REST API at loopback fakes named in the config.
 */
class DiscordRunIT {

    /** A JVM start and the matcher's training, on a busy two-core machine. */
    private static final Duration STARTED = Duration.ofSeconds(90);
    private static final Duration STOPPED = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    FakeDiscord discord;
    RunningJar jar;

    @BeforeEach
    void startTheBotOnTheFakeDiscord() throws Exception {
        discord = new FakeDiscord();
        Files.copy(BundledAnswers.KNOWLEDGE_BASE, dir.resolve("knowledge.yml"));
        Files.writeString(dir.resolve("careerbot.yml"), """
                knowledge_base: knowledge.yml
                adapters:
                  discord:
                    enabled: true
                    token: ${DISCORD_TOKEN}
                    rest_url: "%s"
                    gateway_url: "%s"
                http:
                  address: 127.0.0.1:0
                """.formatted(discord.rest.url(), discord.gatewayUrl()));
        jar = RunningJar.start(dir, Map.of("DISCORD_TOKEN", FakeDiscord.TOKEN), "run", "--config", "careerbot.yml");
    }

    @AfterEach
    void stop() throws Exception {
        try {
            jar.close();
        } finally {
            discord.close();
        }
    }

    @Test
    void answersADirectMessageAndAMentionAndStopsCleanlyOnSigterm() throws Exception {
        // The slash commands are registered once every shard is READY, at the end of start-up.
        jar.awaitWhileRunning(() -> !discord.rest.calls("PUT", "applications/").isEmpty(), STARTED,
                "READY and the slash commands registered");
        String expected = BundledAnswers.openingLine("skills.overview");

        String direct = discord.sayInDirectMessage("What skills does an AI engineer need?");
        String mention = discord.sayInChannel("what skills does an AI engineer need", true);

        FakeRest.Call directAnswer = awaitAnswerTo(direct);
        FakeRest.Call mentionAnswer = awaitAnswerTo(mention);
        assertEquals("channels/" + DiscordPayloads.DM_CHANNEL_ID + "/messages", directAnswer.path());
        assertEquals("channels/" + DiscordPayloads.CHANNEL_ID + "/messages", mentionAnswer.path());
        for (FakeRest.Call answer : List.of(directAnswer, mentionAnswer)) {
            assertTrue(answer.content().replace("**", "").startsWith(expected), answer.content());
            assertEquals("[]", answer.body().path("allowed_mentions").path("parse").toString(), "pings no one");
        }

        jar.terminate();
        int status = jar.awaitExit(STOPPED);

        assertTrue(Set.of(0, 143).contains(status), "a clean stop on SIGTERM\n" + jar.describe());
        assertTrue(jar.stderr().contains("shard 0 is ready"), jar.describe());
        assertTrue(jar.stderr().contains("Disconnected from Discord"), jar.describe());
        assertEquals(1, answersTo(direct).size(), "answered once");
        assertEquals(1, answersTo(mention).size(), "answered once");
        assertEquals("", jar.stdout(), "logs go to standard error, standard output stays empty");
        String secretPart = FakeDiscord.TOKEN.substring(FakeDiscord.TOKEN.lastIndexOf('.') + 1);
        assertFalse(jar.stderr().contains(secretPart), "the token appears in the logs\n" + jar.describe());
    }

    private FakeRest.Call awaitAnswerTo(String messageId) throws InterruptedException {
        jar.awaitWhileRunning(() -> !answersTo(messageId).isEmpty(), STARTED, "answer to message " + messageId);
        return answersTo(messageId).get(0);
    }

    private List<FakeRest.Call> answersTo(String messageId) {
        return discord.rest.calls("POST", "channels/").stream()
                .filter(call -> call.body() != null
                        && call.body().path("message_reference").path("message_id").asText().equals(messageId))
                .toList();
    }
}
