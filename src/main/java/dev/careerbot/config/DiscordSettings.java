package dev.careerbot.config;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * The {@code adapters.discord} section, read and checked by {@link ConfigLoader}: the adapter
 * uses these values as they are.
 *
 * @param enabled whether {@code run} starts the Discord adapter
 * @param token the bot token from the developer portal (from {@code ${DISCORD_TOKEN}}), of the form
 *     {@link #TOKEN_FORM} when the adapter is enabled
 * @param messageContentIntent whether to ask for the privileged MESSAGE_CONTENT intent
 * @param shards how many shards the bot has in all (1 for a bot in fewer than about 2,500 servers)
 * @param restUrl a REST base URL other than Discord's own (a proxy), http(s) with a host; empty for Discord's
 * @param gatewayUrl a gateway URL other than Discord's own, ws(s) or http(s) with a host; empty for Discord's
 * @param shardIds the shards this process runs, ascending; empty for all of them, so that N
 *     processes with disjoint ranges serve one bot together
 */
public record DiscordSettings(
        boolean enabled,
        Secret token,
        boolean messageContentIntent,
        int shards,
        Optional<URI> restUrl,
        Optional<URI> gatewayUrl,
        List<Integer> shardIds) {

    /** One shard serves a bot in fewer than about 2,500 servers. */
    public static final int DEFAULT_SHARDS = 1;

    /**
     * What the developer portal's bot tokens look like: three base64url parts joined by dots
     * (the bot's id, a timestamp, a signature).
     */
    public static final Pattern TOKEN_FORM = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");

    public DiscordSettings {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(restUrl, "restUrl");
        Objects.requireNonNull(gatewayUrl, "gatewayUrl");
        shardIds = List.copyOf(shardIds);
    }

    /** A process that runs every shard. */
    public DiscordSettings(boolean enabled, Secret token, boolean messageContentIntent, int shards,
            Optional<URI> restUrl, Optional<URI> gatewayUrl) {
        this(enabled, token, messageContentIntent, shards, restUrl, gatewayUrl, List.of());
    }

    /** Discord switched off, as when the config has no such section; its values are the defaults. */
    public static DiscordSettings disabled() {
        return new DiscordSettings(false, new Secret(""), false, DEFAULT_SHARDS, Optional.empty(), Optional.empty());
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
