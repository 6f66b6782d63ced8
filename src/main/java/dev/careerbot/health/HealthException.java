package dev.careerbot.health;

/** The health and metrics endpoint cannot start; the message says what to change. */
public final class HealthException extends RuntimeException {

    HealthException(String message, Throwable cause) {
        super(message, cause);
    }
}
