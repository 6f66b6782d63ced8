package dev.careerbot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jar's commands other than a {@code match} on the knowledge base: options, check, failures. */
class CareerBotCommandLineTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    private Path write(String name, String content) throws IOException {
        return Files.writeString(folder.resolve(name), content);
    }

    private static String examples(String prefix) {
        return IntStream.range(0, 10).mapToObj(i -> "      - " + prefix + " " + i)
                .collect(Collectors.joining("\n"));
    }

    /** A knowledge base with a related intent that does not exist (line 16) and too few examples (line 19). */
    private Path brokenKnowledgeBase() throws IOException {
        write("knowledge.yml", "intents:\n"
                + "  - id: greeting\n"
                + "    title: Hello\n"
                + "    examples:\n"
                + examples("hello number") + "\n"
                + "    answer: Hi!\n"
                + "    related: [no.such.intent]\n"
                + "  - id: thanks\n"
                + "    title: Thanks\n"
                + "    examples: [thanks, thank you, cheers]\n"
                + "    answer: You're welcome.\n"
                + "    related: [greeting]\n"
                + "  - id: out_of_scope\n"
                + "    title: Outside\n"
                + "    examples:\n"
                + examples("weather question") + "\n"
                + "    answer: Sorry, I only know careers.\n"
                + "    related: [greeting]\n");
        return write("careerbot.yml", "knowledge_base: knowledge.yml\n");
    }

    private Path configWithMissingKnowledgeBase() throws IOException {
        return write("careerbot.yml", "knowledge_base: nowhere/knowledge.yml\n");
    }

    @Test
    void matchWithTrainAnswersFromTheTrainingFileWithoutAnswers() throws IOException {
        Path train = TinyTrainingSet.writeTo(folder);
        CommandRun run = CommandRun.of("{\"text\": \"book a table for 20 people tonight\"}\n{\"text\": \"will it rain in city number 20\"}\n\n",
                "match", "--train", train.toString());
        assertEquals(0, run.status(), run.err());
        List<String> lines = run.outLines();
        assertEquals(3, lines.size(), run.out());
        JsonNode booking = JSON.readTree(lines.get(0));
        assertEquals("booking", booking.get("intent").asText());
        assertTrue(booking.get("answer").isNull(), booking::toString);
        assertEquals("weather", JSON.readTree(lines.get(1)).get("intent").asText());
        assertTrue(JSON.readTree(lines.get(2)).has("error"));
    }

    @Test
    void matchWithTrainNamesABadTrainingLine() throws IOException {
        Path train = write("train.jsonl", "{\"text\": \"hello\", \"intent\": \"greeting\"}\n{\"text\": \"no label\"}\n");
        CommandRun run = CommandRun.of("", "match", "--train", train.toString());
        assertEquals(1, run.status());
        assertTrue(run.err().contains("train.jsonl") && run.err().contains("\"intent\""), run.err());
        assertEquals("", run.out());
    }

    @Test
    void checkPassesTheShippedConfig() {
        CommandRun run = CommandRun.of("", "check");
        assertEquals(0, run.status(), run.out());
        assertTrue(run.out().contains("OK:"), run.out());
    }

    /** Two intents asked the same way ("how much does an ai engineer earn"), and the negatives. */
    private Path knowledgeBaseWithOverlappingIntents() throws IOException {
        String pay = "abcdefghij".chars().mapToObj(c -> "      - how much does an ai engineer earn " + (char) c)
                .collect(Collectors.joining("\n"));
        String salary = "klmnopqrst".chars().mapToObj(c -> "      - how much does an ai engineer earn " + (char) c)
                .collect(Collectors.joining("\n"));
        write("knowledge.yml", "intents:\n"
                + "  - id: pay\n    title: Pay\n    examples:\n" + pay + "\n    answer: Pay.\n    related: [salary]\n"
                + "  - id: salary\n    title: Salary\n    examples:\n" + salary + "\n    answer: Salary.\n"
                + "    related: [pay]\n"
                + "  - id: out_of_scope\n    title: Outside\n    examples:\n" + examples("weather question") + "\n"
                + "    answer: Sorry, I only know careers.\n    related: [pay]\n");
        return write("careerbot.yml", "knowledge_base: knowledge.yml\nmatcher:\n  mode: lexical\n");
    }

    @Test
    void checkWarnsAboutIntentsTheMatcherCannotTellApart() throws IOException {
        CommandRun run = CommandRun.of("", "check", "--config", knowledgeBaseWithOverlappingIntents().toString());
        assertEquals(0, run.status(), run.out());
        assertTrue(run.out().contains("warning: " + folder.resolve("knowledge.yml") + ":"), run.out());
        assertTrue(run.out().contains("overlap"), run.out());
    }

    @Test
    void evalCrossValidatesTheKnowledgeBaseOnItsOwnExamples() throws IOException {
        CommandRun run = CommandRun.of("", "eval", "--cross-validate", "--config",
                knowledgeBaseWithOverlappingIntents().toString());
        assertEquals(0, run.status(), run.out());
        assertTrue(run.out().contains("questions:              30"), run.out());
        assertTrue(run.out().contains("most confused"), run.out());
    }

    @Test
    void checkReportsEveryProblemOfABrokenKnowledgeBaseAsFileAndLine() throws IOException {
        Path config = brokenKnowledgeBase();
        CommandRun run = CommandRun.of("", "check", "--config", config.toString());
        assertEquals(1, run.status(), run.out());
        Path knowledge = folder.resolve("knowledge.yml");
        assertTrue(run.out().contains("error: " + knowledge + ":16: intent 'greeting' lists 'no.such.intent' as related"),
                run.out());
        assertTrue(run.out().contains("error: " + knowledge + ":19: intent 'thanks' has 3 examples"), run.out());
    }

    @Test
    void reviewRunsWithoutThePlatformTokensItNeverUses() throws IOException {
        Files.copy(BundledAnswers.KNOWLEDGE_BASE, folder.resolve("knowledge.yml"));
        write("unanswered.jsonl", "{\"time\":\"2025-03-01T11:00:00Z\",\"platform\":\"TELEGRAM\",\"user\":\"ab\","
                + "\"kind\":\"out_of_scope\",\"text\":\"how do I bake bread\",\"closest\":\"skills.overview\","
                + "\"confidence\":0.1}\n");
        Path config = write("careerbot.yml", "knowledge_base: knowledge.yml\nmatcher:\n  mode: lexical\n"
                + "unanswered:\n  salt: a-salt-of-sixteen-chars\nadapters:\n  telegram:\n    enabled: true\n"
                + "    token: ${TELEGRAM_TOKEN}\n  discord:\n    enabled: true\n    token: ${DISCORD_TOKEN}\n");

        CommandRun run = CommandRun.of("", "review", "--config", config.toString());

        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("\"how do I bake bread\""), run.out());
    }

    @Test
    void checkReportsBadYamlAsFileAndLine() throws IOException {
        write("knowledge.yml", "intents:\n  - id: greeting\n    examples: [hello, hi\n    answer: Hi!\n");
        Path config = write("careerbot.yml", "knowledge_base: knowledge.yml\n");
        CommandRun run = CommandRun.of("", "check", "--config", config.toString());
        assertEquals(1, run.status(), run.out());
        assertTrue(run.out().matches("(?s).*error: " + java.util.regex.Pattern.quote(folder.resolve("knowledge.yml").toString())
                + ":\\d+: .*"), run.out());
    }

    @Test
    void matchRefusesABrokenKnowledgeBaseAndAnswersNothing() throws IOException {
        Path config = brokenKnowledgeBase();
        CommandRun run = CommandRun.of("{\"text\": \"hello\"}\n", "match", "--config", config.toString());
        assertEquals(1, run.status());
        assertEquals("", run.out());
        assertTrue(run.err().contains(folder.resolve("knowledge.yml") + ":16:"), run.err());
    }

    @Test
    void matchRefusesAMissingKnowledgeBaseWithAClearMessage() throws IOException {
        Path config = configWithMissingKnowledgeBase();
        CommandRun run = CommandRun.of("{\"text\": \"hello\"}\n", "match", "--config", config.toString());
        assertEquals(1, run.status());
        assertEquals("", run.out());
        assertTrue(run.err().contains(folder.resolve("nowhere/knowledge.yml") + ", which does not exist"), run.err());
    }

    @Test
    void chatRefusesAMissingKnowledgeBaseWithAClearMessage() throws IOException {
        Path config = configWithMissingKnowledgeBase();
        CommandRun run = CommandRun.of("hello\n", "chat", "--config", config.toString());
        assertEquals(1, run.status());
        assertEquals("", run.out(), "the chat must not start half loaded");
        assertTrue(run.err().contains("which does not exist"), run.err());
    }

    @Test
    void configWithoutAValueIsAUsageError() {
        CommandRun run = CommandRun.of("", "match", "--config");
        assertEquals(2, run.status());
        assertTrue(run.err().contains("--config needs a value"), run.err());
        assertTrue(run.err().contains("usage:"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void anUnknownArgumentIsAUsageError() {
        CommandRun run = CommandRun.of("", "match", "--frobnicate");
        assertEquals(2, run.status());
        assertTrue(run.err().contains("unknown argument \"--frobnicate\""), run.err());
    }

    @Test
    void helpPrintsTheUsage() {
        CommandRun run = CommandRun.of("", "--help");
        assertEquals(0, run.status());
        for (String command : Set.of("chat", "run", "match", "eval --test FILE", "check")) {
            assertTrue(run.out().contains("  " + command + " "), command + " in " + run.out());
        }
    }
}
