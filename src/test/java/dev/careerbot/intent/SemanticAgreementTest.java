package dev.careerbot.intent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.careerbot.BundledBot;
import dev.careerbot.config.MatcherSettings;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * The {@code semantic} matcher scores an intent by how much the embedding's classifier and the
 * n-gram classifier agree on it.
 */
class SemanticAgreementTest {

    /** An embedding that gives every text the same vector, so it cannot tell any two questions apart. */
    private static final class BlindEmbedding implements SentenceFeatures {

        @Override
        public String modelId() {
            return "blind";
        }

        @Override
        public int dimension() {
            return 4;
        }

        @Override
        public float[] vectorOf(String text) {
            return new float[] {0.5f, 0.5f, 0.5f, 0.5f};
        }

        @Override
        public float[][] vectorsOf(List<String> texts) {
            float[][] vectors = new float[texts.size()][];
            for (int i = 0; i < vectors.length; i++) {
                vectors[i] = vectorOf(texts.get(i));
            }
            return vectors;
        }
    }

    @Test
    void semanticMatcherStillFindsTheIntentTheWordsNameWhenTheEmbeddingSeesNoDifference() {
        MatcherSettings fixedThresholds = new MatcherSettings(OptionalDouble.of(0.05), OptionalDouble.of(0.05), 1000);
        IntentMatcher matcher = IntentMatcher.forKnowledge(BundledBot.knowledge(), fixedThresholds,
                FeatureSet.semantic(new BlindEmbedding()));
        assertEquals("role.cv_engineer.skills", matcher.match("computer vision engineer skills").topCandidate());
        assertEquals("role.nlp_engineer", matcher.match("what does an NLP engineer do").topCandidate());
    }
}
