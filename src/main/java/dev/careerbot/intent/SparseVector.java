package dev.careerbot.intent;

/**
 * Feature indices and values of one message, indices ascending and distinct.
 *
 * @param indices feature ids
 * @param values feature weights, same length
 */
record SparseVector(int[] indices, float[] values) {

    static final SparseVector EMPTY = new SparseVector(new int[0], new float[0]);

    boolean isEmpty() {
        return indices.length == 0;
    }
}
