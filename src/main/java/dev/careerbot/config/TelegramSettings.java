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
 * @param webhook how updates arrive: long polling (the default) or Telegram's webhook
 */
public record TelegramSettings(
        boolean enabled,
        Secret token,
        String apiUrl,
        int longPollSeconds,
        boolean pacing,
        double messagesPerSecond,
        double chatMessagesPerSecond,
        int groupMessagesPerMinute,
        Webhook webhook) {

    public static final String DEFAULT_API_URL = "https://api.telegram.org";

    /**
     * {@code adapters.telegram.mode: webhook}: Telegram posts each update to {@code url}; several
     * instances may stand behind one reverse proxy. The two modes exclude each other on Telegram's side.
     *
     * @param enabled true for webhook mode, false for long polling
     * @param url the public HTTPS address Telegram posts to (the proxy's)
     * @param host the address this process listens on for the proxy
     * @param port its port (0 for any free one)
     * @param secret what Telegram sends in {@code X-Telegram-Bot-Api-Secret-Token}
     */
    public record Webhook(boolean enabled, String url, String host, int port, Secret secret) {

        public static Webhook polling() {
            return new Webhook(false, "", "127.0.0.1", 8443, new Secret(""));
        }

        /** The path of the public URL, which the proxy forwards as it is. */
        public String path() {
            String path = java.net.URI.create(url).getRawPath();
            return path == null || path.isEmpty() ? "/" : path;
        }
    }

    /** Long polling, the mode without a public address. */
    public TelegramSettings(boolean enabled, Secret token, String apiUrl, int longPollSeconds, boolean pacing,
            double messagesPerSecond, double chatMessagesPerSecond, int groupMessagesPerMinute) {
        this(enabled, token, apiUrl, longPollSeconds, pacing, messagesPerSecond, chatMessagesPerSecond,
                groupMessagesPerMinute, Webhook.polling());
    }

    /** Telegram switched off, as when the config has no such section. */
    public static TelegramSettings disabled() {
        return new TelegramSettings(false, new Secret(""), DEFAULT_API_URL, 50, true, 30, 1, 20);
    }
}
