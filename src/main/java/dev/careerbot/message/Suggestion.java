package dev.careerbot.message;

import java.util.Objects;

/**
 * A topic the person may want next, shown as a button where the platform has buttons and as a
 * line of text where it has not.
 *
 * @param label what the button says, for example "NLP engineer skills"
 * @param command the message to send back when the button is pressed, for example
 *     {@code /topic role.nlp_engineer.skills}; at most 64 bytes, so it fits Telegram's callback data
 */
public record Suggestion(String label, String command) {

    public Suggestion {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(command, "command");
    }
}
