package dev.careerbot.yaml;

import java.util.Objects;

/**
 * A single value. YAML decides its type: {@code 12} is a number, {@code "12"} is text,
 * {@code true} is a boolean, an empty value or {@code null} is nothing.
 *
 * @param line the line the value starts on
 * @param text the value as written (without quotes); empty for {@link Type#NULL}
 * @param type what YAML makes of it
 */
public record YamlScalar(int line, String text, Type type) implements YamlNode {

    /** What YAML makes of a scalar. */
    public enum Type {
        TEXT,
        NUMBER,
        BOOLEAN,
        NULL
    }

    public YamlScalar {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(type, "type");
    }

    public boolean isNull() {
        return type == Type.NULL;
    }

    @Override
    public String describe() {
        return switch (type) {
            case TEXT -> "text";
            case NUMBER -> "a number";
            case BOOLEAN -> "true/false";
            case NULL -> "nothing";
        };
    }
}
