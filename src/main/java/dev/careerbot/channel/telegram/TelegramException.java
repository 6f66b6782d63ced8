package dev.careerbot.channel.telegram;

/**
 * The Telegram adapter cannot start or run: a wrong setting, a rejected token, an unreachable
 * Bot API. The message says what to fix and never contains the token.
 */
public final class TelegramException extends RuntimeException {

    public TelegramException(String message) {
        super(message);
    }
}
