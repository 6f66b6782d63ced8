package dev.careerbot.intent;

import java.util.List;

/**
 * Dense features of a whole sentence (an embedding from a sentence encoder) that the matcher
 * adds to its word and character n-grams. The matcher does not care where they come from; the
 * {@code embedding} package supplies the real one.
 */
public interface SentenceFeatures {

    /**
     * What produces the vectors (model and input limit), as part of a trained matcher's key: a
     * matcher trained on another model's vectors is never reused with this one.
     */
    String modelId();

    /** Length of every vector. */
    int dimension();

    /** The vector of one message (called once per message while matching). */
    float[] vectorOf(String text);

    /** The vectors of many texts, in order (called once per training, so it may use a cache). */
    float[][] vectorsOf(List<String> texts);
}
