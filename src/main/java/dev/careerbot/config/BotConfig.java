package dev.careerbot.config;

import dev.careerbot.yaml.YamlSource;
import java.util.Objects;

/**
 * The whole of {@code careerbot.yml}, validated, with paths resolved against the config file's
 * folder and {@code ${ENV}} references of enabled adapters substituted.
 *
 * @param source the config file it came from, as messages name it ({@code classpath:bundled/careerbot.yml}
 *     for the copy bundled in the jar)
 * @param knowledgeBase the knowledge base: a file, or the copy bundled in the jar; load it with
 *     {@code new KnowledgeLoader().load(config.knowledgeBase())}
 * @param matcher matcher thresholds
 * @param sessions conversation memory
 * @param telegram the Telegram adapter
 * @param discord the Discord adapter
 * @param operations admins, health and metrics, rate limits, unanswered log, reload, logging, shutdown
 * @param state where the state that instances share lives (memory or Redis)
 */
public record BotConfig(
        String source,
        YamlSource knowledgeBase,
        MatcherSettings matcher,
        SessionSettings sessions,
        TelegramSettings telegram,
        DiscordSettings discord,
        OperationsSettings operations,
        StateSettings state) {

    public BotConfig {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(knowledgeBase, "knowledgeBase");
        Objects.requireNonNull(matcher, "matcher");
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(telegram, "telegram");
        Objects.requireNonNull(discord, "discord");
        Objects.requireNonNull(operations, "operations");
        Objects.requireNonNull(state, "state");
    }

    /** The same config with other matcher settings; every other section stays as it is. */
    public BotConfig withMatcher(MatcherSettings newMatcher) {
        return new BotConfig(source, knowledgeBase, newMatcher, sessions, telegram, discord, operations, state);
    }

    /** True when any chat platform is enabled, so the bare jar runs them instead of the console. */
    public boolean anyPlatformEnabled() {
        return telegram.enabled() || discord.enabled();
    }
}
