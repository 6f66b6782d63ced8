package dev.careerbot.channel.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two adapters in one JVM, each running half of four shards against one fake Discord, as two
 * processes would ({@code ShardedDiscordIT} runs the real jar twice): every server is served by
 * exactly one of them.
 */
class DiscordShardRangesTest {

    private static final int SHARDS = 4;
    private static final Duration WAIT = Duration.ofSeconds(30);

    FakeDiscord discord;
    final List<DiscordAdapter> adapters = new ArrayList<>();
    final ScriptedResponder first = new ScriptedResponder();
    final ScriptedResponder second = new ScriptedResponder();
    /** Server id to its channel id, two servers per shard. */
    final Map<String, String> servers = new TreeMap<>();

    @BeforeEach
    void startFakeDiscordWithServersOnEveryShard() throws Exception {
        discord = new FakeDiscord();
        servers.putAll(discord.serversOnEveryShard(SHARDS, 2));
        assertEquals(Map.of(0, 2L, 1, 2L, 2, 2L, 3, 2L), servers.keySet().stream().collect(
                java.util.stream.Collectors.groupingBy(guild -> FakeGateway.shardOf(guild, SHARDS),
                        java.util.stream.Collectors.counting())), "two servers on each shard");
    }

    @AfterEach
    void stop() throws Exception {
        adapters.forEach(DiscordAdapter::close);
        discord.close();
    }

    private DiscordAdapter start(List<Integer> shardIds, ScriptedResponder responder) {
        DiscordAdapter adapter = new DiscordAdapter(discord.settings(false, SHARDS).withShardIds(shardIds), responder,
                TestTuning.fast());
        adapters.add(adapter);
        adapter.start();
        return adapter;
    }

    @Test
    void twoProcessesWithHalfTheShardsEachServeEveryServerExactlyOnce() throws Exception {
        DiscordAdapter low = start(List.of(0, 1), first);
        DiscordAdapter high = start(List.of(2, 3), second);

        // JDA marks a shard CONNECTED just after its READY event, which start() waits for.
        DiscordAdapterTest.eventually(() -> low.connected() && high.connected(), "both processes connected");
        assertEquals("shards 0, 1 of 4", low.healthDetail());
        assertEquals("shards 2, 3 of 4", high.healthDetail());
        assertEquals(List.of("[0,4]", "[1,4]", "[2,4]", "[3,4]"), discord.gateway.identifies().stream()
                .map(identify -> identify.path("shard").toString()).sorted().toList());

        List<String> asked = new ArrayList<>();
        servers.forEach((guild, channel) -> asked.add(discord.sayInServer(guild, channel, "hello from " + guild)));
        for (String message : asked) {
            discord.rest.awaitOne(call -> call.method().equals("POST")
                    && call.body() != null
                    && call.body().path("message_reference").path("message_id").asText().equals(message), WAIT);
        }
        Thread.sleep(300);

        for (String message : asked) {
            long answers = discord.rest.calls().stream().filter(call -> call.method().equals("POST") && call.body() != null
                    && call.body().path("message_reference").path("message_id").asText().equals(message)).count();
            assertEquals(1, answers, "message " + message + " answered once");
        }
        assertEquals(4, first.received.size(), "the servers of shards 0 and 1");
        assertEquals(4, second.received.size(), "the servers of shards 2 and 3");
        assertEquals(1, discord.rest.calls().stream().filter(call -> call.is("PUT", "applications/")).count(),
                "only the process with shard 0 registers the slash commands");
    }
}
