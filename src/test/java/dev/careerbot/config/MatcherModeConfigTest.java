package dev.careerbot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.careerbot.yaml.YamlSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatcherModeConfigTest {

    @TempDir
    Path folder;

    private Path configFile;

    @BeforeEach
    void writeKnowledgeBase() throws IOException {
        Files.writeString(folder.resolve("knowledge.yml"), "intents: []\n");
        configFile = folder.resolve("careerbot.yml");
    }

    private MatcherSettings matcher(String yaml, Map<String, String> environment) throws IOException {
        Files.writeString(configFile, yaml);
        return new ConfigLoader(environment).load(YamlSource.file(configFile)).config().matcher();
    }

    @Test
    void readsEachModeWhateverItsCase() throws IOException {
        assertEquals(MatcherMode.LEXICAL, matcher("matcher:\n  mode: lexical\n", Map.of()).mode());
        assertEquals(MatcherMode.SEMANTIC, matcher("matcher:\n  mode: Semantic\n", Map.of()).mode());
        assertEquals(MatcherMode.HYBRID, matcher("matcher:\n  mode: HYBRID\n", Map.of()).mode());
    }

    @Test
    void usesTheDefaultModeAndCacheFolderWhenUnset() throws IOException {
        MatcherSettings settings = matcher("matcher:\n  max_input_chars: 300\n", Map.of());

        assertEquals(MatcherSettings.DEFAULT_MODE, settings.mode());
        assertEquals(MatcherSettings.DEFAULT_CACHE_DIRECTORY, settings.cacheDirectory());
    }

    @Test
    void namesTheLineOfAnUnknownMode() throws IOException {
        Files.writeString(configFile, "matcher:\n  max_input_chars: 300\n  mode: neural\n");

        ConfigException error = assertThrows(ConfigException.class,
                () -> new ConfigLoader(Map.of()).load(YamlSource.file(configFile)));

        assertEquals(List.of(configFile + ":3: matcher.mode must be lexical, semantic or hybrid, but is 'neural'"),
                error.problems());
    }

    @Test
    void readsTheCacheFolderWithEnvironmentVariables() throws IOException {
        MatcherSettings settings = matcher("matcher:\n  cache_dir: ${STATE_DIRECTORY:-/var/cache}/careerbot\n",
                Map.of("STATE_DIRECTORY", "/srv/bot"));

        assertEquals(Path.of("/srv/bot/careerbot"), settings.cacheDirectory());
    }

    @Test
    void theShippedConfigNamesTheDefaultMode() throws IOException {
        MatcherSettings shipped = new ConfigLoader(Map.of())
                .load(YamlSource.file(Path.of("config", "careerbot.yml"))).config().matcher();

        assertEquals(MatcherSettings.defaults(), shipped);
    }
}
