package dev.careerbot.yaml;

import java.util.List;

/** A YAML file cannot be read; each problem says {@code file:line: what is wrong and how to fix it}. */
public final class YamlException extends RuntimeException {

    private final List<String> problems;

    public YamlException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public YamlException(String problem) {
        this(List.of(problem));
    }

    /** Each problem as {@code file:line: what is wrong and how to fix it}. */
    public List<String> problems() {
        return problems;
    }
}
