package dev.careerbot.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EvalReportTest {

    private static EvalReport.Scored scored(String expected, String answered, long micros) {
        return new EvalReport.Scored(List.of(expected), answered, micros * 1000);
    }

    /** Six questions: four in scope (three right), two out of scope (one recognised). */
    private static EvalReport report() {
        return EvalReport.of(List.of(
                scored("skills.math", "skills.math", 10),
                scored("skills.math", "skills.math", 20),
                scored("skills.math", "skills.programming", 30),
                scored("greeting", "greeting", 40),
                scored("out_of_scope", "out_of_scope", 50),
                scored("out_of_scope", "greeting", 60)));
    }

    @Test
    void countsAnAnswerRightWhenItIsAnyOfTheAcceptedIntents() {
        EvalReport report = EvalReport.of(List.of(
                new EvalReport.Scored(List.of("challenges.ethics", "challenges.data_quality"), "challenges.data_quality", 0)));
        assertEquals(1.0, report.accuracy());
    }

    @Test
    void scoresOverallAndInScopeAccuracy() {
        EvalReport report = report();
        assertEquals(6, report.total());
        assertEquals(4.0 / 6, report.accuracy(), 1e-12);
        assertEquals(3.0 / 4, report.inScopeAccuracy(), 1e-12);
    }

    @Test
    void scoresOutOfScopeRecallAndPrecision() {
        EvalReport report = report();
        assertEquals(0.5, report.outOfScopeRecall(), 1e-12);
        assertEquals(1.0, report.outOfScopePrecision(), 1e-12);
    }

    @Test
    void scoresEachIntent() {
        EvalReport.IntentScore math = report().perIntent().get("skills.math");
        assertEquals(1.0, math.precision(), 1e-12);
        assertEquals(2.0 / 3, math.recall(), 1e-12);
        assertEquals(0.8, math.f1(), 1e-12);
        assertEquals(3, math.support());
        EvalReport.IntentScore greeting = report().perIntent().get("greeting");
        assertEquals(0.5, greeting.precision(), 1e-12);
        assertEquals(1.0, greeting.recall(), 1e-12);
    }

    @Test
    void listsTheConfusedPairs() {
        List<EvalReport.Confusion> confusions = report().confusions();
        assertEquals(List.of(new EvalReport.Confusion("out_of_scope", "greeting", 1),
                new EvalReport.Confusion("skills.math", "skills.programming", 1)), confusions);
    }

    @Test
    void reportsMedianAnd99thPercentileLatency() {
        EvalReport report = report();
        assertEquals(30, report.latencyP50Micros(), 1e-9);
        assertEquals(60, report.latencyP99Micros(), 1e-9);
    }

    @Test
    void printsNotApplicableForAScoreWithNothingToMeasure() {
        EvalReport report = EvalReport.of(List.of(scored("greeting", "greeting", 1)));
        assertTrue(Double.isNaN(report.outOfScopeRecall()));
        assertTrue(report.toText().contains("out-of-scope recall:    n/a"), report.toText());
    }
}
