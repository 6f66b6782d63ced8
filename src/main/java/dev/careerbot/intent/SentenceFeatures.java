package dev.careerbot.intent;

import java.util.List;

/**
 * Dense features of a whole sentence (an embedding from a sentence encoder) that the matcher
 * adds to its word and character n-grams. The matcher does not care where they come from; the
 * {@code embedding} package supplies the real one.
 */
public interface SentenceFeatures {

    /** Length of every vector. */
    int dimension();

    /** The vector of one message (called once per message while matching). */
    float[] vectorOf(String text);

    /** The vectors of many texts, in order (called once per training, so it may use a cache). */
    float[][] vectorsOf(List<String> texts);
}
