package dev.careerbot.channel.discord;

import dev.careerbot.config.MatcherSettings;
import dev.careerbot.config.SessionSettings;
import dev.careerbot.conversation.Conversation;
import dev.careerbot.knowledge.KnowledgeLoader;
import dev.careerbot.message.Responder;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The real CareerBot core for end-to-end adapter tests: the bundled knowledge base, a matcher
 * trained on it the way the application trains it, and the conversation. Built once per JVM
 * because training takes a moment.
 */
final class CareerBotCore {

    private static Responder shared;

    private CareerBotCore() {}

    static synchronized Responder responder() {
        if (shared == null) {
            shared = Conversation.create(new KnowledgeLoader().load(Path.of("config/knowledge.yml")).base(),
                    MatcherSettings.defaults(), SessionSettings.defaults(), Clock.systemUTC());
        }
        return shared;
    }
}
