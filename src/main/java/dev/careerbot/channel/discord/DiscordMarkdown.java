package dev.careerbot.channel.discord;

import dev.careerbot.message.Markup;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders CareerBot markup as Discord markdown. Every piece of text is escaped, so markdown,
 * headings, quotes and mentions in it ({@code @everyone}, {@code <@id>}) show as typed and do
 * nothing; bold becomes {@code **...**}, bullets {@code - }, links {@code [label](url)}. Long
 * answers are cut into messages of at most {@value #MESSAGE_LIMIT} characters, between paragraphs
 * where possible, then between lines, then between words.
 */
final class DiscordMarkdown {

    /** Discord's limit on the content of one message. */
    static final int MESSAGE_LIMIT = 2000;

    private static final Pattern BARE_URL = Pattern.compile("https?://[^\\s<>]+");
    private static final Pattern LINE_START_LIST = Pattern.compile("^(\\d+)\\.");
    private static final String ESCAPED = "\\*_~`|<>#@[]()";

    private DiscordMarkdown() {}

    /** The messages to send for an answer written in CareerBot markup. */
    static List<String> messages(String markupText) {
        return messages(Markup.parse(markupText), MESSAGE_LIMIT);
    }

    static List<String> messages(Markup markup, int limit) {
        List<Unit> units = new ArrayList<>();
        for (Markup.Block block : markup.blocks()) {
            String rendered = render(block);
            if (rendered.length() <= limit) {
                units.add(new Unit(rendered, "\n\n"));
                continue;
            }
            String separator = "\n\n";
            for (String line : rendered.split("\n")) {
                for (String piece : wrap(line, limit)) {
                    units.add(new Unit(piece, separator));
                    separator = "\n";
                }
            }
        }
        return pack(units, limit);
    }

    /** Escapes text so Discord shows it literally; bare links stay clickable. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        Matcher url = BARE_URL.matcher(text);
        int at = 0;
        while (url.find()) {
            escapeInto(out, text.substring(at, url.start()));
            out.append(url.group());
            at = url.end();
        }
        escapeInto(out, text.substring(at));
        return out.toString();
    }

    private static void escapeInto(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (ESCAPED.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
    }

    private static String render(Markup.Block block) {
        List<String> lines = new ArrayList<>();
        if (block instanceof Markup.Paragraph paragraph) {
            for (List<Markup.Span> line : paragraph.lines()) {
                lines.add(escapeLineStart(renderSpans(line)));
            }
        } else if (block instanceof Markup.BulletList list) {
            for (List<Markup.Span> item : list.items()) {
                lines.add("- " + escapeLineStart(renderSpans(item)));
            }
        }
        return String.join("\n", lines);
    }

    private static String renderSpans(List<Markup.Span> spans) {
        StringBuilder out = new StringBuilder();
        for (Markup.Span span : spans) {
            if (span instanceof Markup.Plain plain) {
                out.append(escape(plain.text()));
            } else if (span instanceof Markup.Bold bold) {
                out.append("**").append(escape(bold.text())).append("**");
            } else if (span instanceof Markup.Link link) {
                String stars = link.bold() ? "**" : "";
                out.append(stars).append('[').append(escape(link.label())).append("](").append(link.url()).append(')')
                        .append(stars);
            }
        }
        return out.toString();
    }

    /** A line starting with "-", "+" or "1." would turn into a list; escape that start. */
    private static String escapeLineStart(String line) {
        if (line.startsWith("-") || line.startsWith("+")) {
            return "\\" + line;
        }
        Matcher numbered = LINE_START_LIST.matcher(line);
        if (numbered.find()) {
            return numbered.group(1) + "\\." + line.substring(numbered.end());
        }
        return line;
    }

    /** Cuts one over-long line between words, or anywhere when a word is longer than a message. */
    private static List<String> wrap(String line, int limit) {
        List<String> pieces = new ArrayList<>();
        String rest = line;
        while (rest.length() > limit) {
            int cut = rest.lastIndexOf(' ', limit);
            if (cut < limit / 2) {
                cut = limit;
                while (cut > 1 && (rest.charAt(cut - 1) == '\\' || Character.isHighSurrogate(rest.charAt(cut - 1)))) {
                    cut--;
                }
            }
            pieces.add(rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut).stripLeading();
        }
        if (!rest.isEmpty()) {
            pieces.add(rest);
        }
        return pieces;
    }

    private static List<String> pack(List<Unit> units, int limit) {
        List<String> messages = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (Unit unit : units) {
            if (unit.text().isBlank()) {
                continue;
            }
            if (current.length() > 0 && current.length() + unit.separator().length() + unit.text().length() > limit) {
                messages.add(current.toString());
                current.setLength(0);
            }
            if (current.length() > 0) {
                current.append(unit.separator());
            }
            current.append(unit.text());
        }
        if (current.length() > 0) {
            messages.add(current.toString());
        }
        return messages;
    }

    private record Unit(String text, String separator) {}
}
