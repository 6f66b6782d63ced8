package dev.careerbot.config;

import java.util.Objects;

/**
 * A token or password from the config. Its {@link #toString()} never shows the value, so a
 * secret that ends up in a log line or an exception message by accident stays secret.
 *
 * @param value the secret itself; read it only where it is handed to a platform library
 */
public record Secret(String value) {

    public Secret {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return "Secret[****]";
    }
}
