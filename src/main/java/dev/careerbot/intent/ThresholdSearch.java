package dev.careerbot.intent;

import java.util.List;
import java.util.TreeSet;

/**
 * Chooses the thresholds on held-out observations. The lower one, below which a message is out
 * of scope, maximises an {@link Objective}: plain accuracy over the held-out questions, or the
 * in-scope accuracy (right intent and confident) that still recognises a target share of the
 * out-of-scope questions (below the threshold, or won by the out-of-scope class). With no negatives at all it keeps 95% of the correctly matched examples.
 * With a clarify band, the upper one (see {@link #sure}) splits the accepted messages into
 * answered and "Did you mean" ones.
 */
final class ThresholdSearch {

    private static final double KEEP_WHEN_NO_NEGATIVES = 0.95;
    static final double RECALL_TARGET = 0.8;

    private ThresholdSearch() {}

    /** What a threshold is chosen to maximise. */
    enum Objective {
        /**
         * The most in-scope accuracy while recognising at least {@value #RECALL_TARGET} of the
         * out-of-scope questions: for benchmarks such as CLINC150, whose validation split has
         * too few negatives for a plain accuracy to weigh them.
         */
        RECALL_TARGET,
        /** Accuracy over all held-out questions, negatives as frequent as the data has them. */
        ACCURACY
    }

    static Thresholds choose(List<IntentMatcher.Observation> observations, boolean clarifyBand,
            Objective objective, String origin) {
        long inScope = observations.stream().filter(o -> !o.expectsOutOfScope()).count();
        long negatives = observations.size() - inScope;
        if (inScope == 0) {
            return new Thresholds(0.5, clarifyBand ? 0.25 : 0.5, origin + " (no in-scope examples, defaults)");
        }
        double accept;
        if (negatives == 0) {
            double[] correct = observations.stream()
                    .filter(IntentMatcher.Observation::topCorrect)
                    .mapToDouble(IntentMatcher.Observation::confidence).sorted().toArray();
            accept = correct.length == 0 ? 0.5
                    : correct[(int) Math.floor((1 - KEEP_WHEN_NO_NEGATIVES) * correct.length)];
        } else {
            accept = best(observations, inScope, negatives, objective);
        }
        if (!clarifyBand) {
            return new Thresholds(accept, accept, origin);
        }
        return new Thresholds(sure(observations, accept), accept, origin);
    }

    /**
     * The confidence from which the bot answers outright rather than asking "Did you mean". It
     * maximises a utility over the accepted held-out questions: a right answer +1, a wrong one
     * -1, a clarify question that offers the right intent +0.5, one that does not -0.5. Messages
     * whose runner-up is far behind are answered whatever the threshold (see
     * {@link IntentMatcher#ambiguous}).
     */
    private static double sure(List<IntentMatcher.Observation> observations, double accept) {
        List<IntentMatcher.Observation> accepted = observations.stream()
                .filter(o -> !o.outOfScopeWins() && o.confidence() >= accept).toList();
        TreeSet<Double> candidates = new TreeSet<>();
        candidates.add(accept);
        accepted.forEach(o -> candidates.add(o.confidence()));
        double bestThreshold = accept;
        double bestUtility = Double.NEGATIVE_INFINITY;
        for (double threshold : candidates) {
            double utility = 0;
            for (IntentMatcher.Observation o : accepted) {
                boolean right = !o.expectsOutOfScope() && o.topCorrect();
                boolean offered = !o.expectsOutOfScope() && o.topTwoCorrect();
                boolean answered = o.confidence() >= threshold
                        || !IntentMatcher.ambiguous(o.confidence(), o.runnerUp());
                utility += answered ? (right ? 1 : -1) : (offered ? 0.5 : -0.5);
            }
            if (utility > bestUtility + 1e-12) {
                bestUtility = utility;
                bestThreshold = threshold;
            }
        }
        return bestThreshold;
    }

    private static double best(List<IntentMatcher.Observation> observations, long inScope,
            long negatives, Objective objective) {
        TreeSet<Double> candidates = new TreeSet<>();
        candidates.add(0.0);
        observations.forEach(o -> candidates.add(o.confidence()));
        double bestThreshold = 0;
        double bestScore = -1;
        for (double threshold : candidates) {
            long inScopeRight = 0;
            long negativesRight = 0;
            for (IntentMatcher.Observation o : observations) {
                boolean accepted = !o.outOfScopeWins() && o.confidence() >= threshold;
                if (o.expectsOutOfScope()) {
                    negativesRight += accepted ? 0 : 1;
                } else if (accepted && o.topCorrect()) {
                    inScopeRight++;
                }
            }
            double recall = (double) negativesRight / negatives;
            double score = objective == Objective.RECALL_TARGET
                    ? (recall >= RECALL_TARGET ? 1 : 0) + (double) inScopeRight / inScope
                            + (recall >= RECALL_TARGET ? 0 : recall)
                    : (double) (inScopeRight + negativesRight) / (inScope + negatives);
            if (score > bestScore + 1e-12) {
                bestScore = score;
                bestThreshold = threshold;
            }
        }
        return bestThreshold;
    }
}
