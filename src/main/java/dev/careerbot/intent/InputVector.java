package dev.careerbot.intent;

/**
 * What the classifier reads of one message: its n-gram features and its sentence vector.
 *
 * @param ngrams the n-gram features ({@link SparseVector#EMPTY} when the feature set has none)
 * @param sentence the weighted sentence embedding, or an empty array when the feature set has
 *     none or the message has nothing to embed
 */
record InputVector(SparseVector ngrams, float[] sentence) {

    static final float[] NO_SENTENCE = new float[0];

    static InputVector ngramsOnly(SparseVector ngrams) {
        return new InputVector(ngrams, NO_SENTENCE);
    }

    /** Whether nothing of the message is known to the classifier. */
    boolean isEmpty() {
        return ngrams.isEmpty() && sentence.length == 0;
    }
}
