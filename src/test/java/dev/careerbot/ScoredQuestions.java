package dev.careerbot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A file of labelled questions ({@code text}, {@code expect}, optional {@code session}) put
 * through {@code match} on the shipped config, as a self-hoster would run it, and scored.
 *
 * @param wrong one line per miss: line number, question, intent given, intents expected
 */
record ScoredQuestions(int inScope, int inScopeRight, int outOfScope, int outOfScopeDeclined, List<String> wrong) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OUT_OF_SCOPE = "out_of_scope";

    static ScoredQuestions of(Path file) throws IOException {
        List<String> questions = Files.readAllLines(file);
        CommandRun run = CommandRun.of(Files.readAllBytes(file), Map.of(), "match");
        assertEquals(0, run.status(), run.err());
        List<String> answers = run.outLines();
        assertEquals(questions.size(), answers.size(), "one output line per input line");
        int inScope = 0;
        int inScopeRight = 0;
        int outOfScope = 0;
        int declined = 0;
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            if (questions.get(i).isBlank()) {
                continue;
            }
            JsonNode question = JSON.readTree(questions.get(i));
            JsonNode answer = JSON.readTree(answers.get(i));
            List<String> expect = new ArrayList<>();
            question.get("expect").forEach(label -> expect.add(label.asText()));
            String intent = answer.path("intent").asText("(no intent: " + answer + ")");
            boolean right = expect.contains(intent);
            if (expect.contains(OUT_OF_SCOPE)) {
                outOfScope++;
                declined += right ? 1 : 0;
            } else {
                inScope++;
                inScopeRight += right ? 1 : 0;
            }
            if (!right) {
                wrong.add("line " + (i + 1) + ": " + question.get("text").asText() + " -> " + intent
                        + ", expected " + expect);
            }
        }
        return new ScoredQuestions(inScope, inScopeRight, outOfScope, declined, List.copyOf(wrong));
    }

    int questions() {
        return inScope + outOfScope;
    }

    double accuracy() {
        return (double) (inScopeRight + outOfScopeDeclined) / questions();
    }

    double inScopeAccuracy() {
        return (double) inScopeRight / inScope;
    }

    double outOfScopeRecall() {
        return (double) outOfScopeDeclined / outOfScope;
    }

    /** The figures and every miss, for a failure message. */
    String summary() {
        return String.format(java.util.Locale.ROOT,
                "%d questions: %.1f%% right; in scope %d of %d, out of scope declined %d of %d; wrong:%n%s",
                questions(), 100 * accuracy(), inScopeRight, inScope, outOfScopeDeclined, outOfScope,
                String.join("\n", wrong));
    }
}
