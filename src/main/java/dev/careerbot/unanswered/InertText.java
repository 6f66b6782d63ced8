package dev.careerbot.unanswered;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a person wrote, made safe to show to the people who run the bot: in {@code /unanswered},
 * the {@code review} report and the message log. Written by anyone, it must not turn into
 * anything but text there:
 *
 * <ul>
 *   <li>one line: line breaks and other control characters become spaces (no forged log lines,
 *       no terminal escape sequences), and the characters that reorder text (bidi controls) go;
 *   <li>no markup: a zero-width space breaks up {@code **} and {@code ](}, so CareerBot's
 *       markup never makes bold text or a link with the writer's label out of it;
 *   <li>no live links: {@code https://evil.example/x} shows as {@code hxxps[:]//evil[.]example/x}
 *       and bare domains as {@code evil[.]example}, the usual defanged form, so neither Telegram
 *       nor Discord makes them clickable; a {@code /command} is broken up too, so tapping it does
 *       not send it.
 * </ul>
 *
 * Kept in the bot rather than a library: the rules follow CareerBot's own markup.
 */
public final class InertText {

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\u2028\\u2029\\s]+");
    private static final Pattern REORDERING = Pattern.compile("[\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]");
    private static final Pattern SCHEME = Pattern.compile("(?i)\\b(h)tt(ps?)://");
    private static final Pattern DOMAIN = Pattern.compile("(?i)\\b(?:[\\p{L}\\p{N}-]+\\.)+[\\p{L}]{2,}\\b");
    private static final Pattern COMMAND = Pattern.compile("(^|\\s)/(?=\\w)");
    private static final String ZERO_WIDTH_SPACE = "\u200B";

    private InertText() {}

    /** The text as one inert line. */
    public static String of(String text) {
        String line = REORDERING.matcher(text).replaceAll("");
        line = CONTROL.matcher(line).replaceAll(" ").strip();
        line = line.replace("**", "*" + ZERO_WIDTH_SPACE + "*").replace("](", "]" + ZERO_WIDTH_SPACE + "(");
        line = SCHEME.matcher(line).replaceAll("$1xx$2[:]//");
        Matcher domain = DOMAIN.matcher(line);
        StringBuilder out = new StringBuilder();
        while (domain.find()) {
            domain.appendReplacement(out, Matcher.quoteReplacement(domain.group().replace(".", "[.]")));
        }
        domain.appendTail(out);
        return COMMAND.matcher(out).replaceAll("$1/" + ZERO_WIDTH_SPACE);
    }
}
