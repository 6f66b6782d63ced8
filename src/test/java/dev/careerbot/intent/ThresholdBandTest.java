package dev.careerbot.intent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** How the two thresholds and the runner-up rule turn a confidence into a decision. */
class ThresholdBandTest {

    private static List<LabelledExample> examples() {
        List<LabelledExample> examples = new ArrayList<>();
        for (String text : List.of("python programming", "learn python", "python code", "coding in python")) {
            examples.add(LabelledExample.of(text, "programming"));
        }
        for (String text : List.of("linear algebra", "calculus and algebra", "statistics and probability",
                "math for ai")) {
            examples.add(LabelledExample.of(text, "math"));
        }
        return examples;
    }

    private static IntentMatcher withThresholds(double answer, double clarify, boolean band) {
        IntentMatcher.Options options = new IntentMatcher.Options(1000, Map.of(), List.of(),
                OptionalDouble.of(answer), OptionalDouble.of(clarify), band, false, Training.defaults());
        return IntentMatcher.train(examples(), options, Optional.empty());
    }

    @Test
    void withoutABandAClearButUnsureMessageIsOutOfScope() {
        IntentMatcher matcher = withThresholds(0.9999, 0.9999, false);

        Match match = matcher.match("python");

        assertEquals(Decision.OUT_OF_SCOPE, match.decision(), match.toString());
    }

    @Test
    void inTheBandAMessageWithoutAPlausibleRunnerUpIsAnswered() {
        IntentMatcher matcher = withThresholds(0.9999, 0.01, true);

        Match match = matcher.match("python");

        assertEquals(Decision.ANSWER, match.decision(), match.toString());
        assertEquals("programming", match.intent());
    }

    @Test
    void inTheBandAMessageBetweenTwoIntentsIsClarified() {
        IntentMatcher matcher = withThresholds(0.9999, 0.01, true);

        Match match = matcher.match("python and algebra");

        assertEquals(Decision.CLARIFY, match.decision(), match.toString());
    }
}
