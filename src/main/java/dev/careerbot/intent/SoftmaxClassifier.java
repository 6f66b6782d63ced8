package dev.careerbot.intent;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;

/**
 * Multinomial logistic regression over sparse n-gram features and an optional dense sentence
 * vector, trained with AdaGrad and L2 regularisation. Training is deterministic: examples are
 * shuffled with a fixed seed.
 *
 * <p>Why our own code rather than a library: the model is a few hundred lines of arithmetic with
 * per-example weights and an exactly repeatable result, which the matcher's persisted form
 * depends on; the Java ML libraries that offer it bring far larger dependencies.
 *
 * <p>Layout, chosen for speed (training is most of a retrain's time): the n-gram weights are
 * stored feature-major ({@code [feature][class]}), so one example's few features touch a few
 * short rows; the sentence weights class-major ({@code [class][dimension]}), so the update of one
 * class is one straight loop over the dense vector that the JIT turns into SIMD instructions.
 */
final class SoftmaxClassifier {

    private static final float SKIP_GRADIENT = 1e-4f;
    private static final float EPSILON = 1e-8f;

    private final int classes;
    private final int sparseWidth;
    private final int denseWidth;
    private final float[] sparseWeights;
    private final float[] denseWeights;
    private final float[] bias;

    private SoftmaxClassifier(int classes, int sparseWidth, int denseWidth, float[] sparseWeights,
            float[] denseWeights, float[] bias) {
        this.classes = classes;
        this.sparseWidth = sparseWidth;
        this.denseWidth = denseWidth;
        this.sparseWeights = sparseWeights;
        this.denseWeights = denseWeights;
        this.bias = bias;
    }

    /**
     * Trains on the inputs; {@code exampleWeights} scale each example's gradient, so that a class
     * with many examples (the out-of-scope negatives) does not drown the others.
     *
     * @param sparseWidth columns of the n-gram block (its indices are below this)
     * @param denseWidth length of the sentence vectors (0 when there are none)
     */
    static SoftmaxClassifier train(List<InputVector> inputs, int[] labels, float[] exampleWeights,
            int sparseWidth, int denseWidth, int classes, Training training) {
        float[] sparseWeights = new float[sparseWidth * classes];
        float[] sparseHistory = new float[sparseWidth * classes];
        float[] denseWeights = new float[denseWidth * classes];
        float[] denseHistory = new float[denseWidth * classes];
        float[] bias = new float[classes];
        float[] biasHistory = new float[classes];
        SoftmaxClassifier model = new SoftmaxClassifier(classes, sparseWidth, denseWidth, sparseWeights, denseWeights,
                bias);
        int[] order = new int[inputs.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Random random = new Random(training.seed());
        double[] probabilities = new double[classes];
        float[] gradients = new float[classes];
        boolean[] active = new boolean[classes];
        float rate = (float) training.learningRate();
        float decay = (float) training.l2();
        for (int epoch = 0; epoch < training.epochs(); epoch++) {
            if (Thread.currentThread().isInterrupted()) {
                // The training pool was shut down: the result is no longer wanted.
                throw new CancellationException("training was stopped");
            }
            shuffle(order, random);
            for (int example : order) {
                InputVector input = inputs.get(example);
                model.scores(input, probabilities);
                softmaxInPlace(probabilities);
                int label = labels[example];
                boolean any = false;
                for (int c = 0; c < classes; c++) {
                    float gradient = exampleWeights[example] * (float) (probabilities[c] - (c == label ? 1.0 : 0.0));
                    gradients[c] = gradient;
                    active[c] = Math.abs(gradient) >= SKIP_GRADIENT;
                    any |= active[c];
                    if (active[c]) {
                        biasHistory[c] += gradient * gradient;
                        bias[c] -= rate * gradient / (float) Math.sqrt(biasHistory[c] + EPSILON);
                    }
                }
                if (any) {
                    updateSparse(input.ngrams(), gradients, active, sparseWeights, sparseHistory, classes, rate, decay);
                    updateDense(input.sentence(), gradients, active, denseWeights, denseHistory, denseWidth, rate,
                            decay);
                }
            }
        }
        return model;
    }

    private static void updateSparse(SparseVector input, float[] gradients, boolean[] active, float[] weights,
            float[] history, int classes, float rate, float decay) {
        int[] indices = input.indices();
        float[] values = input.values();
        for (int k = 0; k < indices.length; k++) {
            int row = indices[k] * classes;
            float value = values[k];
            for (int c = 0; c < classes; c++) {
                if (active[c]) {
                    int at = row + c;
                    float g = gradients[c] * value + decay * weights[at];
                    history[at] += g * g;
                    weights[at] -= rate * g / (float) Math.sqrt(history[at] + EPSILON);
                }
            }
        }
    }

    private static void updateDense(float[] input, float[] gradients, boolean[] active, float[] weights,
            float[] history, int width, float rate, float decay) {
        if (input.length == 0) {
            return;
        }
        for (int c = 0; c < gradients.length; c++) {
            if (!active[c]) {
                continue;
            }
            float gradient = gradients[c];
            int row = c * width;
            for (int d = 0; d < width; d++) {
                int at = row + d;
                float g = gradient * input[d] + decay * weights[at];
                history[at] += g * g;
                weights[at] -= rate * g / (float) Math.sqrt(history[at] + EPSILON);
            }
        }
    }

    int classes() {
        return classes;
    }

    int sparseWidth() {
        return sparseWidth;
    }

    int denseWidth() {
        return denseWidth;
    }

    /** Class probabilities for one input; an input with no known feature gets the priors. */
    double[] probabilities(InputVector input) {
        double[] result = new double[classes];
        scores(input, result);
        softmaxInPlace(result);
        return result;
    }

    private void scores(InputVector input, double[] out) {
        for (int c = 0; c < classes; c++) {
            out[c] = bias[c];
        }
        int[] indices = input.ngrams().indices();
        float[] values = input.ngrams().values();
        for (int k = 0; k < indices.length; k++) {
            int row = indices[k] * classes;
            double value = values[k];
            for (int c = 0; c < classes; c++) {
                out[c] += value * sparseWeights[row + c];
            }
        }
        float[] sentence = input.sentence();
        if (sentence.length == 0) {
            return;
        }
        for (int c = 0; c < classes; c++) {
            out[c] += dot(denseWeights, c * denseWidth, sentence);
        }
    }

    /** A dot product with four running sums, which the processor can add side by side. */
    private static double dot(float[] weights, int offset, float[] vector) {
        float a = 0;
        float b = 0;
        float c = 0;
        float d = 0;
        int i = 0;
        for (; i + 3 < vector.length; i += 4) {
            a += weights[offset + i] * vector[i];
            b += weights[offset + i + 1] * vector[i + 1];
            c += weights[offset + i + 2] * vector[i + 2];
            d += weights[offset + i + 3] * vector[i + 3];
        }
        for (; i < vector.length; i++) {
            a += weights[offset + i] * vector[i];
        }
        return (double) a + b + c + d;
    }

    private static void softmaxInPlace(double[] scores) {
        double max = Double.NEGATIVE_INFINITY;
        for (double score : scores) {
            max = Math.max(max, score);
        }
        double sum = 0;
        for (int c = 0; c < scores.length; c++) {
            scores[c] = Math.exp(scores[c] - max);
            sum += scores[c];
        }
        for (int c = 0; c < scores.length; c++) {
            scores[c] /= sum;
        }
    }

    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }

    /** Writes the weights (see {@link #read}). */
    void write(DataOutput out) throws IOException {
        out.writeInt(classes);
        out.writeInt(sparseWidth);
        out.writeInt(denseWidth);
        writeFloats(out, bias);
        writeFloats(out, sparseWeights);
        writeFloats(out, denseWeights);
    }

    /**
     * Reads what {@link #write} wrote.
     *
     * @throws IOException when the sizes are impossible (a damaged file)
     */
    static SoftmaxClassifier read(DataInput in, long bytesLeft) throws IOException {
        int classes = in.readInt();
        int sparseWidth = in.readInt();
        int denseWidth = in.readInt();
        long floats = (long) classes * (1L + sparseWidth + denseWidth);
        if (classes < 1 || sparseWidth < 0 || denseWidth < 0 || floats * Float.BYTES > bytesLeft) {
            throw new IOException("impossible classifier size " + classes + " x (" + sparseWidth + " + " + denseWidth
                    + ")");
        }
        float[] bias = readFloats(in, classes);
        float[] sparse = readFloats(in, sparseWidth * classes);
        float[] dense = readFloats(in, denseWidth * classes);
        return new SoftmaxClassifier(classes, sparseWidth, denseWidth, sparse, dense, bias);
    }

    private static void writeFloats(DataOutput out, float[] values) throws IOException {
        byte[] bytes = new byte[values.length * Float.BYTES];
        java.nio.ByteBuffer.wrap(bytes).asFloatBuffer().put(values);
        out.write(bytes);
    }

    private static float[] readFloats(DataInput in, int count) throws IOException {
        byte[] bytes = new byte[count * Float.BYTES];
        in.readFully(bytes);
        float[] values = new float[count];
        java.nio.ByteBuffer.wrap(bytes).asFloatBuffer().get(values);
        return values;
    }
}
