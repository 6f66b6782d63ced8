package dev.careerbot.embedding;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.careerbot.TestData;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Per-message embedding latency on the dev set and the CLINC150 test questions, one message at
 * a time as the bot sees them. Run with
 * {@code mvn -o -Pbenchmark test -Dtest=SentenceEncoderBenchmark}.
 */
@Tag("benchmark")
class SentenceEncoderBenchmark {


    @Test
    void embeddingLatencyPerMessageWithOneThreadAndWithOnnxDefaults() {
        List<String> questions = new ArrayList<>(texts(TestData.devQuestions()));
        questions.addAll(texts(TestData.clinc150("test")));
        for (int threads : new int[] {1, 0}) {
            try (SentenceEncoder encoder = SentenceEncoder.open(SentenceEncoderTest.CACHE, 1000, threads)) {
                for (int i = 0; i < 300; i++) {
                    encoder.encode(questions.get(i % questions.size()));
                }
                long[] nanos = new long[questions.size()];
                for (int i = 0; i < questions.size(); i++) {
                    long start = System.nanoTime();
                    encoder.encode(questions.get(i));
                    nanos[i] = System.nanoTime() - start;
                }
                Arrays.sort(nanos);
                System.out.printf("BENCHMARK embedding intraOpThreads=%s messages=%d p50=%.2fms p99=%.2fms max=%.2fms%n",
                        threads == 0 ? "default" : threads, nanos.length, percentile(nanos, 50),
                        percentile(nanos, 99), nanos[nanos.length - 1] / 1e6);
                assertTrue(percentile(nanos, 50) > 0);
            }
        }
    }

    static double percentile(long[] sortedNanos, double percent) {
        int index = (int) Math.ceil(percent / 100.0 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(index, sortedNanos.length - 1))] / 1e6;
    }

    static List<String> texts(Path jsonl) {
        ObjectMapper mapper = new ObjectMapper();
        try {
            List<String> texts = new ArrayList<>();
            for (String line : Files.readAllLines(jsonl)) {
                if (!line.isBlank()) {
                    JsonNode node = mapper.readTree(line);
                    texts.add(node.get("text").asText());
                }
            }
            return texts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
