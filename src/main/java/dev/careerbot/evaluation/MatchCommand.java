package dev.careerbot.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;

/**
 * {@code match}: one JSON line out for every line in, in order, blank and malformed lines
 * included ({@code {"error": ...}} for those).
 */
public final class MatchCommand {

    private final BatchAnswerer answerer;
    private final ObjectMapper json;
    private final boolean explain;

    public MatchCommand(BatchAnswerer answerer, ObjectMapper json, boolean explain) {
        this.answerer = answerer;
        this.json = json;
        this.explain = explain;
    }

    public void run(InputStream in, PrintStream out) {
        JsonLines lines = new JsonLines(json);
        try (BufferedReader reader = JsonLines.lenientReader(in)) {
            String line;
            while ((line = reader.readLine()) != null) {
                out.println(json.writeValueAsString(respond(lines.parse(line))));
                out.flush();
            }
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private ObjectNode respond(JsonLines.Question question) {
        ObjectNode result = json.createObjectNode();
        if (question.error().isPresent()) {
            result.put("error", question.error().get());
            return result;
        }
        Outcome outcome = answerer.answer(question.text(), question.session());
        result.put("intent", outcome.intent());
        result.put("confidence", Math.round(outcome.confidence() * 10_000) / 10_000.0);
        if (outcome.answer().isPresent()) {
            result.put("answer", outcome.answer().get());
        } else {
            result.putNull("answer");
        }
        if (!outcome.clarify().isEmpty()) {
            outcome.clarify().forEach(result.putArray("clarify")::add);
        }
        if (explain) {
            result.put("explain", outcome.explanation());
        }
        return result;
    }
}
