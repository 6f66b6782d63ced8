package dev.careerbot.evaluation;

import dev.careerbot.knowledge.KnowledgeBase;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scores of a labelled file, in the manner of {@code rasa test nlu}: overall and in-scope
 * accuracy, out-of-scope recall and precision, per-intent precision, recall and F1, the most
 * confused pairs and the latency of one answer.
 *
 * @param total questions scored
 * @param accuracy share answered with an accepted intent
 * @param inScopeAccuracy the same over questions that expect an intent
 * @param outOfScopeRecall share of out-of-scope questions recognised as such
 * @param outOfScopePrecision share of "out of scope" verdicts that were right
 * @param perIntent precision, recall, F1 and support per intent
 * @param confusions most frequent (expected, answered) mistakes
 * @param latencyP50Micros median time to answer one question
 * @param latencyP99Micros 99th percentile
 */
public record EvalReport(int total, double accuracy, double inScopeAccuracy, double outOfScopeRecall,
        double outOfScopePrecision, Map<String, IntentScore> perIntent, List<Confusion> confusions,
        double latencyP50Micros, double latencyP99Micros) {

    /** Scores of one intent. */
    public record IntentScore(double precision, double recall, double f1, int support) {}

    /** A mistake and how often it happened. */
    public record Confusion(String expected, String answered, int count) {}

    /** One scored question. */
    record Scored(List<String> expect, String answered, long nanos) {
        boolean right() {
            return expect.contains(answered);
        }

        String gold() {
            return right() ? answered : expect.get(0);
        }
    }

    static EvalReport of(List<Scored> scored) {
        int total = scored.size();
        int right = 0;
        int inScope = 0;
        int inScopeRight = 0;
        int outOfScope = 0;
        int outOfScopeFound = 0;
        int saidOutOfScope = 0;
        int saidOutOfScopeRightly = 0;
        Map<String, int[]> counts = new TreeMap<>();
        Map<String, Integer> mistakes = new TreeMap<>();
        for (Scored s : scored) {
            boolean ok = s.right();
            right += ok ? 1 : 0;
            boolean expectsOutOfScope = s.expect().contains(KnowledgeBase.OUT_OF_SCOPE);
            if (expectsOutOfScope) {
                outOfScope++;
                outOfScopeFound += s.answered().equals(KnowledgeBase.OUT_OF_SCOPE) ? 1 : 0;
            } else {
                inScope++;
                inScopeRight += ok ? 1 : 0;
            }
            if (s.answered().equals(KnowledgeBase.OUT_OF_SCOPE)) {
                saidOutOfScope++;
                saidOutOfScopeRightly += expectsOutOfScope ? 1 : 0;
            }
            String gold = s.gold();
            counts.computeIfAbsent(gold, key -> new int[3])[2]++;
            counts.computeIfAbsent(s.answered(), key -> new int[3])[1]++;
            if (ok) {
                counts.get(gold)[0]++;
            } else {
                mistakes.merge(gold + "\t" + s.answered(), 1, Integer::sum);
            }
        }
        Map<String, IntentScore> perIntent = new TreeMap<>();
        counts.forEach((intent, c) -> {
            double precision = c[1] == 0 ? 0 : (double) c[0] / c[1];
            double recall = c[2] == 0 ? 0 : (double) c[0] / c[2];
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perIntent.put(intent, new IntentScore(precision, recall, f1, c[2]));
        });
        List<Confusion> confusions = new ArrayList<>();
        mistakes.forEach((pair, count) -> {
            String[] parts = pair.split("\t", 2);
            confusions.add(new Confusion(parts[0], parts[1], count));
        });
        confusions.sort(Comparator.comparingInt(Confusion::count).reversed()
                .thenComparing(Confusion::expected).thenComparing(Confusion::answered));
        long[] nanos = scored.stream().mapToLong(Scored::nanos).sorted().toArray();
        return new EvalReport(total, ratio(right, total), ratio(inScopeRight, inScope),
                ratio(outOfScopeFound, outOfScope), ratio(saidOutOfScopeRightly, saidOutOfScope),
                perIntent, List.copyOf(confusions.subList(0, Math.min(10, confusions.size()))),
                percentile(nanos, 0.50) / 1000.0, percentile(nanos, 0.99) / 1000.0);
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? Double.NaN : (double) part / whole;
    }

    static long percentile(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** The report as text for a person. */
    public String toText() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "questions:              %d%n", total));
        out.append(String.format(Locale.ROOT, "overall accuracy:       %s%n", percent(accuracy)));
        out.append(String.format(Locale.ROOT, "in-scope accuracy:      %s%n", percent(inScopeAccuracy)));
        out.append(String.format(Locale.ROOT, "out-of-scope recall:    %s%n", percent(outOfScopeRecall)));
        out.append(String.format(Locale.ROOT, "out-of-scope precision: %s%n", percent(outOfScopePrecision)));
        out.append(String.format(Locale.ROOT, "latency p50 / p99:      %.1f / %.1f µs per question%n",
                latencyP50Micros, latencyP99Micros));
        out.append(String.format(Locale.ROOT, "%nper intent%n%-40s %9s %9s %9s %8s%n", "intent",
                "precision", "recall", "f1", "support"));
        perIntent.forEach((intent, score) -> out.append(String.format(Locale.ROOT, "%-40s %9.3f %9.3f %9.3f %8d%n",
                intent, score.precision(), score.recall(), score.f1(), score.support())));
        out.append(String.format(Locale.ROOT, "%nmost confused (expected -> answered)%n"));
        if (confusions.isEmpty()) {
            out.append("  none\n");
        }
        confusions.forEach(c -> out.append(String.format(Locale.ROOT, "%5d  %s -> %s%n", c.count(),
                c.expected(), c.answered())));
        return out.toString();
    }

    private static String percent(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.2f%%", value * 100);
    }

}
