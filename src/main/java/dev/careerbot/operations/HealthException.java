package dev.careerbot.operations;

/** The health and metrics endpoint cannot start; the message says what to change. */
final class HealthException extends RuntimeException {

    HealthException(String message, Throwable cause) {
        super(message, cause);
    }
}
