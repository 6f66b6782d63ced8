package dev.careerbot.intent;

import java.util.ArrayList;
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
     * The features of one message: its n-grams (if the set uses them) and its weighted sentence
     * vector (if the set uses one and the message has anything to embed).
     *
     * @param text the message, by which a training example's vector is found
     * @param written the message's normalised words (not spell-corrected), which are embedded
     */
    InputVector combine(SparseVector ngrams, String text, List<String> written) {
        SparseVector lexical = featureSet.ngrams() ? ngrams : SparseVector.EMPTY;
        if (featureSet.sentences().isEmpty()) {
            return InputVector.ngramsOnly(lexical);
        }
        float[] sentence = examples.get(text);
        if (sentence == null) {
            sentence = featureSet.sentences().get().vectorOf(String.join(" ", written));
        }
        boolean any = false;
        float[] weighted = new float[sentence.length];
        for (int i = 0; i < sentence.length; i++) {
            weighted[i] = featureSet.sentenceWeight() * sentence[i];
            any |= sentence[i] != 0;
        }
        return new InputVector(lexical, any ? weighted : InputVector.NO_SENTENCE);
    }

    /** The same features without the example vectors: for a matcher that is done training. */
    SentenceVectors withoutExamples() {
        return new SentenceVectors(featureSet, normalizer, Map.of());
    }

    FeatureSet featureSet() {
        return featureSet;
    }

    private static String sentence(TextNormalizer normalizer, String text) {
        return String.join(" ", normalizer.tokens(text));
    }
}
