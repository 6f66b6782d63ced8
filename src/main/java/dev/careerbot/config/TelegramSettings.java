package dev.careerbot.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The {@code adapters.telegram} section, read and checked by {@link ConfigLoader}: the adapter
 * uses these values as they are.
 *
 * @param enabled whether {@code run} starts the Telegram adapter
 * @param token the bot token from BotFather (from {@code ${TELEGRAM_TOKEN}}), of the form
 *     {@link #TOKEN_FORM} when the adapter is enabled
 * @param apiUrl the Bot API's address, {@link ApiUrl#TELEGRAM} by default
 * @param longPollSeconds how long one getUpdates call waits for news, 0 to {@link #MAX_LONG_POLL_SECONDS}
 * @param pacing whether sends are paced below Telegram's limits (off only for benchmarks)
 * @param messagesPerSecond overall sends a second, above 0
 * @param chatMessagesPerSecond sends a second to one private chat, above 0
 * @param groupMessagesPerMinute sends a minute to one group, at least 1
 * @param webhook how updates arrive: long polling (the default) or Telegram's webhook
 */
public record TelegramSettings(
        boolean enabled,
        Secret token,
        ApiUrl apiUrl,
        int longPollSeconds,
        boolean pacing,
        double messagesPerSecond,
        double chatMessagesPerSecond,
        int groupMessagesPerMinute,
        Webhook webhook) {

    /** Telegram's longest getUpdates wait. */
    public static final int MAX_LONG_POLL_SECONDS = 50;

    /** What BotFather's tokens look like: the bot's id, a colon, then the secret part. */
    public static final Pattern TOKEN_FORM = Pattern.compile("[0-9]{1,20}:[A-Za-z0-9_-]{30,}");

    public TelegramSettings {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(webhook, "webhook");
    }

    /**
     * The Bot API's address from {@code adapters.telegram.api_url}: a scheme, a host and a port,
     * no path (the library adds {@code /bot<token>/<method>} itself).
     *
     * @param scheme {@code http} or {@code https}
     * @param host the host name or address
     * @param port the port, the scheme's own when the URL names none
     */
    public record ApiUrl(String scheme, String host, int port) {

        /** Telegram's own Bot API. */
        public static final ApiUrl TELEGRAM = new ApiUrl("https", "api.telegram.org", 443);

        public ApiUrl {
            Objects.requireNonNull(scheme, "scheme");
            Objects.requireNonNull(host, "host");
        }

        /**
         * Reads an {@code api_url}; the one place its rule is written.
         *
         * @throws IllegalArgumentException saying what is wrong and how to fix it
         */
        public static ApiUrl parse(String text) {
            String fix = "; use the form https://api.telegram.org or http://127.0.0.1:8081 (scheme, host, port,"
                    + " no path)";
            URI uri;
            try {
                uri = new URI(text.strip());
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("is not a URL: '" + text + "'" + fix);
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new IllegalArgumentException("must start with http:// or https://, but is '" + text + "'" + fix);
            }
            if (uri.getHost() == null || uri.getHost().isEmpty()) {
                throw new IllegalArgumentException("has no host: '" + text + "'" + fix);
            }
            if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/")
                    || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                throw new IllegalArgumentException("must not have a path, query or user, but is '" + text + "'" + fix);
            }
            int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
            return new ApiUrl(scheme, uri.getHost(), port);
        }

        /** As written in the config, without the scheme's own port. */
        @Override
        public String toString() {
            boolean ownPort = port == (scheme.equals("https") ? 443 : 80);
            return scheme + "://" + host + (ownPort ? "" : ":" + port);
        }
    }

    /**
     * {@code adapters.telegram.mode: webhook}: Telegram posts each update to {@code url}; several
     * instances may stand behind one reverse proxy. The two modes exclude each other on Telegram's side.
     *
     * @param enabled true for webhook mode, false for long polling
     * @param url the public HTTP(S) address Telegram posts to (the proxy's); empty in polling mode
     * @param host the address this process listens on for the proxy
     * @param port its port (0 for any free one)
     * @param secret what Telegram sends in {@code X-Telegram-Bot-Api-Secret-Token}: 1 to 256 of
     *     A-Z, a-z, 0-9, _ and - in webhook mode
     */
    public record Webhook(boolean enabled, URI url, String host, int port, Secret secret) {

        public static final String DEFAULT_HOST = "127.0.0.1";
        public static final int DEFAULT_PORT = 8443;

        public Webhook {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(secret, "secret");
        }

        public static Webhook polling() {
            return new Webhook(false, URI.create(""), DEFAULT_HOST, DEFAULT_PORT, new Secret(""));
        }

        /** The path of the public URL, which the proxy forwards as it is. */
        public String path() {
            String path = url.getRawPath();
            return path == null || path.isEmpty() ? "/" : path;
        }
    }

    /** Long polling, the mode without a public address. */
    public TelegramSettings(boolean enabled, Secret token, ApiUrl apiUrl, int longPollSeconds, boolean pacing,
            double messagesPerSecond, double chatMessagesPerSecond, int groupMessagesPerMinute) {
        this(enabled, token, apiUrl, longPollSeconds, pacing, messagesPerSecond, chatMessagesPerSecond,
                groupMessagesPerMinute, Webhook.polling());
    }

    /** Telegram switched off, as when the config has no such section; its values are the defaults. */
    public static TelegramSettings disabled() {
        return new TelegramSettings(false, new Secret(""), ApiUrl.TELEGRAM, MAX_LONG_POLL_SECONDS, true, 30, 1, 20);
    }
}
