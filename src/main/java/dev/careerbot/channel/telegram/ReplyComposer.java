package dev.careerbot.channel.telegram;

import dev.careerbot.channel.telegram.Outbox.Outgoing;
import dev.careerbot.channel.telegram.UpdateReader.Destination;
import dev.careerbot.message.ChatKind;
import dev.careerbot.message.Reply;
import dev.careerbot.message.Suggestion;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/**
 * Lays out a reply as Telegram messages: the text in HTML parts of at most 4,096 visible
 * characters, the first part a reply to the asker's message in groups, and the suggested topics
 * as buttons under the last part. A reply meant for private eyes only gets a short notice in a
 * group instead.
 */
final class ReplyComposer {

    static final String PRIVATE_ONLY_NOTICE =
            "I can only show that in a private chat. Send me the same message there.";

    /** The text above the buttons when a reply has buttons but no text. */
    static final String RELATED_TOPICS = "Related topics:";

    /** Telegram's limit on a button's callback data. */
    static final int CALLBACK_DATA_LIMIT = 64;

    private static final Logger LOG = LoggerFactory.getLogger(ReplyComposer.class);

    private final TelegramHtml html;

    ReplyComposer(TelegramHtml html) {
        this.html = html;
    }

    List<Outgoing> compose(Reply reply, Destination destination) {
        boolean hidden = reply.privateOnly() && destination.kind() == ChatKind.GROUP;
        List<TelegramHtml.Part> parts = html.render(hidden ? PRIVATE_ONLY_NOTICE : reply.text());
        Optional<InlineKeyboardMarkup> keyboard = hidden ? Optional.empty() : keyboard(reply.suggestions());
        if (parts.isEmpty() && keyboard.isPresent()) {
            parts = html.render(RELATED_TOPICS);
        }
        List<Outgoing> messages = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            boolean last = i == parts.size() - 1;
            messages.add(new Outgoing(
                    parts.get(i),
                    destination.threadId(),
                    i == 0 ? destination.replyTo() : Optional.empty(),
                    last ? keyboard : Optional.empty()));
        }
        return messages;
    }

    /** One button a row, so long topic names stay readable on a phone. */
    private static Optional<InlineKeyboardMarkup> keyboard(List<Suggestion> suggestions) {
        List<InlineKeyboardRow> rows = new ArrayList<>();
        for (Suggestion suggestion : suggestions) {
            int bytes = suggestion.command().getBytes(StandardCharsets.UTF_8).length;
            if (bytes == 0 || bytes > CALLBACK_DATA_LIMIT || suggestion.label().isBlank()) {
                LOG.warn("Left out the button \"{}\": its command must be 1 to {} bytes, not {}",
                        suggestion.label(), CALLBACK_DATA_LIMIT, bytes);
                continue;
            }
            rows.add(new InlineKeyboardRow(InlineKeyboardButton.builder()
                    .text(suggestion.label())
                    .callbackData(suggestion.command())
                    .build()));
        }
        return rows.isEmpty() ? Optional.empty() : Optional.of(new InlineKeyboardMarkup(rows));
    }
}
