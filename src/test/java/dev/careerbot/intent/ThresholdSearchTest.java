package dev.careerbot.intent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.careerbot.intent.IntentMatcher.Observation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where the out-of-scope threshold lands for each objective. */
class ThresholdSearchTest {

    private static Observation right(double confidence) {
        return new Observation(confidence, 0, false, true, true, false);
    }

    private static Observation wrong(double confidence) {
        return new Observation(confidence, 0, false, false, false, false);
    }

    private static Observation negative(double confidence) {
        return new Observation(confidence, 0, false, false, false, true);
    }

    /** 100 right answers at 0.01, 0.02, ... 1.00 and a few wrong ones. */
    private static List<Observation> inScope() {
        List<Observation> observations = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            observations.add(right(i / 100.0));
        }
        observations.add(wrong(0.005));
        observations.add(wrong(0.9));
        return observations;
    }

    @Test
    void keepingRightAnswersLetsNinetyFivePercentOfThemThroughWhateverTheNegativesSay() {
        List<Observation> observations = inScope();
        List<Observation> withNegatives = new ArrayList<>(observations);
        for (int i = 0; i < 10; i++) {
            withNegatives.add(negative(0.5 + i / 100.0));
        }

        double alone = ThresholdSearch.choose(observations, false, ThresholdSearch.Objective.KEEP_RIGHT_ANSWERS, "t")
                .answer();
        double besideNegatives = ThresholdSearch.choose(withNegatives, false,
                ThresholdSearch.Objective.KEEP_RIGHT_ANSWERS, "t").answer();

        assertEquals(0.06, alone, 1e-9, "the 95 right answers from 0.06 up stay answered");
        assertEquals(alone, besideNegatives, 1e-9);
    }

    @Test
    void accuracyWeighsTheNegativesItIsGiven() {
        List<Observation> observations = inScope();
        // Eighty negatives from 0.300 to 0.379: turning them away costs 37 right answers and saves 80.
        for (int i = 0; i < 80; i++) {
            observations.add(negative(0.30 + i / 1000.0));
        }

        double threshold = ThresholdSearch.choose(observations, false, ThresholdSearch.Objective.ACCURACY, "t")
                .answer();

        assertEquals(0.38, threshold, 1e-9);
    }

    @Test
    void withoutNegativesAccuracyFallsBackToKeepingRightAnswers() {
        double threshold = ThresholdSearch.choose(inScope(), false, ThresholdSearch.Objective.ACCURACY, "t").answer();

        assertEquals(0.06, threshold, 1e-9);
    }
}
