package dev.careerbot.intent;

/**
 * How the matcher's classifier is trained.
 *
 * @param epochs passes over the examples
 * @param learningRate AdaGrad's base rate
 * @param l2 weight decay on the weights an example touches
 * @param seed the shuffling seed, so training is repeatable
 */
public record Training(int epochs, double learningRate, double l2, long seed) {

    public static Training defaults() {
        return new Training(20, 0.2, 1e-4, 42);
    }
}
