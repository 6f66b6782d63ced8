package dev.careerbot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eval}: the report of a labelled file, as text and as JSON. */
class CareerBotEvalTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    private Path trainingFile() throws IOException {
        return TinyTrainingSet.writeTo(folder);
    }

    private Path testFile(String content) throws IOException {
        return Files.writeString(folder.resolve("test.jsonl"), content);
    }

    @Test
    void printsTheScoresOfTheDevSetOnTheKnowledgeBase() throws IOException {
        Path dev = TestData.devQuestions();
        long questions = Files.readAllLines(dev).stream().filter(line -> !line.isBlank()).count();
        CommandRun run = CommandRun.of("", "eval", "--test", dev.toString());
        assertEquals(0, run.status(), run.err());
        String report = run.out();
        for (String heading : new String[] {"overall accuracy:", "in-scope accuracy:", "out-of-scope recall:",
            "out-of-scope precision:", "latency p50 / p99:", "per intent", "most confused (expected -> answered)"}) {
            assertTrue(report.contains(heading), heading + " in\n" + report);
        }
        assertTrue(report.matches("(?s).*\\nrole\\.nlp_engineer\\.skills +\\d\\.\\d{3} +\\d\\.\\d{3} +\\d\\.\\d{3} +\\d+\\n.*"),
                "a per-intent row with precision, recall, F1 and support in\n" + report);
        assertTrue(report.matches("(?s).*questions: +" + questions + "\\n.*"), report);
    }

    @Test
    void printsTheReportAsJsonWithJson() throws IOException {
        Path test = testFile("""
                {"text": "book a table for 20 people tonight", "expect": ["booking"]}
                {"text": "will it rain in city number 20", "expect": ["weather"]}
                {"text": "will it rain in city number 30", "expect": ["booking"]}
                {"text": "what is the meaning of life", "expect": ["out_of_scope"]}
                """);
        CommandRun run = CommandRun.of("", "eval", "--json", "--test", test.toString(), "--train", trainingFile().toString());
        assertEquals(0, run.status(), run.err());
        JsonNode report = JSON.readTree(run.out());
        assertEquals(4, report.get("total").asInt());
        for (String field : new String[] {"accuracy", "inScopeAccuracy", "outOfScopeRecall", "outOfScopePrecision",
            "latencyP50Micros", "latencyP99Micros"}) {
            assertTrue(report.get(field).isNumber(), field + " in " + report);
        }
        assertEquals(2, report.get("perIntent").get("booking").get("support").asInt());
        assertEquals("booking", report.get("confusions").get(0).get("expected").asText());
        assertEquals("weather", report.get("confusions").get(0).get("answered").asText());
    }

    @Test
    void printsParseableJsonWhenAScoreHasNothingToMeasure() throws IOException {
        Path test = testFile("{\"text\": \"book a table for 20 people tonight\", \"expect\": [\"booking\"]}\n");
        CommandRun run = CommandRun.of("", "eval", "--json", "--test", test.toString(), "--train", trainingFile().toString());
        assertEquals(0, run.status(), run.err());
        JsonNode report = JSON.readTree(run.out());
        assertEquals(1.0, report.get("accuracy").asDouble(), 1e-9);
    }

    @Test
    void needsATestFile() {
        CommandRun run = CommandRun.of("", "eval");
        assertEquals(2, run.status());
        assertTrue(run.err().contains("eval needs --test FILE"), run.err());
    }

    @Test
    void namesTheLineOfAnUnreadableTestFile() throws IOException {
        Path test = testFile("{\"text\": \"book a table\", \"expect\": [\"booking\"]}\n{\"text\": broken\n");
        CommandRun run = CommandRun.of("", "eval", "--test", test.toString(), "--train", trainingFile().toString());
        assertEquals(1, run.status());
        assertTrue(run.err().contains(test + ":2: malformed JSON"), run.err());
    }

    @Test
    void namesAQuestionWithoutExpect() throws IOException {
        Path test = testFile("{\"text\": \"book a table\"}\n");
        CommandRun run = CommandRun.of("", "eval", "--test", test.toString(), "--train", trainingFile().toString());
        assertEquals(1, run.status());
        assertTrue(run.err().contains("\"expect\""), run.err());
    }
}
