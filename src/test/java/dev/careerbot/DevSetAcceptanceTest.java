package dev.careerbot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The acceptance bar: the labelled dev questions ({@code src/test/resources/eval/dev.jsonl})
 * through {@code match} on the shipped config, sessions shared as the file says, at least 95%
 * answered with an accepted intent.
 */
class DevSetAcceptanceTest {

    private static final double REQUIRED_ACCURACY = 0.95;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void answersAtLeast95PercentOfTheDevQuestionsRight() throws IOException {
        Path dev = TestData.devQuestions();
        List<String> questions = Files.readAllLines(dev);
        CommandRun run = CommandRun.of(Files.readAllBytes(dev), Map.of(), "match");
        assertEquals(0, run.status(), run.err());
        List<String> answers = run.outLines();
        assertEquals(questions.size(), answers.size(), "one output line per input line");

        int scored = 0;
        int right = 0;
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            if (questions.get(i).isBlank()) {
                continue;
            }
            JsonNode question = JSON.readTree(questions.get(i));
            JsonNode answer = JSON.readTree(answers.get(i));
            List<String> expect = new ArrayList<>();
            question.get("expect").forEach(label -> expect.add(label.asText()));
            scored++;
            String intent = answer.path("intent").asText("(no intent: " + answer + ")");
            if (expect.contains(intent)) {
                right++;
            } else {
                wrong.add("line " + (i + 1) + ": " + question.get("text").asText() + " -> " + intent + ", expected " + expect);
            }
        }
        double accuracy = (double) right / scored;
        assertTrue(scored > 0, "the dev file has no questions");
        assertTrue(accuracy >= REQUIRED_ACCURACY, String.format("accuracy %.1f%% (%d of %d) is below 95%%; wrong:%n%s",
                accuracy * 100, right, scored, String.join("\n", wrong)));
    }
}
