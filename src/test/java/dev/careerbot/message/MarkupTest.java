package dev.careerbot.message;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkupTest {

    private static List<Markup.Span> spans(String line) {
        Markup.Paragraph paragraph = (Markup.Paragraph) Markup.parse(line).blocks().get(0);
        return paragraph.lines().get(0);
    }

    @Test
    void readsALinkInsideBoldAsABoldLink() {
        assertEquals(List.of(new Markup.Plain("See "), new Markup.Link("the docs", "https://example.org", true)),
                spans("See **[the docs](https://example.org)**"));
    }

    @Test
    void splitsBoldTextAroundALinkItHolds() {
        assertEquals(List.of(new Markup.Bold("Read "), new Markup.Link("this", "https://example.org", true),
                new Markup.Bold(" first")), spans("**Read [this](https://example.org) first**"));
    }

    @Test
    void showsABoldLinkAsLabelAndAddressInPlainText() {
        assertEquals("See the docs (https://example.org).",
                Markup.parse("See **[the docs](https://example.org)**.").toPlainText());
    }

    @Test
    void keepsPlainBoldAndPlainLinksAsBefore() {
        assertEquals(List.of(new Markup.Bold("bold"), new Markup.Plain(" and "),
                new Markup.Link("link", "https://example.org", false)), spans("**bold** and [link](https://example.org)"));
    }
}
