package dev.careerbot.unanswered;

/** The unanswered-question log cannot be used; the message says which file and what to fix. */
public final class UnansweredLogException extends RuntimeException {

    UnansweredLogException(String message, Throwable cause) {
        super(message, cause);
    }
}
