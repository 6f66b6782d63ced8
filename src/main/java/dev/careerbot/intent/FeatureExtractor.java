package dev.careerbot.intent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns normalised tokens into a sparse vector of word unigrams and bigrams (on stems) and
 * character 3- to 5-grams (on whole words), each group scaled to unit length and then weighted.
 * The feature dictionary is fixed at training time; unseen features are dropped.
 */
final class FeatureExtractor {

    private static final float WORD_WEIGHT = 1.0f;
    private static final float CHAR_WEIGHT = 0.8f;

    private final Map<String, Integer> dictionary;

    private FeatureExtractor(Map<String, Integer> dictionary) {
        this.dictionary = dictionary;
    }

    /** Builds the dictionary from the training texts (already tokenised). */
    static FeatureExtractor fit(List<List<String>> trainingTokens) {
        Map<String, Integer> dictionary = new HashMap<>();
        for (List<String> tokens : trainingTokens) {
            forEachFeature(tokens, (name, group) -> dictionary.putIfAbsent(name, dictionary.size()));
        }
        return new FeatureExtractor(dictionary);
    }

    /** The dictionary as written by {@link #names()}. */
    static FeatureExtractor of(List<String> names) {
        Map<String, Integer> dictionary = new HashMap<>(names.size() * 2);
        for (String name : names) {
            dictionary.putIfAbsent(name, dictionary.size());
        }
        return new FeatureExtractor(dictionary);
    }

    /** The feature names, in index order. */
    List<String> names() {
        String[] names = new String[dictionary.size()];
        dictionary.forEach((name, index) -> names[index] = name);
        return List.of(names);
    }

    int size() {
        return dictionary.size();
    }

    SparseVector vector(List<String> tokens) {
        Map<Integer, float[]> counts = new TreeMap<>();
        forEachFeature(tokens, (name, group) -> {
            Integer index = dictionary.get(name);
            if (index != null) {
                counts.computeIfAbsent(index, key -> new float[] {group, 0})[1] += 1;
            }
        });
        if (counts.isEmpty()) {
            return SparseVector.EMPTY;
        }
        double wordNorm = 0;
        double charNorm = 0;
        for (float[] entry : counts.values()) {
            double squared = entry[1] * entry[1];
            if (entry[0] == 0) {
                wordNorm += squared;
            } else {
                charNorm += squared;
            }
        }
        wordNorm = Math.sqrt(wordNorm);
        charNorm = Math.sqrt(charNorm);
        int[] indices = new int[counts.size()];
        float[] values = new float[counts.size()];
        int at = 0;
        for (Map.Entry<Integer, float[]> entry : counts.entrySet()) {
            float[] groupAndCount = entry.getValue();
            indices[at] = entry.getKey();
            values[at] = groupAndCount[0] == 0
                    ? (float) (WORD_WEIGHT * groupAndCount[1] / wordNorm)
                    : (float) (CHAR_WEIGHT * groupAndCount[1] / charNorm);
            at++;
        }
        return new SparseVector(indices, values);
    }

    private interface FeatureSink {
        void accept(String name, int group);
    }

    private static void forEachFeature(List<String> tokens, FeatureSink sink) {
        List<String> stems = new ArrayList<>(tokens.size());
        for (String token : tokens) {
            stems.add(TextNormalizer.stem(token));
        }
        String previous = "<s>";
        for (String stem : stems) {
            sink.accept("w:" + stem, 0);
            sink.accept("b:" + previous + ' ' + stem, 0);
            previous = stem;
        }
        if (!stems.isEmpty()) {
            sink.accept("b:" + previous + " </s>", 0);
        }
        for (String token : tokens) {
            String padded = '<' + token + '>';
            for (int n = 3; n <= 5; n++) {
                for (int start = 0; start + n <= padded.length(); start++) {
                    sink.accept("c:" + padded.substring(start, start + n), 1);
                }
            }
        }
    }
}
