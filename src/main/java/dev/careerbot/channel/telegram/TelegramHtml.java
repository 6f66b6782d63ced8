package dev.careerbot.channel.telegram;

import dev.careerbot.message.Markup;
import dev.careerbot.message.Markup.Block;
import dev.careerbot.message.Markup.Bold;
import dev.careerbot.message.Markup.BulletList;
import dev.careerbot.message.Markup.Link;
import dev.careerbot.message.Markup.Paragraph;
import dev.careerbot.message.Markup.Plain;
import dev.careerbot.message.Markup.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders CareerBot markup as Telegram HTML ({@code parse_mode=HTML}) and splits it into
 * messages Telegram accepts.
 *
 * <p>Every piece of text is escaped, so an answer that contains {@code <b>} or {@code &amp;}
 * shows exactly those characters. Telegram limits a message to 4,096 characters of visible text,
 * counted after it has parsed the HTML, so the split counts visible characters (UTF-16 units, as
 * Telegram does) and cuts between paragraphs where it can, between lines otherwise, and inside a
 * line only at a space when a single line is too long. A cut never falls inside a tag: a bold
 * span or a link that straddles a cut is closed before it and opened again after it.
 */
final class TelegramHtml {

    /** Telegram's limit on the visible text of one message. */
    static final int MESSAGE_LIMIT = 4096;

    private static final String BULLET = "• ";

    private final int limit;

    TelegramHtml() {
        this(MESSAGE_LIMIT);
    }

    TelegramHtml(int limit) {
        if (limit < 16) {
            throw new IllegalArgumentException("message limit too small: " + limit);
        }
        this.limit = limit;
    }

    /**
     * One message to send: the HTML and the same text without markup, for the resend when
     * Telegram cannot parse the HTML after all.
     */
    record Part(String html, String plain) {}

    /** Renders markup text into messages of at most the limit's visible characters each. */
    List<Part> render(String markupText) {
        List<Line> lines = lines(Markup.parse(markupText));
        List<Part> parts = new ArrayList<>();
        List<Line> current = new ArrayList<>();
        int visible = 0;
        for (Line line : lines) {
            for (Line piece : fitting(line)) {
                int added = current.isEmpty() ? piece.visible() : piece.separatorLength() + piece.visible();
                if (!current.isEmpty() && visible + added > limit) {
                    int cut = preferredCut(current);
                    List<Line> carried = new ArrayList<>(current.subList(cut, current.size()));
                    parts.add(join(current.subList(0, cut)));
                    current = carried;
                    visible = visibleLength(current);
                    added = current.isEmpty() ? piece.visible() : piece.separatorLength() + piece.visible();
                    if (!current.isEmpty() && visible + added > limit) {
                        parts.add(join(current));
                        current = new ArrayList<>();
                        added = piece.visible();
                    }
                }
                current.add(piece);
                visible += added;
            }
        }
        if (!current.isEmpty()) {
            parts.add(join(current));
        }
        return parts;
    }

    /**
     * Where to end a full message: after its last paragraph if that keeps at least half the
     * message, otherwise after all its lines.
     */
    private int preferredCut(List<Line> current) {
        int length = 0;
        int best = current.size();
        int bestLength = -1;
        for (int i = 0; i < current.size(); i++) {
            Line line = current.get(i);
            if (i > 0 && line.startsBlock()) {
                bestLength = length;
                best = i;
            }
            length += (i == 0 ? 0 : line.separatorLength()) + line.visible();
        }
        return bestLength >= limit / 2 ? best : current.size();
    }

    private static int visibleLength(List<Line> lines) {
        int length = 0;
        for (int i = 0; i < lines.size(); i++) {
            length += (i == 0 ? 0 : lines.get(i).separatorLength()) + lines.get(i).visible();
        }
        return length;
    }

    private static Part join(List<Line> lines) {
        StringBuilder html = new StringBuilder();
        StringBuilder plain = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (i > 0) {
                String separator = line.startsBlock() ? "\n\n" : "\n";
                html.append(separator);
                plain.append(separator);
            }
            html.append(line.html());
            plain.append(line.plain());
        }
        return new Part(html.toString(), plain.toString());
    }

    /** One rendered line: a paragraph line or a bullet item. */
    private record Line(String prefix, List<Span> spans, boolean startsBlock) {

        int visible() {
            return plain().length();
        }

        int separatorLength() {
            return startsBlock ? 2 : 1;
        }

        String plain() {
            StringBuilder out = new StringBuilder(prefix);
            spans.forEach(span -> out.append(visibleText(span)));
            return out.toString();
        }

        String html() {
            StringBuilder out = new StringBuilder(escape(prefix));
            for (Span span : spans) {
                if (span instanceof Plain plain) {
                    out.append(escape(plain.text()));
                } else if (span instanceof Bold bold) {
                    out.append("<b>").append(escape(bold.text())).append("</b>");
                } else if (span instanceof Link link) {
                    out.append(link.bold() ? "<b>" : "").append("<a href=\"").append(escapeAttribute(link.url()))
                            .append("\">").append(escape(link.label())).append("</a>").append(link.bold() ? "</b>" : "");
                }
            }
            return out.toString();
        }
    }

    private static List<Line> lines(Markup markup) {
        List<Line> lines = new ArrayList<>();
        for (Block block : markup.blocks()) {
            boolean first = true;
            if (block instanceof Paragraph paragraph) {
                for (List<Span> spans : paragraph.lines()) {
                    lines.add(new Line("", spans, first));
                    first = false;
                }
            } else if (block instanceof BulletList list) {
                for (List<Span> spans : list.items()) {
                    lines.add(new Line(BULLET, spans, first));
                    first = false;
                }
            }
        }
        return lines;
    }

    /** Splits a line longer than the limit at spaces into lines that each fit. */
    private List<Line> fitting(Line line) {
        List<Line> pieces = new ArrayList<>();
        Line rest = line;
        while (rest.visible() > limit) {
            String text = rest.plain();
            int cut = text.lastIndexOf(' ', limit);
            if (cut < limit / 2) {
                cut = limit;
                if (Character.isHighSurrogate(text.charAt(cut - 1))) {
                    cut--;
                }
            }
            List<List<Span>> halves = cutSpans(rest.spans(), cut - rest.prefix().length());
            pieces.add(new Line(rest.prefix(), halves.get(0), rest.startsBlock()));
            rest = new Line("", stripLeading(halves.get(1)), false);
        }
        pieces.add(rest);
        return pieces;
    }

    /** Cuts spans at a visible position; a span across the cut becomes two of the same kind. */
    private static List<List<Span>> cutSpans(List<Span> spans, int at) {
        List<Span> before = new ArrayList<>();
        List<Span> after = new ArrayList<>();
        int position = 0;
        for (Span span : spans) {
            String text = visibleText(span);
            int end = position + text.length();
            if (end <= at) {
                before.add(span);
            } else if (position >= at) {
                after.add(span);
            } else {
                int inside = at - position;
                before.add(withText(span, text.substring(0, inside)));
                after.add(withText(span, text.substring(inside)));
            }
            position = end;
        }
        return List.of(before, after);
    }

    private static List<Span> stripLeading(List<Span> spans) {
        List<Span> out = new ArrayList<>(spans);
        while (!out.isEmpty()) {
            String stripped = visibleText(out.get(0)).stripLeading();
            if (stripped.isEmpty()) {
                out.remove(0);
            } else {
                out.set(0, withText(out.get(0), stripped));
                break;
            }
        }
        return out;
    }

    private static String visibleText(Span span) {
        if (span instanceof Plain plain) {
            return plain.text();
        } else if (span instanceof Bold bold) {
            return bold.text();
        }
        return ((Link) span).label();
    }

    private static Span withText(Span span, String text) {
        if (span instanceof Plain) {
            return new Plain(text);
        } else if (span instanceof Bold) {
            return new Bold(text);
        }
        Link link = (Link) span;
        return new Link(text, link.url(), link.bold());
    }

    /** Escapes text for Telegram HTML: the three characters its parser treats specially. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String escapeAttribute(String text) {
        return escape(text).replace("\"", "&quot;");
    }
}
