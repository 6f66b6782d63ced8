package dev.careerbot.channel.discord;

import dev.careerbot.DefaultCore;
import dev.careerbot.message.Responder;

/** The real CareerBot core (knowledge base, default matcher, conversation) as {@code run} builds it. */
final class CareerBotCore {

    private CareerBotCore() {}

    static Responder responder() {
        return DefaultCore.conversation();
    }
}
