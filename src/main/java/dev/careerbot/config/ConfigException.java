package dev.careerbot.config;

import java.util.List;

/** The configuration cannot be used; the problems say file, line and what to fix. */
public final class ConfigException extends RuntimeException {

    private final List<String> problems;

    public ConfigException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem as {@code file:line: what is wrong and how to fix it}. */
    public List<String> problems() {
        return problems;
    }
}
