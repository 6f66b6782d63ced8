package dev.careerbot.message;

import java.util.List;
import java.util.Optional;

/**
 * A slash command the bot understands, the same on every platform, for menus (Telegram's
 * {@code setMyCommands}) and registrations (Discord's application commands).
 *
 * @param name the command without its slash, for example {@code skills}
 * @param description one line for the menu
 * @param argument the optional argument it takes
 */
public record CommandInfo(String name, String description, Optional<Argument> argument) {

    /**
     * An optional argument of a command.
     *
     * @param name its name, for example {@code role}
     * @param description one line for the menu
     * @param choices the values a menu may offer (value to label), empty for free text
     */
    public record Argument(String name, String description, List<Choice> choices) {
        public Argument {
            choices = List.copyOf(choices);
        }
    }

    /** One offered value of an argument. */
    public record Choice(String value, String label) {}
}
