package dev.careerbot;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The bar for held-out questions in real-user phrasing: {@code eval/blind-probe.jsonl}, written
 * without sight of the knowledge base's examples (see {@code eval/README.md}), through
 * {@code match} on the shipped config: at least 95% of the in-scope questions answered with
 * the right intent and at least 85% of the near misses declined.
 */
class BlindProbeAcceptanceTest {

    private static final double REQUIRED_IN_SCOPE_ACCURACY = 0.95;
    private static final double REQUIRED_OUT_OF_SCOPE_RECALL = 0.85;

    @Test
    void answersHeldOutChatQuestionsAndDeclinesTheNearMisses() throws IOException {
        ScoredQuestions probe = ScoredQuestions.of(TestData.file("eval/blind-probe.jsonl"));
        assertTrue(probe.inScope() >= 150 && probe.outOfScope() >= 50, probe.summary());
        assertTrue(probe.inScopeAccuracy() >= REQUIRED_IN_SCOPE_ACCURACY, probe.summary());
        assertTrue(probe.outOfScopeRecall() >= REQUIRED_OUT_OF_SCOPE_RECALL, probe.summary());
    }
}
