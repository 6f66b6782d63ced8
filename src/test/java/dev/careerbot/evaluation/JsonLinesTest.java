package dev.careerbot.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesTest {

    private final JsonLines lines = new JsonLines(new ObjectMapper());

    @TempDir
    Path folder;

    @Test
    void readsTextSessionAndExpectedIntents() {
        JsonLines.Question question = lines.parse("{\"text\": \"hi\", \"session\": \"d1\", \"expect\": [\"greeting\", \"help\"]}");
        assertEquals(new JsonLines.Question("hi", Optional.of("d1"), List.of("greeting", "help"), Optional.empty()), question);
    }

    @Test
    void readsANumericSessionAsText() {
        assertEquals(Optional.of("7"), lines.parse("{\"text\": \"hi\", \"session\": 7}").session());
    }

    @Test
    void takesTheIntentOfATrainingLineAsItsLabel() {
        assertEquals(List.of("weather"), lines.parse("{\"text\": \"rain?\", \"intent\": \"weather\"}").expect());
    }

    @Test
    void explainsWhatIsWrongWithALine() {
        assertTrue(lines.parse("").error().orElseThrow().contains("blank line"));
        assertTrue(lines.parse("{").error().orElseThrow().startsWith("malformed JSON"));
        assertTrue(lines.parse("[]").error().orElseThrow().contains("JSON object"));
        assertTrue(lines.parse("{\"txt\": \"hi\"}").error().orElseThrow().contains("\"text\""));
    }

    @Test
    void readsTrainingExamplesSkippingBlankLines() throws IOException {
        Path file = Files.writeString(folder.resolve("train.jsonl"),
                "{\"text\": \"hi\", \"intent\": \"greeting\"}\n\n{\"text\": \"bye\", \"intent\": \"goodbye\"}\n");
        assertEquals(2, lines.examples(file).size());
        assertEquals("goodbye", lines.examples(file).get(1).label());
    }

    @Test
    void namesTheFileAndLineOfABadTrainingLine() throws IOException {
        Path file = Files.writeString(folder.resolve("train.jsonl"), "{\"text\": \"hi\", \"intent\": \"greeting\"}\n{oops\n");
        EvaluationException problem = assertThrows(EvaluationException.class, () -> lines.examples(file));
        assertTrue(problem.getMessage().startsWith(file + ":2: malformed JSON"), problem.getMessage());
    }

    @Test
    void namesAMissingFile() {
        Path missing = folder.resolve("nowhere.jsonl");
        EvaluationException problem = assertThrows(EvaluationException.class, () -> lines.readAll(missing));
        assertTrue(problem.getMessage().contains("cannot read " + missing), problem.getMessage());
    }
}
