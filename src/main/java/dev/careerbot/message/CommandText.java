package dev.careerbot.message;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message that is a slash command, as typed on any platform: {@code /skills nlp},
 * {@code /help@CareerBot}. The one grammar of commands: the conversation's command table, the
 * operations commands ({@code /forget}, admin) and Telegram's "is this group message for me" all
 * read commands through {@link #parse}.
 *
 * <p>A command is a slash, a name of letters, digits and underscores (Telegram's rule for
 * command names), an optional {@code @botname}, then the end of the text or white space and the
 * argument. Text such as {@code /usr/bin} or {@code /help,please} is not a command.
 *
 * @param name the command without its slash, in lower case
 * @param botName the bot it is addressed to ({@code CareerBot} in {@code /help@CareerBot}), if named
 * @param argument the rest of the text, stripped; empty when there is none
 */
public record CommandText(String name, Optional<String> botName, String argument) {

    private static final Pattern COMMAND =
            Pattern.compile("^/([A-Za-z0-9_]+)(?:@([A-Za-z0-9_]+))?(?:\\s+(.*))?$", Pattern.DOTALL);

    /** The command in the text, if the text (leading and trailing white space aside) is one. */
    public static Optional<CommandText> parse(String text) {
        Matcher matcher = COMMAND.matcher(text.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String argument = matcher.group(3) == null ? "" : matcher.group(3).strip();
        return Optional.of(new CommandText(matcher.group(1).toLowerCase(Locale.ROOT),
                Optional.ofNullable(matcher.group(2)), argument));
    }
}
