package dev.careerbot.embedding;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.careerbot.config.MatcherMode;
import dev.careerbot.config.MatcherSettings;
import dev.careerbot.embedding.EmbeddingCache;
import dev.careerbot.embedding.EmbeddingFeatures;
import dev.careerbot.embedding.SentenceEncoder;
import dev.careerbot.intent.FeatureSet;
import dev.careerbot.intent.IntentMatcher;
import dev.careerbot.intent.Match;
import dev.careerbot.knowledge.Intent;
import dev.careerbot.knowledge.KnowledgeBase;
import dev.careerbot.knowledge.KnowledgeLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Five-fold cross-validation over the knowledge base's own examples and out-of-scope examples,
 * for each matcher mode, with the matcher built exactly as the bot builds it (thresholds
 * calibrated on the training folds). Run with
 * {@code mvn -o -Pbenchmark test -Dtest=KnowledgeCrossValidationBenchmark}.
 */
@Tag("benchmark")
class KnowledgeCrossValidationBenchmark {

    private static final int FOLDS = 5;

    @Test
    void crossValidationPerMode() {
        KnowledgeBase knowledge = new KnowledgeLoader().load(Path.of("config", "knowledge.yml")).base();
        Path cache = Path.of("target", "embedding-cache");
        try (SentenceEncoder encoder = SentenceEncoder.open(cache, MatcherSettings.DEFAULT_MAX_INPUT_CHARS)) {
            EmbeddingFeatures features = new EmbeddingFeatures(encoder, new EmbeddingCache(cache.resolve("vectors")),
                    "knowledge-cross-validation");
            for (MatcherMode mode : MatcherMode.values()) {
                FeatureSet featureSet = switch (mode) {
                    case LEXICAL -> FeatureSet.lexical();
                    case SEMANTIC -> FeatureSet.semantic(features);
                    case HYBRID -> FeatureSet.hybrid(features);
                };
                run(knowledge, mode, featureSet);
            }
        }
    }

    private static void run(KnowledgeBase knowledge, MatcherMode mode, FeatureSet featureSet) {
        long started = System.nanoTime();
        int inScope = 0;
        int inScopeRight = 0;
        int answeredRight = 0;
        int outOfScope = 0;
        int outOfScopeFound = 0;
        MatcherSettings settings = MatcherSettings.defaults().withMode(mode);
        for (int fold = 0; fold < FOLDS; fold++) {
            List<Intent> trainingIntents = new ArrayList<>();
            List<String[]> heldOut = new ArrayList<>();
            for (Intent intent : knowledge.intents()) {
                if (intent.id().equals(KnowledgeBase.OUT_OF_SCOPE)) {
                    // Its examples are the negatives, held out in turn below (once, not twice).
                    trainingIntents.add(intent);
                    continue;
                }
                List<String> kept = new ArrayList<>();
                for (int i = 0; i < intent.examples().size(); i++) {
                    if (i % FOLDS == fold) {
                        heldOut.add(new String[] {intent.examples().get(i), intent.id()});
                    } else {
                        kept.add(intent.examples().get(i));
                    }
                }
                trainingIntents.add(intent.withExamples(kept));
            }
            List<String> negatives = new ArrayList<>();
            for (int i = 0; i < knowledge.outOfScopeExamples().size(); i++) {
                String negative = knowledge.outOfScopeExamples().get(i);
                if (i % FOLDS == fold) {
                    heldOut.add(new String[] {negative, Match.OUT_OF_SCOPE});
                } else {
                    negatives.add(negative);
                }
            }
            KnowledgeBase training = new KnowledgeBase(knowledge.source(), trainingIntents, knowledge.subjects(),
                    knowledge.synonyms(), negatives, knowledge.contentHash() + "-fold" + fold);
            IntentMatcher matcher = IntentMatcher.forKnowledge(training, settings, featureSet);
            for (String[] question : heldOut) {
                Match match = matcher.match(question[0]);
                if (question[1].equals(Match.OUT_OF_SCOPE)) {
                    outOfScope++;
                    outOfScopeFound += match.intent().equals(Match.OUT_OF_SCOPE) ? 1 : 0;
                } else {
                    inScope++;
                    inScopeRight += match.intent().equals(question[1]) ? 1 : 0;
                    answeredRight += match.intent().equals(question[1])
                            && match.decision() == dev.careerbot.intent.Decision.ANSWER ? 1 : 0;
                }
            }
        }
        System.out.printf(Locale.ROOT, "BENCHMARK knowledge-cv mode=%s folds=%d inScope=%d inScopeAccuracy=%.2f%% "
                        + "(answered outright %.2f%%) outOfScope=%d outOfScopeRecall=%.2f%% time=%.1fs%n",
                mode.configName(), FOLDS, inScope, 100.0 * inScopeRight / inScope, 100.0 * answeredRight / inScope,
                outOfScope, 100.0 * outOfScopeFound / Math.max(1, outOfScope), (System.nanoTime() - started) / 1e9);
        assertTrue(inScope > 0);
    }
}
