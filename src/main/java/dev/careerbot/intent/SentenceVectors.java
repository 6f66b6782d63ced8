package dev.careerbot.intent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Puts a message's sentence embedding next to its n-gram features, as the feature set asks. The
 * examples are embedded once, up front; other messages when they are matched. What is embedded
 * is the readable prefix of the message with chat noise removed, shorthand and the knowledge
 * base's synonyms expanded ("ml" reads "machine learning"), lower case, without punctuation.
 */
final class SentenceVectors {

    private final FeatureSet featureSet;
    private final TextNormalizer normalizer;
    private final Map<String, float[]> examples;

    private SentenceVectors(FeatureSet featureSet, TextNormalizer normalizer, Map<String, float[]> examples) {
        this.featureSet = featureSet;
        this.normalizer = normalizer;
        this.examples = examples;
    }

    static SentenceVectors of(FeatureSet featureSet, List<LabelledExample> labelled, IntentMatcher.Options options) {
        TextNormalizer normalizer = new TextNormalizer(options.maxInputChars(), options.synonyms());
        if (featureSet.sentences().isEmpty()) {
            return new SentenceVectors(featureSet, normalizer, Map.of());
        }
        List<String> texts = new ArrayList<>(new LinkedHashSet<>(labelled.stream().map(LabelledExample::text).toList()));
        List<String> sentences = texts.stream().map(text -> sentence(normalizer, text)).toList();
        float[][] vectors = featureSet.sentences().get().vectorsOf(sentences);
        Map<String, float[]> byText = new HashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            byText.put(texts.get(i), vectors[i]);
        }
        return new SentenceVectors(featureSet, normalizer, byText);
    }

    /** Whether the features include the n-grams (false in the {@code semantic} mode). */
    boolean readsNgrams() {
        return featureSet.ngrams();
    }

    /** Extra feature columns this adds after the n-grams. */
    int dimension() {
        return featureSet.sentences().map(SentenceFeatures::dimension).orElse(0);
    }

    /**
     * The features of one message: its n-grams (if the set uses them) followed, from column
     * {@code ngramColumns} on, by its weighted sentence vector (if the set uses one and the
     * message has anything to embed).
     */
    SparseVector combine(int ngramColumns, SparseVector ngrams, String text) {
        SparseVector lexical = featureSet.ngrams() ? ngrams : SparseVector.EMPTY;
        if (featureSet.sentences().isEmpty()) {
            return lexical;
        }
        float[] sentence = examples.get(text);
        if (sentence == null) {
            sentence = featureSet.sentences().get().vectorOf(sentence(normalizer, text));
        }
        int nonZero = 0;
        for (float value : sentence) {
            nonZero += value != 0 ? 1 : 0;
        }
        if (nonZero == 0) {
            return lexical;
        }
        int[] indices = Arrays.copyOf(lexical.indices(), lexical.indices().length + nonZero);
        float[] values = Arrays.copyOf(lexical.values(), indices.length);
        int at = lexical.indices().length;
        for (int i = 0; i < sentence.length; i++) {
            if (sentence[i] != 0) {
                indices[at] = ngramColumns + i;
                values[at] = featureSet.sentenceWeight() * sentence[i];
                at++;
            }
        }
        return new SparseVector(indices, values);
    }

    private static String sentence(TextNormalizer normalizer, String text) {
        return String.join(" ", normalizer.tokens(text));
    }
}
