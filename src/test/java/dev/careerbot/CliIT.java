package dev.careerbot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jar's commands as a self-hoster types them, each in a fresh working directory. */
class CliIT {

    /** Long enough for a JVM start and the matcher's training on a busy two-core machine. */
    private static final Duration TRAINED = Duration.ofSeconds(90);
    /** Commands that only read files. */
    private static final Duration QUICK = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void matchAnswersFromTheBundledKnowledgeBaseWhenTheFolderHasNoConfig() throws Exception {
        try (RunningJar jar = RunningJar.start(dir, Map.of(), "match")) {
            jar.input("{\"text\":\"what skills does an AI engineer need\"}\n");

            assertEquals(0, jar.awaitExit(TRAINED), jar.describe());
            List<String> lines = jar.stdout().lines().toList();
            assertEquals(1, lines.size(), "one JSON line per input line, nothing else on stdout\n" + jar.describe());
            JsonNode answer = new ObjectMapper().readTree(lines.get(0));
            assertEquals("skills.overview", answer.path("intent").asText(), jar.describe());
            assertTrue(answer.path("answer").asText().startsWith(BundledAnswers.openingLine("skills.overview")),
                    jar.describe());
        }
    }

    @Test
    void checkPassesForTheConfigFolderOfTheWorkingDirectory() throws Exception {
        Files.createDirectories(dir.resolve("config"));
        Files.copy(Path.of("config", "careerbot.yml"), dir.resolve("config/careerbot.yml"));
        Files.copy(BundledAnswers.KNOWLEDGE_BASE, dir.resolve("config/knowledge.yml"));

        try (RunningJar jar = RunningJar.start(dir, Map.of(), "check")) {
            assertEquals(0, jar.awaitExit(QUICK), jar.describe());
            assertTrue(jar.stdout().contains("config" + dir.getFileSystem().getSeparator() + "careerbot.yml"),
                    "checked ./config/careerbot.yml, not the bundled copy\n" + jar.describe());
            assertTrue(jar.stdout().contains("OK:"), jar.describe());
        }
    }

    @Test
    void checkFailsOnADuplicateIntentIdAndNamesItsFileAndLine() throws Exception {
        String knowledge = Files.readString(BundledAnswers.KNOWLEDGE_BASE, StandardCharsets.UTF_8);
        if (!knowledge.endsWith("\n")) {
            knowledge += "\n";
        }
        int duplicateLine = (int) knowledge.lines().count() + 1;
        Files.writeString(dir.resolve("knowledge.yml"), knowledge + """
                  - id: greeting
                    title: Hello again
                    examples: [hi, hey, hello, hiya, yo, howdy, greetings, hi there, hello bot, hey bot]
                    answer: Hello again.
                """);
        Files.writeString(dir.resolve("broken.yml"), "knowledge_base: knowledge.yml\n");

        try (RunningJar jar = RunningJar.start(dir, Map.of(), "check", "--config", "broken.yml")) {
            assertEquals(1, jar.awaitExit(QUICK), jar.describe());
            assertTrue(jar.stdout().contains("knowledge.yml:" + duplicateLine + ":"), jar.describe());
            assertTrue(jar.stdout().contains("greeting"), jar.describe());
        }
    }

    @Test
    void checkFailsOnBrokenYamlAndNamesItsFileAndLine() throws Exception {
        Files.writeString(dir.resolve("broken.yml"), """
                knowledge_base: knowledge.yml
                matcher:
                  answer_threshold: [0.5
                sessions:
                  expiry_minutes: 30
                """);

        try (RunningJar jar = RunningJar.start(dir, Map.of(), "check", "--config", "broken.yml")) {
            assertEquals(1, jar.awaitExit(QUICK), jar.describe());
            assertTrue(Pattern.compile("broken\\.yml:\\d+: ").matcher(jar.stdout()).find(), jar.describe());
            assertNoStackTrace(jar);
        }
    }

    @Test
    void runWithTelegramEnabledAndNoTokenNamesTheVariableAndTheConfigLine() throws Exception {
        Files.copy(BundledAnswers.KNOWLEDGE_BASE, dir.resolve("knowledge.yml"));
        Files.writeString(dir.resolve("telegram.yml"), """
                knowledge_base: knowledge.yml
                adapters:
                  telegram:
                    enabled: true
                    token: ${TELEGRAM_TOKEN}
                """);

        try (RunningJar jar = RunningJar.start(dir, Map.of(), "run", "--config", "telegram.yml")) {
            assertEquals(1, jar.awaitExit(QUICK), jar.describe());
            assertTrue(jar.stderr().contains("telegram.yml:5:"), jar.describe());
            assertTrue(jar.stderr().contains("TELEGRAM_TOKEN"), jar.describe());
            assertNoStackTrace(jar);
        }
    }

    @Test
    void chatAnswersAGreetingAndQuits() throws Exception {
        try (RunningJar jar = RunningJar.start(dir, Map.of(), "chat")) {
            jar.input("hello\n/quit\n");

            assertEquals(0, jar.awaitExit(TRAINED), jar.describe());
            assertTrue(jar.stdout().contains(BundledAnswers.openingLine("greeting")), jar.describe());
        }
    }

    @Test
    void missingKnowledgeBaseStopsTheBotWithTheFileNamed() throws Exception {
        Files.writeString(dir.resolve("careerbot.yml"), "knowledge_base: missing.yml\n");

        try (RunningJar jar = RunningJar.start(dir, Map.of(), "chat", "--config", "careerbot.yml")) {
            jar.input("hello\n");

            int status = jar.awaitExit(QUICK);
            assertTrue(status != 0, jar.describe());
            assertTrue(jar.stderr().contains("careerbot.yml:1:"), jar.describe());
            assertTrue(jar.stderr().contains("missing.yml"), jar.describe());
            assertFalse(jar.stdout().contains("you>"), "no chat without a knowledge base\n" + jar.describe());
            assertNoStackTrace(jar);
        }
    }

    @Test
    void unknownArgumentIsRefusedWithTheUsage() throws Exception {
        try (RunningJar jar = RunningJar.start(dir, Map.of(), "serve")) {
            assertEquals(2, jar.awaitExit(QUICK), jar.describe());
            assertTrue(jar.stderr().contains("\"serve\""), jar.describe());
            assertTrue(jar.stderr().contains("usage:"), jar.describe());
        }
    }

    private static void assertNoStackTrace(RunningJar jar) {
        String output = jar.stdout() + jar.stderr();
        assertFalse(output.contains("Exception") || output.contains("\tat "), "a message, not a stack trace\n"
                + jar.describe());
    }
}
