package dev.careerbot.logging;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.regex.Pattern;

/**
 * A Logback {@link PatternLayout} that replaces bot tokens with {@value #REDACTED} in the whole
 * formatted line, including exception messages and stack traces. Libraries log request URLs
 * ({@code /bot123456:ABC.../getUpdates}) and headers; this is the last line of defence that keeps
 * a token out of the log whatever code logged it. {@link DefaultLogging} uses it as the layout of
 * an encoder.
 */
public class RedactingPatternLayout extends PatternLayout {

    /** What a token is replaced with. */
    public static final String REDACTED = "<redacted>";

    /** A Telegram bot token: the bot's numeric id, a colon and about 35 letters, digits, - and _. */
    private static final Pattern TELEGRAM_TOKEN = Pattern.compile("(?<![0-9])[0-9]{5,}:[A-Za-z0-9_-]{30,}");

    /** A Discord bot token: three base64url parts (user id, timestamp, HMAC) joined by dots. */
    private static final Pattern DISCORD_TOKEN =
            Pattern.compile("(?<![A-Za-z0-9_.-])[A-Za-z0-9_-]{18,}\\.[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{20,}");

    @Override
    public String doLayout(ILoggingEvent event) {
        return redact(super.doLayout(event));
    }

    /** The text with every bot token in it replaced by {@value #REDACTED}. */
    public static String redact(String text) {
        String withoutTelegram = TELEGRAM_TOKEN.matcher(text).replaceAll(REDACTED);
        return DISCORD_TOKEN.matcher(withoutTelegram).replaceAll(REDACTED);
    }
}
