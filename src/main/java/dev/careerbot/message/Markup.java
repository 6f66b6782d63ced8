package dev.careerbot.message;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CareerBot's small platform-neutral markup, parsed. Answers in the knowledge base use it:
 *
 * <ul>
 *   <li>a blank line separates paragraphs;
 *   <li>a line starting with {@code - } or {@code * } is a bullet;
 *   <li>{@code **bold**} inside a line;
 *   <li>{@code [label](https://example.org)} is a link (http and https only);
 *   <li>a link inside bold text ({@code **see [the docs](https://example.org)**}) is a bold link.
 * </ul>
 *
 * <p>Everything else is plain text; adapters escape it for their platform.
 *
 * @param blocks paragraphs and bullet lists in order
 */
public record Markup(List<Block> blocks) {

    private static final String LINK = "\\[([^\\]\\n]+)\\]\\((https?://[^)\\s]+)\\)";
    private static final Pattern INLINE = Pattern.compile("\\*\\*((?:" + LINK + "|.)+?)\\*\\*|" + LINK);
    private static final Pattern LINK_ONLY = Pattern.compile(LINK);

    public Markup {
        blocks = List.copyOf(blocks);
    }

    /** A paragraph or a bullet list. */
    public sealed interface Block permits Paragraph, BulletList {}

    /** Lines of running text; line breaks inside a paragraph are kept. */
    public record Paragraph(List<List<Span>> lines) implements Block {
        public Paragraph {
            lines = List.copyOf(lines);
        }
    }

    /** A list of bullet items, each a line of spans. */
    public record BulletList(List<List<Span>> items) implements Block {
        public BulletList {
            items = List.copyOf(items);
        }
    }

    /** A piece of inline text. */
    public sealed interface Span permits Plain, Bold, Link {}

    public record Plain(String text) implements Span {}

    public record Bold(String text) implements Span {}

    /** A link; {@code bold} when it stood inside bold text. */
    public record Link(String label, String url, boolean bold) implements Span {

        public Link(String label, String url) {
            this(label, url, false);
        }
    }

    /** Parses markup; never fails, whatever the text. */
    public static Markup parse(String text) {
        List<Block> blocks = new ArrayList<>();
        List<List<Span>> paragraph = new ArrayList<>();
        List<List<Span>> bullets = new ArrayList<>();
        for (String rawLine : text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
            String line = rawLine.strip();
            boolean bullet = line.startsWith("- ") || line.startsWith("* ");
            if (line.isEmpty() || bullet) {
                flushParagraph(blocks, paragraph);
            }
            if (line.isEmpty() || !bullet) {
                flushBullets(blocks, bullets);
            }
            if (bullet) {
                bullets.add(parseInline(line.substring(2).strip()));
            } else if (!line.isEmpty()) {
                paragraph.add(parseInline(line));
            }
        }
        flushParagraph(blocks, paragraph);
        flushBullets(blocks, bullets);
        return new Markup(blocks);
    }

    private static void flushParagraph(List<Block> blocks, List<List<Span>> lines) {
        if (!lines.isEmpty()) {
            blocks.add(new Paragraph(lines));
            lines.clear();
        }
    }

    private static void flushBullets(List<Block> blocks, List<List<Span>> items) {
        if (!items.isEmpty()) {
            blocks.add(new BulletList(items));
            items.clear();
        }
    }

    static List<Span> parseInline(String line) {
        List<Span> spans = new ArrayList<>();
        Matcher matcher = INLINE.matcher(line);
        int at = 0;
        while (matcher.find()) {
            if (matcher.start() > at) {
                spans.add(new Plain(line.substring(at, matcher.start())));
            }
            if (matcher.group(1) != null) {
                spans.addAll(bold(matcher.group(1)));
            } else {
                spans.add(new Link(matcher.group(4), matcher.group(5)));
            }
            at = matcher.end();
        }
        if (at < line.length()) {
            spans.add(new Plain(line.substring(at)));
        }
        return spans;
    }

    /** The spans of bold text: bold pieces, and bold links where it holds links. */
    private static List<Span> bold(String text) {
        List<Span> spans = new ArrayList<>();
        Matcher link = LINK_ONLY.matcher(text);
        int at = 0;
        while (link.find()) {
            if (link.start() > at) {
                spans.add(new Bold(text.substring(at, link.start())));
            }
            spans.add(new Link(link.group(1), link.group(2), true));
            at = link.end();
        }
        if (at < text.length()) {
            spans.add(new Bold(text.substring(at)));
        }
        return spans;
    }

    /** Renders as plain text: bullets as "• ", bold as is, links as "label (url)". */
    public String toPlainText() {
        List<String> parts = new ArrayList<>();
        for (Block block : blocks) {
            StringBuilder out = new StringBuilder();
            if (block instanceof Paragraph paragraph) {
                for (List<Span> line : paragraph.lines()) {
                    appendLine(out, "", line);
                }
            } else if (block instanceof BulletList list) {
                for (List<Span> item : list.items()) {
                    appendLine(out, "• ", item);
                }
            }
            parts.add(out.toString().stripTrailing());
        }
        return String.join("\n\n", parts);
    }

    private static void appendLine(StringBuilder out, String prefix, List<Span> spans) {
        if (!out.isEmpty()) {
            out.append('\n');
        }
        out.append(prefix);
        for (Span span : spans) {
            if (span instanceof Plain plain) {
                out.append(plain.text());
            } else if (span instanceof Bold bold) {
                out.append(bold.text());
            } else if (span instanceof Link link) {
                out.append(link.label()).append(" (").append(link.url()).append(')');
            }
        }
    }
}
