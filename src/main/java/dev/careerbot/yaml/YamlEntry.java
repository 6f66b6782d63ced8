package dev.careerbot.yaml;

import java.util.Objects;

/**
 * One {@code key: value} of a mapping.
 *
 * @param key the key as written
 * @param line the line of the key
 * @param value the value
 */
public record YamlEntry(String key, int line, YamlNode value) {

    public YamlEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }
}
