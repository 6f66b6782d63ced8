package dev.careerbot.channel.discord;

import dev.careerbot.config.SessionSettings;
import dev.careerbot.conversation.Conversation;
import dev.careerbot.intent.IntentMatcher;
import dev.careerbot.intent.LabelledExample;
import dev.careerbot.knowledge.Intent;
import dev.careerbot.knowledge.KnowledgeBase;
import dev.careerbot.knowledge.KnowledgeLoader;
import dev.careerbot.knowledge.Subject;
import dev.careerbot.message.Responder;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
            KnowledgeBase knowledge = new KnowledgeLoader().load(Path.of("config/knowledge.yml")).base();
            shared = new Conversation(knowledge, matcher(knowledge), SessionSettings.defaults(), Clock.systemUTC());
        }
        return shared;
    }

    private static IntentMatcher matcher(KnowledgeBase knowledge) {
        List<LabelledExample> examples = new ArrayList<>();
        for (Intent intent : knowledge.intents()) {
            if (!intent.id().equals(KnowledgeBase.OUT_OF_SCOPE)) {
                intent.examples().forEach(example -> examples.add(LabelledExample.of(example, intent.id())));
            }
        }
        knowledge.outOfScopeExamples()
                .forEach(example -> examples.add(LabelledExample.of(example, KnowledgeBase.OUT_OF_SCOPE)));
        List<String> vocabulary = new ArrayList<>();
        for (Subject subject : knowledge.subjects()) {
            vocabulary.add(subject.name());
            vocabulary.addAll(subject.aliases());
        }
        knowledge.intents().forEach(intent -> vocabulary.add(intent.title()));
        return IntentMatcher.train(examples,
                IntentMatcher.Options.calibrated(dev.careerbot.config.MatcherSettings.DEFAULT_MAX_INPUT_CHARS,
                        knowledge.synonyms(), vocabulary),
                Optional.empty());
    }
}
