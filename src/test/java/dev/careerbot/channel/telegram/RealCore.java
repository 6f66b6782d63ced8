package dev.careerbot.channel.telegram;

import dev.careerbot.config.MatcherSettings;
import dev.careerbot.config.SessionSettings;
import dev.careerbot.conversation.Conversation;
import dev.careerbot.intent.IntentMatcher;
import dev.careerbot.intent.LabelledExample;
import dev.careerbot.intent.Training;
import dev.careerbot.knowledge.Intent;
import dev.careerbot.knowledge.KnowledgeBase;
import dev.careerbot.knowledge.KnowledgeLoader;
import dev.careerbot.knowledge.Subject;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The real core (knowledge base, trained matcher, conversation) built the way
 * {@code dev.careerbot.Assembly} builds it for {@code run}, for end-to-end tests and the benchmark.
 * Trained once per test JVM; the conversation is thread-safe.
 */
final class RealCore {

    private static Conversation conversation;

    private RealCore() {}

    static synchronized Conversation conversation() {
        if (conversation == null) {
            KnowledgeBase knowledge = new KnowledgeLoader().load(Path.of("config/knowledge.yml")).base();
            conversation = new Conversation(knowledge, matcher(knowledge, MatcherSettings.defaults()),
                    SessionSettings.defaults(), Clock.systemUTC());
        }
        return conversation;
    }

    private static IntentMatcher matcher(KnowledgeBase knowledge, MatcherSettings settings) {
        List<LabelledExample> examples = new ArrayList<>();
        for (Intent intent : knowledge.intents()) {
            if (!intent.id().equals(KnowledgeBase.OUT_OF_SCOPE)) {
                intent.examples().forEach(example -> examples.add(LabelledExample.of(example, intent.id())));
            }
        }
        knowledge.outOfScopeExamples().forEach(example ->
                examples.add(LabelledExample.of(example, KnowledgeBase.OUT_OF_SCOPE)));
        List<String> vocabulary = new ArrayList<>();
        for (Subject subject : knowledge.subjects()) {
            vocabulary.add(subject.name());
            vocabulary.addAll(subject.aliases());
        }
        knowledge.intents().forEach(intent -> vocabulary.add(intent.title()));
        IntentMatcher.Options options = new IntentMatcher.Options(settings.maxInputChars(), knowledge.synonyms(),
                vocabulary, settings.answerThreshold(), settings.clarifyThreshold(), true, false,
                Training.defaults());
        return IntentMatcher.train(examples, options, Optional.empty());
    }
}
