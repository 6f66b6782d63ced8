package dev.careerbot.yaml;

/** One node of a YAML document, with the line it starts on (1-based). */
public sealed interface YamlNode permits YamlMapping, YamlSequence, YamlScalar {

    /** The line the node starts on, counting from 1. */
    int line();

    /** What the node is, for messages: "a mapping", "a list", "a number" ... */
    String describe();
}
