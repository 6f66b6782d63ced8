package dev.careerbot;

import dev.careerbot.knowledge.KnowledgeBase;
import dev.careerbot.knowledge.KnowledgeLoader;
import dev.careerbot.message.Markup;
import java.nio.file.Path;

/**
 * Answers of the knowledge base in {@code config/knowledge.yml} as a user sees them, so that the
 * end-to-end tests check the reply against what the knowledge base says rather than a copy of it.
 */
public final class BundledAnswers {

    /** The knowledge base that {@code mvn package} bundles into the jar. */
    public static final Path KNOWLEDGE_BASE = Path.of("config", "knowledge.yml").toAbsolutePath();

    private BundledAnswers() {}

    /** The first line of the intent's answer in plain text (markup removed). */
    public static String openingLine(String intentId) {
        KnowledgeBase knowledge = new KnowledgeLoader().load(KNOWLEDGE_BASE).base();
        String answer = knowledge.intent(intentId)
                .orElseThrow(() -> new AssertionError("no intent " + intentId + " in " + KNOWLEDGE_BASE))
                .answer();
        return Markup.parse(answer).toPlainText().lines().findFirst().orElseThrow();
    }
}
