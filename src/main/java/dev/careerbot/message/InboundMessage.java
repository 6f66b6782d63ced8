package dev.careerbot.message;

import java.util.Objects;

/**
 * One message a person sent to the bot, the same for every platform.
 *
 * @param platform where it came from
 * @param conversationId the chat, channel or thread it was written in (platform-specific id)
 * @param senderId who wrote it (platform-specific user id)
 * @param chatKind whether the chat is private with the bot or a group
 * @param text what the person wrote, with any bot mention or command suffix left in
 * @param messageId the platform's id of the message, for replies and de-duplication
 */
public record InboundMessage(
        Platform platform,
        String conversationId,
        String senderId,
        ChatKind chatKind,
        String text,
        String messageId) {

    public InboundMessage {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(senderId, "senderId");
        Objects.requireNonNull(chatKind, "chatKind");
        text = text == null ? "" : text;
        messageId = messageId == null ? "" : messageId;
    }

    /** A private message, as the console and tests send it. */
    public static InboundMessage privateMessage(Platform platform, String userId, String text) {
        return new InboundMessage(platform, userId, userId, ChatKind.PRIVATE, text, "");
    }

    /** The key under which the conversation context of this sender in this chat is kept. */
    public String sessionKey() {
        return platform + ":" + conversationId + ":" + senderId;
    }
}
