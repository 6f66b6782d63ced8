package dev.careerbot.config;

import java.util.Optional;

/**
 * The {@code adapters.discord} section.
 *
 * @param enabled whether {@code run} starts the Discord adapter
 * @param token the bot token from the developer portal (from {@code ${DISCORD_TOKEN}})
 * @param messageContentIntent whether to ask for the privileged MESSAGE_CONTENT intent
 * @param shards how many shards to run (1 for a bot in fewer than about 2,500 servers)
 * @param restUrl a REST base URL other than Discord's own (a proxy), empty for Discord's
 * @param gatewayUrl a gateway URL other than Discord's own, empty for Discord's
 */
public record DiscordSettings(
        boolean enabled,
        Secret token,
        boolean messageContentIntent,
        int shards,
        Optional<String> restUrl,
        Optional<String> gatewayUrl) {

    /** Discord switched off, as when the config has no such section. */
    public static DiscordSettings disabled() {
        return new DiscordSettings(false, new Secret(""), false, 1, Optional.empty(), Optional.empty());
    }
}
