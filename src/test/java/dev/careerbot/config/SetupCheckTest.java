package dev.careerbot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.careerbot.knowledge.KnowledgeLoader;
import dev.careerbot.yaml.YamlSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SetupCheckTest {

    @TempDir
    Path folder;

    private SetupCheck check(Map<String, String> environment) {
        return new SetupCheck(new ConfigLoader(environment, folder), new KnowledgeLoader());
    }

    @Test
    void passesTheShippedConfigAndKnowledgeBase() {
        SetupCheck.Report report = check(Map.of()).run(YamlSource.file(Path.of("config", "careerbot.yml")));
        assertEquals(List.of(), report.errors());
        assertTrue(report.passed());
        assertEquals(Optional.of(Path.of("config", "knowledge.yml").toString()), report.knowledgeBase());
    }

    @Test
    void passesTheSetupBundledInTheJar() {
        SetupCheck.Report report = check(Map.of()).run(Optional.empty());
        assertEquals("classpath:bundled/careerbot.yml", report.config());
        assertEquals(List.of(), report.errors());
    }

    @Test
    void reportsTheProblemsOfTheConfigAndOfItsKnowledgeBaseTogether() throws IOException {
        Path knowledge = Files.writeString(folder.resolve("kb.yml"), """
                intents:
                  - id: out_of_scope
                    title: Outside
                    examples: [a, b, c]
                    answer: No.
                """);
        Path config = Files.writeString(folder.resolve("careerbot.yml"), """
                knowledge_base: kb.yml
                adapters:
                  telegram:
                    enabled: true
                    token: ${TELEGRAM_TOKEN}
                """);
        SetupCheck.Report report = check(Map.of()).run(Optional.of(config));
        assertEquals(List.of(
                config + ":5: adapters.telegram.token uses ${TELEGRAM_TOKEN}, which is not set: export it or set"
                        + " enabled: false",
                knowledge + ":4: intent 'out_of_scope' has 3 examples; it needs at least 10: add questions as people"
                        + " really write them"), report.errors());
        assertEquals(List.of(knowledge + ":2: intent 'out_of_scope' has no related intents: add related: [...] so the"
                + " reply can suggest where to go next"), report.warnings());
        assertFalse(report.passed());
    }

    @Test
    void reportsAConfigThatCannotBeFound() {
        SetupCheck.Report report = check(Map.of()).run(Optional.of(Path.of("missing.yml")));
        assertEquals(1, report.errors().size());
        assertTrue(report.errors().get(0).contains("there is no such file"), report.errors().get(0));
        assertEquals(Optional.empty(), report.knowledgeBase());
    }
}
