package dev.careerbot.embedding;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.careerbot.config.MatcherMode;
import dev.careerbot.config.MatcherSettings;
import dev.careerbot.evaluation.CrossValidation;
import dev.careerbot.evaluation.EvalReport;
import dev.careerbot.intent.FeatureSet;
import dev.careerbot.intent.IntentMatcher;
import dev.careerbot.knowledge.KnowledgeBase;
import dev.careerbot.knowledge.KnowledgeLoader;
import java.nio.file.Path;
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
        MatcherSettings settings = MatcherSettings.defaults().withMode(mode);
        EvalReport report = new CrossValidation(CrossValidation.DEFAULT_FOLDS,
                fold -> IntentMatcher.forKnowledge(fold, settings, featureSet), System::nanoTime).report(knowledge);
        System.out.printf(Locale.ROOT, "BENCHMARK knowledge-cv mode=%s folds=%d questions=%d inScopeAccuracy=%.2f%%"
                        + " outOfScopeRecall=%.2f%% time=%.1fs%n", mode.configName(), CrossValidation.DEFAULT_FOLDS,
                report.total(), 100 * report.inScopeAccuracy(), 100 * report.outOfScopeRecall(),
                (System.nanoTime() - started) / 1e9);
        System.out.println(report.toText());
        assertTrue(report.total() > 0);
    }
}
