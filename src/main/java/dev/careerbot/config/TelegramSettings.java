package dev.careerbot.config;

/**
 * The {@code adapters.telegram} section.
 *
 * @param enabled whether {@code run} starts the Telegram adapter
 * @param token the bot token from BotFather (from {@code ${TELEGRAM_TOKEN}})
 * @param apiUrl base URL of the Bot API, {@code https://api.telegram.org} by default
 * @param longPollSeconds how long one getUpdates call waits for news
 * @param pacing whether sends are paced below Telegram's limits (off only for benchmarks)
 * @param messagesPerSecond overall sends a second
 * @param chatMessagesPerSecond sends a second to one private chat
 * @param groupMessagesPerMinute sends a minute to one group
 */
public record TelegramSettings(
        boolean enabled,
        Secret token,
        String apiUrl,
        int longPollSeconds,
        boolean pacing,
        double messagesPerSecond,
        double chatMessagesPerSecond,
        int groupMessagesPerMinute) {

    public static final String DEFAULT_API_URL = "https://api.telegram.org";

    /** Telegram switched off, as when the config has no such section. */
    public static TelegramSettings disabled() {
        return new TelegramSettings(false, new Secret(""), DEFAULT_API_URL, 50, true, 30, 1, 20);
    }
}
