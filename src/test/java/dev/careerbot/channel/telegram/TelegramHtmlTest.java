package dev.careerbot.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.careerbot.message.Markup;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Rendering markup as Telegram HTML, checked with the fake server's Telegram-like HTML parser. */
class TelegramHtmlTest {

    private final TelegramHtml html = new TelegramHtml();

    @Test
    void rendersBoldLinksAndBullets() {
        List<TelegramHtml.Part> parts = html.render(
                "**Skills** you need:\n\n- Python & [PyTorch](https://pytorch.org/?a=1&b=\"2\")\n- SQL <joins>");

        assertEquals(1, parts.size());
        assertEquals("<b>Skills</b> you need:\n\n• Python &amp; <a href=\"https://pytorch.org/?a=1&amp;b=&quot;2&quot;\">"
                + "PyTorch</a>\n• SQL &lt;joins&gt;", parts.get(0).html());
        assertEquals("Skills you need:\n\n• Python & PyTorch\n• SQL <joins>", parts.get(0).plain());
        assertEquals(parts.get(0).plain(), FakeBotApi.parseHtml(parts.get(0).html()).text());
    }

    @Test
    void everyPartOfRandomLongAnswersParsesFitsAndKeepsAllText() {
        Random random = new Random(42);
        String[] pieces = {"word", "**bold words here**", "[a link](https://example.org/x)", "<tag>", "&amp;",
            "long-unbroken-token-without-spaces", "é", "😀"};
        for (int round = 0; round < 200; round++) {
            StringBuilder markup = new StringBuilder();
            int length = 200 + random.nextInt(12_000);
            while (markup.length() < length) {
                int roll = random.nextInt(40);
                if (roll == 0) {
                    markup.append("\n\n");
                } else if (roll == 1) {
                    markup.append("\n- ");
                } else if (roll == 2) {
                    markup.append('\n');
                } else {
                    markup.append(pieces[random.nextInt(pieces.length)]).append(' ');
                }
            }
            if (random.nextInt(5) == 0) {
                markup.append("x".repeat(5000));
            }
            String expected = Markup.parse(markup.toString()).toPlainText().replace(" (https://example.org/x)", "");
            List<TelegramHtml.Part> parts = html.render(markup.toString());
            StringBuilder visible = new StringBuilder();
            for (TelegramHtml.Part part : parts) {
                String text = FakeBotApi.parseHtml(part.html()).text();
                assertEquals(part.plain(), text);
                assertTrue(text.length() <= TelegramHtml.MESSAGE_LIMIT, "part of " + text.length());
                assertTrue(!text.isBlank(), "no empty part");
                visible.append(text);
            }
            assertEquals(strip(expected), strip(visible.toString()), "round " + round);
        }
    }

    @Test
    void cutsAtAParagraphWhenOneKeepsAtLeastHalfTheMessage() {
        String first = "a".repeat(3000);
        String second = "b".repeat(1500);

        List<TelegramHtml.Part> parts = html.render(first + "\n\n" + second);

        assertEquals(List.of(first, second), parts.stream().map(TelegramHtml.Part::plain).toList());
    }

    @Test
    void cutsALineTooLongForOneMessageAtASpace() {
        String line = "twelve chars".repeat(500);

        List<TelegramHtml.Part> parts = new TelegramHtml(100).render(line);

        parts.forEach(part -> assertTrue(part.plain().length() <= 100));
        assertTrue(parts.get(0).plain().endsWith("twelve"), parts.get(0).plain());
        assertEquals(line.replace(" ", ""), String.join("", parts.stream().map(p -> p.plain().replace(" ", "")).toList()));
    }

    @Test
    void rendersNothingForAnEmptyAnswer() {
        assertEquals(List.of(), html.render(" \n\n "));
    }

    /** Whitespace differs only where a cut fell; the words and their order must not. */
    private static String strip(String text) {
        return text.replaceAll("\\s+", "");
    }
}
