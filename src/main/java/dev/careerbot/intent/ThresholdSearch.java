package dev.careerbot.intent;

import java.util.List;
import java.util.TreeSet;

/**
 * Chooses the answer and clarify thresholds on held-out observations. The answer threshold
 * maximises the mean of in-scope accuracy (right intent and confident) and out-of-scope recall
 * (negatives below the threshold or won by the out-of-scope class), so neither side wins by being
 * more numerous. The clarify threshold, below it, maximises the same mean when a clarify
 * question counts as right for an in-scope message whose intent is among the two offered. With
 * no negatives at all, the answer threshold keeps 95% of the correctly matched examples.
 */
final class ThresholdSearch {

    private static final double KEEP_WHEN_NO_NEGATIVES = 0.95;

    private ThresholdSearch() {}

    static Thresholds choose(List<IntentMatcher.Observation> observations, boolean clarifyBand,
            String origin) {
        long inScope = observations.stream().filter(o -> !o.expectsOutOfScope()).count();
        long negatives = observations.size() - inScope;
        if (inScope == 0) {
            return new Thresholds(0.5, clarifyBand ? 0.25 : 0.5, origin + " (no in-scope examples, defaults)");
        }
        double answer;
        if (negatives == 0) {
            double[] correct = observations.stream()
                    .filter(IntentMatcher.Observation::topCorrect)
                    .mapToDouble(IntentMatcher.Observation::confidence).sorted().toArray();
            answer = correct.length == 0 ? 0.5 : correct[(int) Math.floor((1 - KEEP_WHEN_NO_NEGATIVES) * correct.length)];
        } else {
            answer = best(observations, 1.0, inScope, negatives, false);
        }
        double clarify = clarifyBand && negatives > 0
                ? best(observations, answer, inScope, negatives, true)
                : clarifyBand ? answer / 2 : answer;
        return new Thresholds(answer, Math.min(clarify, answer), origin);
    }

    private static double best(List<IntentMatcher.Observation> observations, double ceiling,
            long inScope, long negatives, boolean clarifying) {
        TreeSet<Double> candidates = new TreeSet<>();
        candidates.add(0.0);
        for (IntentMatcher.Observation observation : observations) {
            if (observation.confidence() <= ceiling) {
                candidates.add(observation.confidence());
            }
        }
        double bestThreshold = 0;
        double bestScore = -1;
        for (double threshold : candidates) {
            double score = score(observations, threshold, ceiling, inScope, negatives, clarifying);
            if (score > bestScore + 1e-12) {
                bestScore = score;
                bestThreshold = threshold;
            }
        }
        return bestThreshold;
    }

    private static double score(List<IntentMatcher.Observation> observations, double threshold,
            double answer, long inScope, long negatives, boolean clarifying) {
        long inScopeRight = 0;
        long negativesRight = 0;
        for (IntentMatcher.Observation o : observations) {
            boolean accepted = !o.outOfScopeWins() && o.confidence() >= threshold;
            if (o.expectsOutOfScope()) {
                negativesRight += accepted ? 0 : 1;
            } else if (accepted) {
                boolean answered = !clarifying || o.confidence() >= answer;
                inScopeRight += (answered ? o.topCorrect() : o.topTwoCorrect()) ? 1 : 0;
            }
        }
        return 0.5 * inScopeRight / inScope + 0.5 * negativesRight / negatives;
    }
}
