package dev.careerbot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.careerbot.knowledge.KnowledgeBase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code match} on the shipped config: one script of good and bad lines goes through one run
 * (training takes seconds), and each test checks the output lines of its own input lines.
 */
class CareerBotMatchTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String QUESTION = "{\"text\": \"what does an NLP engineer do\"}";
    private static final String HUGE_QUESTION = "what skills does an NLP engineer need? ";

    /** The input, line by line, as bytes (some are not valid UTF-8 on purpose). */
    private static final List<byte[]> SCRIPT = new ArrayList<>();
    private static final Map<String, Integer> LINE = new java.util.HashMap<>();
    private static CommandRun run;
    private static List<String> output;

    private static void line(String name, String text) {
        line(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void line(String name, byte[] bytes) {
        LINE.put(name, SCRIPT.size());
        SCRIPT.add(bytes);
    }

    @BeforeAll
    static void runTheScript() throws IOException {
        line("question", QUESTION);
        line("blank", "");
        line("after blank", "{\"text\": \"hello\"}");
        line("spaces", "   \t ");
        line("malformed", "{\"text\": \"what skills\"");
        line("after malformed", QUESTION);
        line("array", "[\"what skills do I need\"]");
        line("string", "\"what skills do I need\"");
        line("number", "42");
        line("no text", "{\"session\": \"s9\", \"question\": \"what skills do I need\"}");
        line("text not a string", "{\"text\": [\"what skills\"]}");
        line("null text", "{\"text\": null}");
        ByteArrayOutputStream invalidUtf8 = new ByteArrayOutputStream();
        invalidUtf8.write("{\"text\": \"what skills does an NLP engineer need ".getBytes(StandardCharsets.UTF_8));
        invalidUtf8.write(new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xc3, (byte) 0x28, (byte) 0x80});
        invalidUtf8.write("\"}".getBytes(StandardCharsets.UTF_8));
        line("invalid utf-8", invalidUtf8.toByteArray());
        line("invalid utf-8 outside json", new byte[] {(byte) 0xc0, (byte) 0xaf, (byte) 0xff});
        line("control characters", "{\"text\": \"what\\u0000 skills\\u0007 does an NLP engineer\\u001b[31m need\\b\"}");
        line("raw control characters", "{\"text\": \"what\u0001skills\"}");
        line("right to left", "{\"text\": \"\u05de\u05d4 \u05e6\u05e8\u05d9\u05da \u05dc\u05dc\u05de\u05d5\u05d3? \u202eskills\u202c\"}");
        line("arabic", "{\"text\": \"\u0645\u0627 \u0647\u064a \u0627\u0644\u0645\u0647\u0627\u0631\u0627\u062a \u0627\u0644\u0645\u0637\u0644\u0648\u0628\u0629\u061f\"}");
        line("emoji only", "{\"text\": \"\uD83D\uDE00\uD83D\uDE80\uD83C\uDF89\"}");
        line("huge", JSON.writeValueAsString(Map.of("text", HUGE_QUESTION + " ".repeat(1000) + "car repair ".repeat(100_000))));
        line("session first", "{\"text\": \"what does an NLP engineer do\", \"session\": \"s1\"}");
        line("other session", "{\"text\": \"what does a robotics engineer do\", \"session\": \"s2\"}");
        line("session follow-up", "{\"text\": \"what skills do they need?\", \"session\": \"s1\"}");
        line("no session follow-up", "{\"text\": \"what skills do they need?\"}");
        line("numeric session first", "{\"text\": \"tell me about computer vision engineers\", \"session\": 7}");
        line("numeric session follow-up", "{\"text\": \"what skills do they need?\", \"session\": 7}");
        for (int i = 0; i < VAGUE.size(); i++) {
            line("vague " + i, JSON.writeValueAsString(Map.of("text", VAGUE.get(i))));
        }
        line("other fields", "{\"text\": \"hello\", \"expect\": [\"goodbye\"], \"id\": 12, \"intent\": \"thanks\"}");
        line("out of scope", "{\"text\": \"what is the capital of France\"}");
        line("last, without newline", QUESTION);
        ByteArrayOutputStream stdin = new ByteArrayOutputStream();
        for (int i = 0; i < SCRIPT.size(); i++) {
            stdin.write(SCRIPT.get(i));
            if (i < SCRIPT.size() - 1) {
                stdin.write('\n');
            }
        }
        run = CommandRun.of(stdin.toByteArray(), Map.of(), "match");
        output = run.outLines();
    }

    private static JsonNode out(String name) {
        try {
            return JSON.readTree(output.get(LINE.get(name)));
        } catch (IOException e) {
            throw new AssertionError("output line of \"" + name + "\" is not JSON: " + output.get(LINE.get(name)), e);
        }
    }

    private static void assertAnswered(String name) {
        JsonNode node = out(name);
        assertFalse(node.has("error"), () -> name + ": " + node);
        assertTrue(node.get("intent").isTextual(), () -> name + ": " + node);
        double confidence = node.get("confidence").asDouble();
        assertTrue(confidence >= 0 && confidence <= 1, () -> name + ": " + node);
        assertFalse(node.get("answer").asText().isBlank(), () -> name + ": " + node);
    }

    private static void assertError(String name, String says) {
        JsonNode node = out(name);
        assertEquals(List.of("error"), iterable(node.fieldNames()), () -> name + ": " + node);
        assertTrue(node.get("error").asText().contains(says), () -> name + ": " + node);
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    @Test
    void exitsNormallyWithNothingOnStandardError() {
        assertEquals(0, run.status(), run.err());
    }

    @Test
    void writesExactlyOneLineForEveryLineInOrder() {
        assertEquals(SCRIPT.size(), output.size(), run.out());
        assertEquals("role.nlp_engineer", out("question").get("intent").asText());
        assertEquals("role.nlp_engineer", out("after malformed").get("intent").asText());
    }

    @Test
    void answersWithIntentConfidenceAndPlainTextAnswer() {
        JsonNode node = out("question");
        assertEquals("role.nlp_engineer", node.get("intent").asText());
        assertTrue(node.get("confidence").asDouble() > 0.5, node::toString);
        String answer = node.get("answer").asText();
        assertTrue(answer.contains("NLP engineer") && !answer.contains("**"), answer);
    }

    @Test
    void answersAnErrorToABlankLineAndGoesOn() {
        assertError("blank", "blank line");
        assertError("spaces", "blank line");
        assertEquals("greeting", out("after blank").get("intent").asText());
    }

    @Test
    void answersAnErrorToMalformedJsonAndGoesOn() {
        assertError("malformed", "malformed JSON");
        assertError("raw control characters", "malformed JSON");
        assertAnswered("after malformed");
    }

    @Test
    void answersAnErrorToJsonThatIsNotAnObject() {
        assertError("array", "JSON object");
        assertError("string", "JSON object");
        assertError("number", "JSON object");
    }

    @Test
    void answersAnErrorToALineWithoutText() {
        assertError("no text", "\"text\"");
        assertError("text not a string", "\"text\"");
        assertError("null text", "\"text\"");
    }

    @Test
    void readsInvalidUtf8AsReplacementCharacters() {
        assertAnswered("invalid utf-8");
        assertEquals("role.nlp_engineer.skills", out("invalid utf-8").get("intent").asText());
        assertError("invalid utf-8 outside json", "malformed JSON");
    }

    @Test
    void ignoresControlCharacters() {
        assertAnswered("control characters");
        assertEquals("role.nlp_engineer.skills", out("control characters").get("intent").asText());
    }

    @Test
    void answersRightToLeftScriptsInEnglish() {
        for (String name : List.of("right to left", "arabic")) {
            assertAnswered(name);
            assertEquals(KnowledgeBase.OUT_OF_SCOPE, out(name).get("intent").asText());
            assertTrue(out(name).get("answer").asText().contains("English"), () -> out(name).toString());
        }
    }

    @Test
    void answersEmojiOnlyWithAPromptForWords() {
        assertAnswered("emoji only");
        assertEquals(KnowledgeBase.OUT_OF_SCOPE, out("emoji only").get("intent").asText());
    }

    @Test
    void answersAOneMegabyteLineFromItsBeginning() {
        assertTrue(SCRIPT.get(LINE.get("huge")).length > 1_000_000);
        assertEquals("role.nlp_engineer.skills", out("huge").get("intent").asText());
    }

    @Test
    void linesOfOneSessionShareTheContext() {
        assertEquals("role.nlp_engineer.skills", out("session follow-up").get("intent").asText());
        assertEquals("role.cv_engineer.skills", out("numeric session follow-up").get("intent").asText());
    }

    @Test
    void aLineWithoutSessionStartsFresh() {
        assertEquals("skills.overview", out("no session follow-up").get("intent").asText());
    }

    /** Vague questions; the matcher of the shipped config is unsure of at least one. */
    private static final List<String> VAGUE = List.of("model", "engineer", "learning", "skills or tools", "ai",
            "career", "data stuff", "what does a robotics engineer need to know", "robotics stuff", "nlp things");

    @Test
    void listsTheTopicsOfferedInTheUnsureBand() {
        JsonNode node = IntStream.range(0, VAGUE.size()).mapToObj(i -> out("vague " + i))
                .filter(answer -> answer.has("clarify")).findFirst()
                .orElseThrow(() -> new AssertionError("none of " + VAGUE + " landed in the unsure band"));
        assertEquals(node.get("clarify").get(0).asText(), node.get("intent").asText());
        String expectedStart = node.get("clarify").size() == 2 ? "I'm not sure I understood. Did you mean"
                : "I don't have a good answer to that one yet.";
        assertTrue(node.get("answer").asText().startsWith(expectedStart), node::toString);
    }

    @Test
    void leavesOutClarifyWhenSure() {
        assertFalse(out("question").has("clarify"));
    }

    @Test
    void ignoresOtherFields() {
        assertEquals("greeting", out("other fields").get("intent").asText());
    }

    @Test
    void givesTheTopCandidatesScoreForAnOutOfScopeQuestion() {
        JsonNode node = out("out of scope");
        assertEquals(KnowledgeBase.OUT_OF_SCOPE, node.get("intent").asText());
        assertTrue(node.get("confidence").asDouble() >= 0 && node.get("confidence").asDouble() < 1, node::toString);
    }

    @Test
    void answersTheLastLineEvenWithoutANewline() {
        assertEquals("role.nlp_engineer", out("last, without newline").get("intent").asText());
    }
}
