package dev.careerbot.intent;

import java.util.Objects;
import java.util.Optional;

/**
 * Which features the matcher's softmax reads: word and character n-grams ({@code lexical}),
 * a sentence embedding ({@code semantic}, whose probabilities are then combined with those of a
 * second, n-gram softmax), or both side by side in one softmax ({@code hybrid}).
 *
 * @param ngrams whether the n-gram features are used
 * @param sentences the sentence embedding, when used
 * @param sentenceWeight how strongly the embedding block counts next to the n-grams (the n-gram
 *     word and character groups are each scaled to about unit length, the embedding is unit
 *     length, times this weight)
 */
public record FeatureSet(boolean ngrams, Optional<SentenceFeatures> sentences, float sentenceWeight) {

    /** The weight chosen on CLINC150's validation split and the knowledge base's cross-validation. */
    public static final float DEFAULT_SENTENCE_WEIGHT = 2.0f;

    public FeatureSet {
        Objects.requireNonNull(sentences, "sentences");
        if (!ngrams && sentences.isEmpty()) {
            throw new IllegalArgumentException("a matcher needs n-grams, a sentence embedding or both");
        }
        if (!(sentenceWeight > 0)) {
            throw new IllegalArgumentException("sentenceWeight must be positive, not " + sentenceWeight);
        }
    }

    public static FeatureSet lexical() {
        return new FeatureSet(true, Optional.empty(), DEFAULT_SENTENCE_WEIGHT);
    }

    public static FeatureSet semantic(SentenceFeatures sentences) {
        return new FeatureSet(false, Optional.of(sentences), DEFAULT_SENTENCE_WEIGHT);
    }

    public static FeatureSet hybrid(SentenceFeatures sentences) {
        return new FeatureSet(true, Optional.of(sentences), DEFAULT_SENTENCE_WEIGHT);
    }

    public FeatureSet withSentenceWeight(float weight) {
        return new FeatureSet(ngrams, sentences, weight);
    }

    /** {@code lexical}, {@code semantic} or {@code hybrid}. */
    public String name() {
        return sentences.isEmpty() ? "lexical" : ngrams ? "hybrid" : "semantic";
    }
}
