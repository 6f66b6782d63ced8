package dev.careerbot.intent;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.careerbot.TestData;
import dev.careerbot.config.MatcherMode;
import dev.careerbot.config.MatcherSettings;
import dev.careerbot.embedding.MatcherFeatures;
import dev.careerbot.evaluation.JsonLines;
import dev.careerbot.knowledge.KnowledgeBase;
import dev.careerbot.knowledge.KnowledgeLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Matcher latency and throughput on the career knowledge base and on CLINC150, one thread.
 * Run with {@code mvn -Pbenchmark test -Dtest=MatcherBenchmark}; figures go to README.
 */
@Tag("benchmark")
class MatcherBenchmark {

    private static final int WARM_UP_ROUNDS = 3;
    private static final int MEASURED_ROUNDS = 5;

    @Test
    void matchesKnowledgeBaseQuestionsQuickly() {
        KnowledgeBase knowledge = new KnowledgeLoader().load(Path.of("config", "knowledge.yml")).base();
        int examples = knowledge.intents().stream().mapToInt(intent -> intent.examples().size()).sum();
        long start = System.nanoTime();
        IntentMatcher matcher = IntentMatcher.forKnowledge(knowledge, MatcherSettings.defaults());
        double trainSeconds = (System.nanoTime() - start) / 1e9;
        List<String> questions = texts(TestData.devQuestions());
        report("knowledge base (" + examples + " examples, dev questions)", matcher, questions, trainSeconds);
    }

    /** The embedding modes on the knowledge base, as the bot builds them ({@code -Dmodes=semantic,hybrid}). */
    @Test
    void matchesKnowledgeBaseQuestionsInTheEmbeddingModes() {
        KnowledgeBase knowledge = new KnowledgeLoader().load(Path.of("config", "knowledge.yml")).base();
        List<String> questions = texts(TestData.devQuestions());
        for (String mode : System.getProperty("modes", "semantic,hybrid").split(",")) {
            MatcherSettings settings = MatcherSettings.defaults().withMode(MatcherMode.fromConfig(mode).orElseThrow());
            long start = System.nanoTime();
            IntentMatcher matcher = IntentMatcher.forKnowledge(knowledge, settings,
                    MatcherFeatures.forSettings(settings, "knowledge"));
            double trainSeconds = (System.nanoTime() - start) / 1e9;
            report("knowledge base, " + mode + " (dev questions)", matcher, questions, trainSeconds);
        }
    }

    @Test
    void matchesClinc150QuestionsQuickly() {
        JsonLines lines = new JsonLines(new ObjectMapper());
        long start = System.nanoTime();
        IntentMatcher matcher = IntentMatcher.train(lines.examples(TestData.clinc150("train")),
                IntentMatcher.Options.plain(1000), Optional.of(lines.examples(TestData.clinc150("val"))));
        double trainSeconds = (System.nanoTime() - start) / 1e9;
        report("CLINC150 (15,000 examples, test questions)", matcher, texts(TestData.clinc150("test")), trainSeconds);
    }

    private static List<String> texts(Path file) {
        assertTrue(Files.exists(file), "benchmark data missing: " + file.toAbsolutePath());
        return new JsonLines(new ObjectMapper()).readAll(file).stream().map(JsonLines.Question::text).toList();
    }

    private static void report(String name, IntentMatcher matcher, List<String> questions, double trainSeconds) {
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            questions.forEach(matcher::match);
        }
        long[] nanos = new long[questions.size() * MEASURED_ROUNDS];
        int at = 0;
        long wallStart = System.nanoTime();
        for (int round = 0; round < MEASURED_ROUNDS; round++) {
            for (String question : questions) {
                long start = System.nanoTime();
                matcher.match(question);
                nanos[at++] = System.nanoTime() - start;
            }
        }
        double wallSeconds = (System.nanoTime() - wallStart) / 1e9;
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "%s: training %.1f s; per question median %.1f µs, p99 %.1f µs;"
                        + " %.0f questions/s on one thread (%d cores, %s)%n",
                name, trainSeconds, nanos[nanos.length / 2] / 1e3, nanos[(int) (nanos.length * 0.99)] / 1e3,
                nanos.length / wallSeconds, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        assertTrue(nanos.length > 0);
    }
}
