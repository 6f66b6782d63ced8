package dev.careerbot;

import dev.careerbot.config.BotConfig;
import dev.careerbot.config.MatcherMode;
import dev.careerbot.config.MatcherSettings;
import dev.careerbot.conversation.Conversation;
import dev.careerbot.embedding.EmbeddingCache;
import dev.careerbot.embedding.EmbeddingException;
import dev.careerbot.embedding.EmbeddingFeatures;
import dev.careerbot.embedding.SentenceEncoder;
import dev.careerbot.intent.FeatureSet;
import dev.careerbot.intent.IntentMatcher;
import dev.careerbot.intent.LabelledExample;
import dev.careerbot.intent.Training;
import dev.careerbot.knowledge.Intent;
import dev.careerbot.knowledge.KnowledgeBase;
import dev.careerbot.knowledge.Subject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the bot's core from a knowledge base and the config: matcher, then conversation. */
final class Assembly {

    private static final Logger log = LoggerFactory.getLogger(Assembly.class);

    private Assembly() {}

    /**
     * The features {@code matcher.mode} asks for. The sentence encoder starts here (about half a
     * second); if it cannot (no native library for this platform, cache folder not writable),
     * the bot says why in the log and answers with the lexical matcher rather than not at all.
     *
     * @param cacheName the slot in the vector cache for this set of training examples
     */
    static FeatureSet features(MatcherSettings settings, String cacheName) {
        if (settings.mode() == MatcherMode.LEXICAL) {
            return FeatureSet.lexical();
        }
        try {
            SentenceEncoder encoder = SentenceEncoder.open(settings.cacheDirectory(), settings.maxInputChars());
            EmbeddingFeatures features = new EmbeddingFeatures(encoder,
                    new EmbeddingCache(settings.cacheDirectory().resolve("vectors")), cacheName);
            return settings.mode() == MatcherMode.SEMANTIC ? FeatureSet.semantic(features) : FeatureSet.hybrid(features);
        } catch (EmbeddingException unavailable) {
            log.warn("matcher.mode {} is unavailable, answering with the lexical matcher instead: {}",
                    settings.mode().configName(), unavailable.getMessage());
            return FeatureSet.lexical();
        }
    }

    static IntentMatcher matcher(KnowledgeBase knowledge, MatcherSettings settings) {
        return matcher(knowledge, settings, features(settings, "knowledge"));
    }

    /** The matcher of a knowledge base, reading the given features. */
    static IntentMatcher matcher(KnowledgeBase knowledge, MatcherSettings settings, FeatureSet features) {
        List<LabelledExample> examples = new ArrayList<>();
        for (Intent intent : knowledge.intents()) {
            if (intent.id().equals(KnowledgeBase.OUT_OF_SCOPE)) {
                continue;
            }
            intent.examples().forEach(example -> examples.add(LabelledExample.of(example, intent.id())));
        }
        knowledge.outOfScopeExamples().forEach(example ->
                examples.add(LabelledExample.of(example, KnowledgeBase.OUT_OF_SCOPE)));
        List<String> vocabulary = new ArrayList<>();
        for (Subject subject : knowledge.subjects()) {
            vocabulary.add(subject.name());
            vocabulary.addAll(subject.aliases());
        }
        knowledge.intents().forEach(intent -> vocabulary.add(intent.title()));
        IntentMatcher.Options options = new IntentMatcher.Options(settings.maxInputChars(),
                knowledge.synonyms(), vocabulary, settings.answerThreshold(), settings.clarifyThreshold(),
                true, false, Training.defaults());
        return IntentMatcher.train(examples, options, Optional.empty(), features);
    }

    static Conversation conversation(KnowledgeBase knowledge, BotConfig config, Clock clock) {
        return new Conversation(knowledge, matcher(knowledge, config.matcher()), config.sessions(), clock);
    }
}
