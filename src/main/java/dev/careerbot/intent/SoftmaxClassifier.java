package dev.careerbot.intent;

import java.util.List;
import java.util.Random;

/**
 * Multinomial logistic regression over sparse features, trained with AdaGrad and L2
 * regularisation. Training is deterministic: examples are shuffled with a fixed seed.
 */
final class SoftmaxClassifier {

    private final int classes;
    private final float[] weights;
    private final float[] bias;

    private SoftmaxClassifier(int classes, float[] weights, float[] bias) {
        this.classes = classes;
        this.weights = weights;
        this.bias = bias;
    }

    /**
     * Trains on the inputs; {@code exampleWeights} scale each example's gradient, so that a class
     * with many examples (the out-of-scope negatives) does not drown the others.
     */
    static SoftmaxClassifier train(List<SparseVector> inputs, int[] labels, float[] exampleWeights,
            int features, int classes, Training training) {
        float[] weights = new float[features * classes];
        float[] bias = new float[classes];
        float[] weightHistory = new float[features * classes];
        float[] biasHistory = new float[classes];
        int[] order = new int[inputs.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Random random = new Random(training.seed());
        double[] probabilities = new double[classes];
        float rate = (float) training.learningRate();
        float decay = (float) training.l2();
        for (int epoch = 0; epoch < training.epochs(); epoch++) {
            shuffle(order, random);
            for (int example : order) {
                SparseVector input = inputs.get(example);
                scores(input, weights, bias, classes, probabilities);
                softmaxInPlace(probabilities);
                int label = labels[example];
                for (int c = 0; c < classes; c++) {
                    float gradient = exampleWeights[example]
                            * (float) (probabilities[c] - (c == label ? 1.0 : 0.0));
                    if (Math.abs(gradient) < 1e-4f) {
                        continue;
                    }
                    biasHistory[c] += gradient * gradient;
                    bias[c] -= rate * gradient / (float) Math.sqrt(biasHistory[c] + 1e-8f);
                    int[] indices = input.indices();
                    float[] values = input.values();
                    for (int k = 0; k < indices.length; k++) {
                        int at = indices[k] * classes + c;
                        float g = gradient * values[k] + decay * weights[at];
                        weightHistory[at] += g * g;
                        weights[at] -= rate * g / (float) Math.sqrt(weightHistory[at] + 1e-8f);
                    }
                }
            }
        }
        return new SoftmaxClassifier(classes, weights, bias);
    }

    int classes() {
        return classes;
    }

    /** Class probabilities for one input; an input with no known feature gets the priors. */
    double[] probabilities(SparseVector input) {
        double[] result = new double[classes];
        scores(input, weights, bias, classes, result);
        softmaxInPlace(result);
        return result;
    }

    private static void scores(SparseVector input, float[] weights, float[] bias, int classes,
            double[] out) {
        for (int c = 0; c < classes; c++) {
            out[c] = bias[c];
        }
        int[] indices = input.indices();
        float[] values = input.values();
        for (int k = 0; k < indices.length; k++) {
            int row = indices[k] * classes;
            double value = values[k];
            for (int c = 0; c < classes; c++) {
                out[c] += value * weights[row + c];
            }
        }
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
}
