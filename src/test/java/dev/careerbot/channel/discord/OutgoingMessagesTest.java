package dev.careerbot.channel.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.careerbot.message.Reply;
import dev.careerbot.message.Suggestion;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.Test;

class OutgoingMessagesTest {

    @Test
    void putsButtonsUnderTheLastMessageOnly() {
        Reply reply = Reply.withSuggestions(ScriptedResponder.longAnswer(),
                List.of(new Suggestion("Salaries", "/topic salaries")));

        List<MessageCreateData> messages = OutgoingMessages.of(reply);

        assertEquals(2, messages.size());
        assertTrue(messages.get(0).getComponents().isEmpty());
        assertEquals(1, messages.get(1).getComponents().size());
    }

    @Test
    void everyMessageAllowsNoMentions() {
        for (MessageCreateData message : OutgoingMessages.of(Reply.text("@everyone hello"))) {
            assertTrue(message.getAllowedMentions().isEmpty());
            assertTrue(message.getMentionedUsers().isEmpty());
            assertTrue(message.getMentionedRoles().isEmpty());
            assertEquals(false, message.isMentionRepliedUser());
        }
        assertTrue(OutgoingMessages.notice("@here").getAllowedMentions()
                .stream().noneMatch(type -> type == Message.MentionType.HERE));
    }

    @Test
    void fitsButtonsIntoRowsOfFiveAndSkipsWhatDiscordWouldRefuse() {
        List<Suggestion> suggestions = new ArrayList<>();
        IntStream.rangeClosed(1, 7).forEach(i -> suggestions.add(new Suggestion("Topic " + i, "/topic t" + i)));
        suggestions.add(new Suggestion("Again", "/topic t1"));
        suggestions.add(new Suggestion("Too long", "/topic " + "x".repeat(100)));
        suggestions.add(new Suggestion("L".repeat(120), "/topic long.label"));

        List<ActionRow> rows = OutgoingMessages.buttonRows(suggestions);

        assertEquals(List.of(5, 3), rows.stream().map(row -> row.getComponents().size()).toList());
        List<Button> buttons = rows.stream().flatMap(row -> row.getButtons().stream()).toList();
        assertEquals("/topic t1", buttons.get(0).getCustomId());
        assertEquals(8, buttons.stream().map(Button::getCustomId).distinct().count(), "no duplicate ids");
        assertTrue(buttons.stream().allMatch(button -> button.getCustomId().length() <= 100));
        assertEquals(80, buttons.get(7).getLabel().length());
    }

    @Test
    void suggestionsWithoutTextStillGetAMessageToHangOn() {
        List<MessageCreateData> messages = OutgoingMessages.of(
                Reply.withSuggestions("", List.of(new Suggestion("Salaries", "/topic salaries"))));

        assertEquals(1, messages.size());
        assertEquals("Related topics:", messages.get(0).getContent());
    }
}
