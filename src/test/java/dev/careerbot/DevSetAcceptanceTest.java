package dev.careerbot;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The acceptance bar: the labelled dev questions ({@code src/test/resources/eval/dev.jsonl})
 * through {@code match} on the shipped config, sessions shared as the file says, at least 95%
 * answered with an accepted intent.
 */
class DevSetAcceptanceTest {

    private static final double REQUIRED_ACCURACY = 0.95;

    @Test
    void answersAtLeast95PercentOfTheDevQuestionsRight() throws IOException {
        ScoredQuestions dev = ScoredQuestions.of(TestData.devQuestions());
        assertTrue(dev.questions() > 0, "the dev file has no questions");
        assertTrue(dev.accuracy() >= REQUIRED_ACCURACY, dev.summary());
    }
}
