package dev.careerbot.channel.discord;

import dev.careerbot.message.Reply;
import dev.careerbot.message.Suggestion;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * A {@link Reply} as Discord messages: the escaped markdown cut to Discord's length limit, the
 * suggestions as buttons under the last message (the button's custom id is the suggestion's
 * command, which comes back as the text of the click), and no mention allowed to ping anyone.
 */
final class OutgoingMessages {

    /** Discord's limits: 100 characters of custom id, 80 of label, 5 buttons a row, 5 rows. */
    static final int CUSTOM_ID_LIMIT = 100;
    static final int LABEL_LIMIT = 80;
    static final int BUTTONS_PER_ROW = 5;
    static final int BUTTON_LIMIT = 25;

    private OutgoingMessages() {}

    /** The messages to send for a reply, in order; empty when there is nothing to show. */
    static List<MessageCreateData> of(Reply reply) {
        List<String> texts = new ArrayList<>(DiscordMarkdown.messages(reply.text()));
        List<ActionRow> rows = buttonRows(reply.suggestions());
        if (texts.isEmpty() && !rows.isEmpty()) {
            texts.add("Related topics:");
        }
        List<MessageCreateData> messages = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            MessageCreateBuilder builder = silent(texts.get(i));
            if (i == texts.size() - 1 && !rows.isEmpty()) {
                builder.setComponents(rows);
            }
            messages.add(builder.build());
        }
        return messages;
    }

    /** One short plain message, escaped, that pings no one. */
    static MessageCreateData notice(String text) {
        return silent(DiscordMarkdown.escape(text)).build();
    }

    static List<ActionRow> buttonRows(List<Suggestion> suggestions) {
        Map<String, Button> buttons = new LinkedHashMap<>();
        for (Suggestion suggestion : suggestions) {
            String id = suggestion.command().strip();
            if (id.isEmpty() || id.length() > CUSTOM_ID_LIMIT || buttons.containsKey(id) || buttons.size() == BUTTON_LIMIT) {
                continue;
            }
            String label = suggestion.label().isBlank() ? id : suggestion.label().strip();
            if (label.length() > LABEL_LIMIT) {
                label = label.substring(0, LABEL_LIMIT - 1) + "…";
            }
            buttons.put(id, Button.secondary(id, label));
        }
        List<Button> all = new ArrayList<>(buttons.values());
        List<ActionRow> rows = new ArrayList<>();
        for (int from = 0; from < all.size(); from += BUTTONS_PER_ROW) {
            rows.add(ActionRow.of(all.subList(from, Math.min(all.size(), from + BUTTONS_PER_ROW))));
        }
        return rows;
    }

    private static MessageCreateBuilder silent(String content) {
        return new MessageCreateBuilder()
                .setContent(content)
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                .mentionRepliedUser(false);
    }
}
