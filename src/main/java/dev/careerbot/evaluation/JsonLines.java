package dev.careerbot.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.careerbot.intent.LabelledExample;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reading the JSON-lines files of the {@code match}, {@code eval} and training commands. Invalid
 * UTF-8 is replaced, not fatal; each line is parsed on its own so one bad line spoils nothing else.
 */
public final class JsonLines {

    /** One parsed input line: a question, or why it could not be read. */
    public record Question(String text, Optional<String> session, List<String> expect, Optional<String> error) {
        public Question {
            expect = List.copyOf(expect);
        }

        static Question invalid(String error) {
            return new Question("", Optional.empty(), List.of(), Optional.of(error));
        }
    }

    private final ObjectMapper json;

    public JsonLines(ObjectMapper json) {
        this.json = json;
    }

    /** A reader that turns malformed UTF-8 into replacement characters instead of failing. */
    public static BufferedReader lenientReader(InputStream in) {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)));
    }

    /** Parses one line of {@code {"text": ..., "session": ..., "expect": [...]}}. */
    public Question parse(String line) {
        if (line.isBlank()) {
            return Question.invalid("blank line: expected a JSON object such as {\"text\": \"hello\"}");
        }
        JsonNode node;
        try {
            node = json.readTree(line);
        } catch (JsonProcessingException malformed) {
            return Question.invalid("malformed JSON: " + malformed.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            return Question.invalid("expected a JSON object such as {\"text\": \"hello\"}");
        }
        JsonNode text = node.get("text");
        if (text == null || !text.isTextual()) {
            return Question.invalid("missing \"text\": each line needs a string field \"text\"");
        }
        JsonNode session = node.get("session");
        Optional<String> sessionId = session == null || session.isNull() ? Optional.empty()
                : Optional.of(session.isTextual() ? session.asText() : session.toString());
        List<String> expect = new ArrayList<>();
        JsonNode expected = node.get("expect");
        if (expected != null && expected.isArray()) {
            expected.forEach(label -> expect.add(label.asText()));
        } else if (expected != null && expected.isTextual()) {
            expect.add(expected.asText());
        }
        JsonNode intent = node.get("intent");
        if (expect.isEmpty() && intent != null && intent.isTextual()) {
            expect.add(intent.asText());
        }
        return new Question(text.asText(), sessionId, expect, Optional.empty());
    }

    /** Every readable line of a file; a line that cannot be read is an error naming it. */
    public List<Question> readAll(Path file) {
        List<Question> questions = new ArrayList<>();
        try (BufferedReader reader = lenientReader(Files.newInputStream(file))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                Question question = parse(line);
                if (question.error().isPresent()) {
                    throw new EvaluationException(file + ":" + number + ": " + question.error().get());
                }
                questions.add(question);
            }
        } catch (IOException unreadable) {
            throw new EvaluationException("cannot read " + file + ": " + unreadable.getMessage());
        }
        return questions;
    }

    /** Training examples from a file of {@code {"text", "intent"}} (or {@code "expect"}) lines. */
    public List<LabelledExample> examples(Path file) {
        List<LabelledExample> examples = new ArrayList<>();
        for (Question question : readAll(file)) {
            if (question.expect().isEmpty()) {
                throw new EvaluationException(file + ": every training line needs an \"intent\" (or"
                        + " \"expect\"); this one has none: " + question.text());
            }
            examples.add(new LabelledExample(question.text(), question.expect()));
        }
        return examples;
    }
}
