package dev.careerbot.evaluation;

/** A data file for {@code match} or {@code eval} cannot be used; the message says which and why. */
public final class EvaluationException extends RuntimeException {

    public EvaluationException(String message) {
        super(message);
    }
}
