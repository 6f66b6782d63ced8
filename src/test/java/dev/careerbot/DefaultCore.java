package dev.careerbot;

import dev.careerbot.config.MatcherSettings;
import dev.careerbot.config.SessionSettings;
import dev.careerbot.conversation.Conversation;
import dev.careerbot.embedding.MatcherFeatures;
import dev.careerbot.intent.IntentMatcher;
import dev.careerbot.knowledge.KnowledgeBase;
import dev.careerbot.knowledge.KnowledgeLoader;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The core as {@code run} builds it: the bundled knowledge base, the matcher of the default mode
 * (the sentence encoder included) and the conversation, for the adapters' end-to-end tests and
 * benchmarks. Built once per test JVM, since training takes seconds; the conversation is
 * thread-safe.
 */
public final class DefaultCore {

    private static Conversation conversation;

    private DefaultCore() {}

    public static synchronized Conversation conversation() {
        if (conversation == null) {
            KnowledgeBase knowledge = new KnowledgeLoader().load(Path.of("config/knowledge.yml")).base();
            MatcherSettings settings = MatcherSettings.defaults();
            IntentMatcher matcher = IntentMatcher.forKnowledge(knowledge, settings,
                    MatcherFeatures.forSettings(settings, "knowledge"));
            conversation = new Conversation(knowledge, matcher, SessionSettings.defaults(), Clock.systemUTC());
        }
        return conversation;
    }
}
