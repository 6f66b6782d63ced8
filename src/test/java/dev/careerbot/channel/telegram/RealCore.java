package dev.careerbot.channel.telegram;

import dev.careerbot.DefaultCore;
import dev.careerbot.conversation.Conversation;

/** The real core (knowledge base, default matcher, conversation) as {@code run} builds it. */
final class RealCore {

    private RealCore() {}

    static Conversation conversation() {
        return DefaultCore.conversation();
    }
}
