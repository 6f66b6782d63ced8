package dev.careerbot.config;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The {@code adapters.discord} section.
 *
 * @param enabled whether {@code run} starts the Discord adapter
 * @param token the bot token from the developer portal (from {@code ${DISCORD_TOKEN}})
 * @param messageContentIntent whether to ask for the privileged MESSAGE_CONTENT intent
 * @param shards how many shards the bot has in all (1 for a bot in fewer than about 2,500 servers)
 * @param restUrl a REST base URL other than Discord's own (a proxy), empty for Discord's
 * @param gatewayUrl a gateway URL other than Discord's own, empty for Discord's
 * @param shardIds the shards this process runs, ascending; empty for all of them, so that N
 *     processes with disjoint ranges serve one bot together
 */
public record DiscordSettings(
        boolean enabled,
        Secret token,
        boolean messageContentIntent,
        int shards,
        Optional<String> restUrl,
        Optional<String> gatewayUrl,
        List<Integer> shardIds) {

    public DiscordSettings {
        shardIds = List.copyOf(shardIds);
    }

    /** A process that runs every shard. */
    public DiscordSettings(boolean enabled, Secret token, boolean messageContentIntent, int shards,
            Optional<String> restUrl, Optional<String> gatewayUrl) {
        this(enabled, token, messageContentIntent, shards, restUrl, gatewayUrl, List.of());
    }

    /** Discord switched off, as when the config has no such section. */
    public static DiscordSettings disabled() {
        return new DiscordSettings(false, new Secret(""), false, 1, Optional.empty(), Optional.empty());
    }

    /** The shards this process runs: those of {@code shard_ids}, or all of them. */
    public List<Integer> ownShards() {
        return shardIds.isEmpty() ? IntStream.range(0, shards).boxed().toList() : shardIds;
    }

    /** The same settings running only these shards. */
    public DiscordSettings withShardIds(List<Integer> ids) {
        return new DiscordSettings(enabled, token, messageContentIntent, shards, restUrl, gatewayUrl, ids);
    }
}
