package dev.careerbot.channel.telegram;

import dev.careerbot.config.MatcherSettings;
import dev.careerbot.config.SessionSettings;
import dev.careerbot.conversation.Conversation;
import dev.careerbot.knowledge.KnowledgeLoader;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The real core (knowledge base, trained matcher, conversation) as {@code run} builds it, for
 * end-to-end tests and the benchmark. Trained once per test JVM; the conversation is thread-safe.
 */
final class RealCore {

    private static Conversation conversation;

    private RealCore() {}

    static synchronized Conversation conversation() {
        if (conversation == null) {
            conversation = Conversation.create(new KnowledgeLoader().load(Path.of("config/knowledge.yml")).base(),
                    MatcherSettings.defaults(), SessionSettings.defaults(), Clock.systemUTC());
        }
        return conversation;
    }
}
