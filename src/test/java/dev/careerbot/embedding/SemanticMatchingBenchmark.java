package dev.careerbot.embedding;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.careerbot.TestData;
import dev.careerbot.evaluation.JsonLines;
import dev.careerbot.intent.FeatureSet;
import dev.careerbot.intent.IntentMatcher;
import dev.careerbot.intent.LabelledExample;
import dev.careerbot.intent.Match;
import dev.careerbot.knowledge.KnowledgeBase;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * CLINC150 (full split: train on train, thresholds on val, scores on test) for each matcher
 * mode, with the time of the whole run and the latency of one message. Run with
 * {@code mvn -o -Pbenchmark test -Dtest=SemanticMatchingBenchmark}; {@code -Dmodes=hybrid}
 * and {@code -Dweights=1,2,3} narrow or widen the sweep, {@code -DwithoutOosTrain=true} leaves
 * out the 100 out-of-scope training questions, and {@code -DperIntent=10} trains on the first 10
 * examples of each intent only (the regime of a self-hoster's new intent).
 */
@Tag("benchmark")
class SemanticMatchingBenchmark {


    @Test
    void clinc150PerMode() {
        JsonLines lines = new JsonLines(new ObjectMapper());
        int perIntent = Integer.getInteger("perIntent", Integer.MAX_VALUE);
        List<LabelledExample> train = new java.util.ArrayList<>(firstOfEachIntent(
                lines.examples(TestData.clinc150("train")), perIntent));
        if (!Boolean.getBoolean("withoutOosTrain")) {
            // The full split's 100 out-of-scope training questions, learnt as a class of their own.
            train.addAll(lines.examples(TestData.clinc150("oos_train")));
        }
        List<LabelledExample> val = lines.examples(TestData.clinc150("val"));
        List<LabelledExample> test = lines.examples(TestData.clinc150("test"));
        List<String> modes = List.of(System.getProperty("modes", "lexical,semantic,hybrid").split(","));
        float[] weights = parseWeights(System.getProperty("weights", Float.toString(FeatureSet.DEFAULT_SENTENCE_WEIGHT)));
        try (SentenceEncoder encoder = SentenceEncoder.open(SentenceEncoderTest.CACHE, 1000)) {
            EmbeddingFeatures features = new EmbeddingFeatures(encoder,
                    new EmbeddingCache(SentenceEncoderTest.CACHE.resolve("vectors")), (Boolean.getBoolean("withoutOosTrain") ? "clinc150-train" : "clinc150-train-oos")
                            + (perIntent == Integer.MAX_VALUE ? "" : "-" + perIntent + "-per-intent"));
            for (String mode : modes) {
                for (float weight : mode.equals("lexical") ? new float[] {1} : weights) {
                    FeatureSet featureSet = switch (mode) {
                        case "lexical" -> FeatureSet.lexical();
                        case "semantic" -> FeatureSet.semantic(features).withSentenceWeight(weight);
                        case "hybrid" -> FeatureSet.hybrid(features).withSentenceWeight(weight);
                        default -> throw new IllegalArgumentException("unknown mode " + mode);
                    };
                    run(featureSet, train, val, test);
                }
            }
        }
    }

    private static void run(FeatureSet featureSet, List<LabelledExample> train, List<LabelledExample> val,
            List<LabelledExample> test) {
        long started = System.nanoTime();
        IntentMatcher matcher = IntentMatcher.train(train, IntentMatcher.Options.plain(1000), Optional.of(val),
                featureSet);
        long trained = System.nanoTime();
        printValidation(matcher, val);
        long[] nanos = new long[test.size()];
        double[] confidence = new double[test.size()];
        boolean[] topRight = new boolean[test.size()];
        int inScope = 0;
        int inScopeRight = 0;
        int outOfScope = 0;
        int outOfScopeFound = 0;
        for (int i = 0; i < test.size(); i++) {
            LabelledExample example = test.get(i);
            long start = System.nanoTime();
            Match match = matcher.match(example.text());
            nanos[i] = System.nanoTime() - start;
            confidence[i] = match.candidates().isEmpty() ? 0 : match.confidence();
            topRight[i] = example.labels().contains(match.topCandidate());
            if (example.isOutOfScope()) {
                outOfScope++;
                outOfScopeFound += match.intent().equals(KnowledgeBase.OUT_OF_SCOPE) ? 1 : 0;
            } else {
                inScope++;
                inScopeRight += example.labels().contains(match.intent()) ? 1 : 0;
            }
        }
        long finished = System.nanoTime();
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "BENCHMARK clinc150 mode=%s weight=%.2f inScopeAccuracy=%.2f%% "
                        + "outOfScopeRecall=%.2f%% thresholds=%s train+tune=%.1fs test=%.1fs total=%.1fs "
                        + "p50=%.3fms p99=%.3fms%n",
                featureSet.name(), featureSet.sentenceWeight(), 100.0 * inScopeRight / inScope,
                100.0 * outOfScopeFound / outOfScope, matcher.thresholds(), (trained - started) / 1e9,
                (finished - trained) / 1e9, (finished - started) / 1e9,
                SentenceEncoderBenchmark.percentile(nanos, 50), SentenceEncoderBenchmark.percentile(nanos, 99));
        assertTrue(inScope > 0 && outOfScope > 0);
        if (Boolean.getBoolean("curve")) {
            printCurve(test, confidence, topRight);
        }
    }

    /** The tuned matcher on the validation split it was tuned on: what choices are made on. */
    private static void printValidation(IntentMatcher matcher, List<LabelledExample> val) {
        int inScope = 0;
        int inScopeRight = 0;
        int outOfScope = 0;
        int outOfScopeFound = 0;
        for (LabelledExample example : val) {
            Match match = matcher.match(example.text());
            if (example.isOutOfScope()) {
                outOfScope++;
                outOfScopeFound += match.intent().equals(KnowledgeBase.OUT_OF_SCOPE) ? 1 : 0;
            } else {
                inScope++;
                inScopeRight += example.labels().contains(match.intent()) ? 1 : 0;
            }
        }
        System.out.printf(Locale.ROOT, "VALIDATION clinc150 inScopeAccuracy=%.2f%% outOfScopeRecall=%.2f%%%n",
                100.0 * inScopeRight / inScope, 100.0 * outOfScopeFound / Math.max(1, outOfScope));
    }

    /** Diagnostics only (never used to choose anything): test scores at a range of thresholds. */
    private static void printCurve(List<LabelledExample> test, double[] confidence, boolean[] topRight) {
        StringBuilder line = new StringBuilder("CURVE");
        for (double threshold = 0; threshold < 1; threshold += 0.05) {
            int inScope = 0;
            int right = 0;
            int outOfScope = 0;
            int rejected = 0;
            for (int i = 0; i < test.size(); i++) {
                boolean accepted = confidence[i] >= threshold && confidence[i] > 0;
                if (test.get(i).isOutOfScope()) {
                    outOfScope++;
                    rejected += accepted ? 0 : 1;
                } else {
                    inScope++;
                    right += accepted && topRight[i] ? 1 : 0;
                }
            }
            line.append(String.format(Locale.ROOT, " t=%.2f:%.1f/%.1f", threshold, 100.0 * right / inScope,
                    100.0 * rejected / outOfScope));
        }
        System.out.println(line);
    }

    /** The first {@code limit} examples of each label, in file order. */
    private static List<LabelledExample> firstOfEachIntent(List<LabelledExample> examples, int limit) {
        java.util.Map<String, Integer> taken = new java.util.HashMap<>();
        return examples.stream()
                .filter(example -> taken.merge(example.label(), 1, Integer::sum) <= limit)
                .toList();
    }

    private static float[] parseWeights(String list) {
        String[] parts = list.split(",");
        float[] weights = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            weights[i] = Float.parseFloat(parts[i]);
        }
        return weights;
    }
}
