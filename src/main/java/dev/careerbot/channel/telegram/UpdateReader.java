package dev.careerbot.channel.telegram;

import dev.careerbot.message.ChatKind;
import dev.careerbot.message.CommandText;
import dev.careerbot.message.InboundMessage;
import dev.careerbot.message.Platform;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.MessageEntity;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Decides which Telegram updates are for the bot and turns them into platform-neutral messages.
 *
 * <p>In a private chat every text message is for the bot. In a group or supergroup only these
 * are: a command without a bot name or with this bot's name ({@code /help},
 * {@code /help@CareerBot}, but not {@code /help@OtherBot}), a message that mentions the bot, and
 * a reply to one of the bot's own messages. Button presses on the bot's messages are always for
 * it. Everything else (edited messages, channel posts, stickers, photos, joins, messages of other
 * bots) is not answered.
 */
final class UpdateReader {

    private final BotIdentity bot;
    private final Pattern mention;

    UpdateReader(BotIdentity bot) {
        this.bot = bot;
        this.mention = Pattern.compile(
                "(?<![\\w@])@" + Pattern.quote(bot.username()) + "(?!\\w)", Pattern.CASE_INSENSITIVE);
    }

    /** Who the bot is, as {@code getMe} told it. */
    record BotIdentity(long id, String username) {}

    /**
     * Where to send the answer to a message.
     *
     * @param chatId the chat
     * @param threadId the forum topic, when the message was written in one
     * @param replyTo the message to answer as a reply (in groups, so it is clear whom the bot
     *     answers), or empty
     * @param kind private chat or group
     */
    record Destination(long chatId, Optional<Integer> threadId, Optional<Integer> replyTo, ChatKind kind) {}

    /**
     * A message for the bot.
     *
     * @param message the platform-neutral message for the core
     * @param destination where the answer goes
     */
    record Incoming(InboundMessage message, Destination destination) {}

    /** The message in this update that the bot should answer, if there is one. */
    Optional<Incoming> read(Update update) {
        if (update.getMessage() != null) {
            return fromMessage(update.getMessage());
        }
        if (update.getCallbackQuery() != null) {
            return fromButton(update.getCallbackQuery());
        }
        return Optional.empty();
    }

    private Optional<Incoming> fromMessage(Message message) {
        String text = message.getText();
        Chat chat = message.getChat();
        if (text == null || text.isBlank() || chat == null || chat.getType() == null) {
            return Optional.empty();
        }
        Optional<ChatKind> kind = kind(chat);
        Optional<String> sender = sender(message);
        if (kind.isEmpty() || sender.isEmpty()) {
            return Optional.empty();
        }
        if (kind.get() == ChatKind.GROUP && !addressedToBot(message, text)) {
            return Optional.empty();
        }
        Optional<Integer> thread = topic(message);
        Optional<Integer> replyTo = kind.get() == ChatKind.GROUP
                ? Optional.ofNullable(message.getMessageId())
                : Optional.empty();
        Destination destination = new Destination(chat.getId(), thread, replyTo, kind.get());
        String messageId = String.valueOf(message.getMessageId());
        InboundMessage inbound = new InboundMessage(
                Platform.TELEGRAM, conversationId(chat.getId(), thread), sender.get(), kind.get(), text, messageId);
        return Optional.of(new Incoming(inbound, destination));
    }

    private Optional<Incoming> fromButton(CallbackQuery query) {
        MaybeInaccessibleMessage pressedOn = query.getMessage();
        String data = query.getData();
        if (pressedOn == null || pressedOn.getChat() == null || query.getFrom() == null
                || data == null || data.isBlank()) {
            return Optional.empty();
        }
        Optional<ChatKind> kind = kind(pressedOn.getChat());
        if (kind.isEmpty()) {
            return Optional.empty();
        }
        Optional<Integer> thread = pressedOn instanceof Message message ? topic(message) : Optional.empty();
        long chatId = pressedOn.getChat().getId();
        Destination destination = new Destination(chatId, thread, Optional.empty(), kind.get());
        InboundMessage inbound = new InboundMessage(
                Platform.TELEGRAM,
                conversationId(chatId, thread),
                String.valueOf(query.getFrom().getId()),
                kind.get(),
                data,
                query.getId());
        return Optional.of(new Incoming(inbound, destination));
    }

    private static Optional<ChatKind> kind(Chat chat) {
        return switch (chat.getType()) {
            case "private" -> Optional.of(ChatKind.PRIVATE);
            case "group", "supergroup" -> Optional.of(ChatKind.GROUP);
            default -> Optional.empty();
        };
    }

    /**
     * Who wrote the message. Anonymous group admins write as the group ({@code sender_chat});
     * other bots and messages without a sender are not answered.
     */
    private static Optional<String> sender(Message message) {
        if (message.getSenderChat() != null) {
            return Optional.of(String.valueOf(message.getSenderChat().getId()));
        }
        User from = message.getFrom();
        if (from == null || Boolean.TRUE.equals(from.getIsBot())) {
            return Optional.empty();
        }
        return Optional.of(String.valueOf(from.getId()));
    }

    private static Optional<Integer> topic(Message message) {
        return Boolean.TRUE.equals(message.getIsTopicMessage())
                ? Optional.ofNullable(message.getMessageThreadId())
                : Optional.empty();
    }

    private static String conversationId(long chatId, Optional<Integer> thread) {
        return thread.map(id -> chatId + ":" + id).orElse(String.valueOf(chatId));
    }

    private boolean addressedToBot(Message message, String text) {
        Optional<CommandText> command = CommandText.parse(text);
        if (command.isPresent()) {
            return command.get().botName().map(bot.username()::equalsIgnoreCase).orElse(true);
        }
        return mention.matcher(text).find() || mentionedByEntity(message) || repliesToBot(message);
    }

    private boolean mentionedByEntity(Message message) {
        List<MessageEntity> entities = message.getEntities();
        if (entities == null) {
            return false;
        }
        return entities.stream()
                .anyMatch(entity -> "text_mention".equals(entity.getType())
                        && entity.getUser() != null
                        && entity.getUser().getId() != null
                        && entity.getUser().getId() == bot.id());
    }

    /**
     * True for a reply to one of the bot's messages. In a forum every message of a topic
     * "replies" to the topic's first message; that does not count, even if the bot opened the topic.
     */
    private boolean repliesToBot(Message message) {
        Message original = message.getReplyToMessage();
        return original != null
                && original.getForumTopicCreated() == null
                && original.getFrom() != null
                && original.getFrom().getId() != null
                && original.getFrom().getId() == bot.id();
    }
}
