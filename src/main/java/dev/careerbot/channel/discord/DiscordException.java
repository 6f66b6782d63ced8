package dev.careerbot.channel.discord;

/**
 * The Discord adapter cannot run: the token was refused, an intent was not granted, the gateway
 * closed for good. The message says what to fix and never contains the token.
 */
public final class DiscordException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    DiscordException(String message) {
        super(message);
    }

    DiscordException(String message, Throwable cause) {
        super(message, cause);
    }
}
