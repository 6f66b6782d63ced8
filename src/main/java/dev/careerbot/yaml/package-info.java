/**
 * A small YAML reader that keeps the line of every key and value, so that the config and the
 * knowledge base can say {@code file:line: what is wrong}. Parses with Jackson's YAML streaming
 * parser into an immutable tree of {@link dev.careerbot.yaml.YamlMapping},
 * {@link dev.careerbot.yaml.YamlSequence} and {@link dev.careerbot.yaml.YamlScalar}.
 */
package dev.careerbot.yaml;
