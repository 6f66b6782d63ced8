package dev.careerbot.channel.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.careerbot.message.Markup;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiscordMarkdownTest {

    @Test
    void rendersBoldBulletsAndLinksAsDiscordMarkdown() {
        List<String> messages = DiscordMarkdown.messages("""
                An **ML engineer** ships models.

                - Python
                - [PyTorch docs](https://pytorch.org/docs)""");

        assertEquals(List.of("An **ML engineer** ships models.\n\n- Python\n- [PyTorch docs](https://pytorch.org/docs)"),
                messages);
    }

    @Test
    void escapesMarkdownAndMentionsInPlainText() {
        assertEquals("\\@everyone \\<\\@42\\> \\*not bold\\* \\_x\\_ \\~\\~y\\~\\~ \\`code\\` \\|\\|spoiler\\|\\|",
                DiscordMarkdown.escape("@everyone <@42> *not bold* _x_ ~~y~~ `code` ||spoiler||"));
    }

    @Test
    void keepsBareLinksClickable() {
        assertEquals("see https://example.org/a_b_c \\_ok\\_", DiscordMarkdown.escape("see https://example.org/a_b_c _ok_"));
    }

    @Test
    void escapesLineStartsThatWouldBecomeListsOrHeadings() {
        assertEquals(List.of("1\\. not a list\n\\# not a heading\n\\> not a quote"),
                DiscordMarkdown.messages("1. not a list\n# not a heading\n> not a quote"));
    }

    @Test
    void splitsBetweenParagraphsWhenTheAnswerIsTooLong() {
        String paragraph = "word ".repeat(20).strip();
        Markup markup = Markup.parse(String.join("\n\n", paragraph, paragraph, paragraph));

        List<String> messages = DiscordMarkdown.messages(markup, 250);

        assertEquals(List.of(paragraph + "\n\n" + paragraph, paragraph), messages);
    }

    @Test
    void splitsAParagraphLongerThanAMessageBetweenWords() {
        String paragraph = "career ".repeat(700).strip();

        List<String> messages = DiscordMarkdown.messages(paragraph);

        assertEquals(3, messages.size());
        for (String message : messages) {
            assertTrue(message.length() <= DiscordMarkdown.MESSAGE_LIMIT);
            assertTrue(message.startsWith("career") && message.endsWith("career"), message);
        }
        assertEquals(paragraph, String.join(" ", messages));
    }

    @Test
    void cutsAWordLongerThanAMessageWithoutBreakingAnEscape() {
        String word = "_".repeat(1500);

        List<String> messages = DiscordMarkdown.messages(word);

        assertTrue(messages.size() >= 2);
        for (String message : messages) {
            assertTrue(message.length() <= DiscordMarkdown.MESSAGE_LIMIT);
            assertTrue(message.startsWith("\\_") && message.endsWith("\\_"), "escapes stay whole");
        }
        assertEquals(1500, String.join("", messages).replace("\\", "").length());
    }

    @Test
    void emptyAnswerGivesNoMessage() {
        assertEquals(List.of(), DiscordMarkdown.messages("  \n\n "));
    }
}
