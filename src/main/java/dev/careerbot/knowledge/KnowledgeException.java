package dev.careerbot.knowledge;

import java.util.List;

/** The knowledge base cannot be used; the problems say file, line and what to fix. */
public final class KnowledgeException extends RuntimeException {

    private final List<String> problems;

    public KnowledgeException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem as {@code file:line: what is wrong and how to fix it}. */
    public List<String> problems() {
        return problems;
    }
}
