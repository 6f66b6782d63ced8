package dev.careerbot.channel.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.careerbot.BundledAnswers;
import dev.careerbot.RunningJar;
import dev.careerbot.operations.Http;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code java -jar careerbot.jar run} processes, each running half of four Discord shards
 * against one fake Discord that holds servers on every shard: every server is served exactly once.
 */
class ShardedDiscordIT {

    private static final int SHARDS = 4;
    private static final Duration STARTED = Duration.ofSeconds(120);
    private static final Pattern HEALTH = Pattern.compile("Serving /healthz and /metrics on http://127\\.0\\.0\\.1:([0-9]+)");

    @TempDir
    Path dir;

    FakeDiscord discord;
    final List<RunningJar> jars = new ArrayList<>();
    final Map<String, String> servers = new TreeMap<>();

    @BeforeEach
    void startFakeDiscordWithServersOnEveryShard() throws Exception {
        discord = new FakeDiscord();
        servers.putAll(discord.serversOnEveryShard(SHARDS, 3));
        Files.copy(BundledAnswers.KNOWLEDGE_BASE, dir.resolve("knowledge.yml"));
    }

    @AfterEach
    void stop() throws Exception {
        for (RunningJar jar : jars) {
            jar.close();
        }
        discord.close();
    }

    private RunningJar start(String name, String shardIds) throws Exception {
        Path folder = Files.createDirectories(dir.resolve(name));
        Files.writeString(folder.resolve("careerbot.yml"), """
                knowledge_base: ../knowledge.yml
                matcher:
                  mode: lexical
                adapters:
                  discord:
                    enabled: true
                    token: ${DISCORD_TOKEN}
                    rest_url: "%s"
                    gateway_url: "%s"
                    shards: %d
                    shard_ids: %s
                http:
                  address: 127.0.0.1:0
                """.formatted(discord.rest.url(), discord.gatewayUrl(), SHARDS, shardIds));
        RunningJar jar = RunningJar.start(folder, Map.of("DISCORD_TOKEN", FakeDiscord.TOKEN), "run", "--config",
                "careerbot.yml");
        jars.add(jar);
        return jar;
    }

    @Test
    void twoProcessesWithHalfTheShardsEachServeEveryServerExactlyOnce() throws Exception {
        RunningJar low = start("low", "[0-1]");
        RunningJar high = start("high", "[2-3]");
        for (RunningJar jar : List.of(low, high)) {
            jar.awaitWhileRunning(() -> jar.stderr().contains("adapter started"), STARTED, "the Discord adapter");
        }
        assertEquals(List.of("[0,4]", "[1,4]", "[2,4]", "[3,4]"), discord.gateway.identifies().stream()
                .map(identify -> identify.path("shard").toString()).sorted().toList());
        assertEquals("ok\ndiscord: connected (shards 0, 1 of 4)\n", Http.get(healthPort(low), "/healthz").body());
        assertEquals("ok\ndiscord: connected (shards 2, 3 of 4)\n", Http.get(healthPort(high), "/healthz").body());

        List<String> asked = new ArrayList<>();
        servers.forEach((guild, channel) -> asked.add(discord.sayInServer(guild, channel,
                "what skills does an AI engineer need")));
        for (String message : asked) {
            low.awaitWhileRunning(() -> answersTo(message) >= 1, STARTED, "an answer to " + message);
        }
        Thread.sleep(1000);

        for (String message : asked) {
            assertEquals(1, answersTo(message), "message " + message + " answered once");
        }
        assertEquals(1, discord.rest.calls().stream().filter(call -> call.is("PUT", "applications/")).count(),
                "only the process with shard 0 registers the slash commands");
        assertTrue(high.stderr().contains("registered by the process that runs Discord shard 0"), high.stderr());
    }

    private long answersTo(String messageId) {
        return discord.rest.calls().stream().filter(call -> call.method().equals("POST") && call.body() != null
                && call.body().path("message_reference").path("message_id").asText().equals(messageId)).count();
    }

    private static int healthPort(RunningJar jar) {
        Matcher port = HEALTH.matcher(jar.stderr());
        assertTrue(port.find(), jar.describe());
        return Integer.parseInt(port.group(1));
    }
}
