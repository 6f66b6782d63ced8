package dev.careerbot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.careerbot.yaml.YamlSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Changing one section of a loaded config leaves every other section as the file set it. */
class BotConfigTest {

    @TempDir
    Path folder;

    @Test
    void aMatcherModeGivenOnTheCommandLineKeepsTheOperationsStateAndAdaptersOfTheFile() throws IOException {
        Files.writeString(folder.resolve("knowledge.yml"), "intents: []\n");
        BotConfig loaded = new ConfigLoader(Map.of()).load(YamlSource.file(Files.writeString(folder.resolve("c.yml"), """
                knowledge_base: knowledge.yml
                matcher:
                  mode: semantic
                rate_limit:
                  burst: 9
                http:
                  address: 127.0.0.1:9090
                state:
                  key_prefix: "other:"
                adapters:
                  discord:
                    shards: 3
                """))).config();

        BotConfig lexical = loaded.withMatcher(loaded.matcher().withMode(MatcherMode.LEXICAL));

        assertEquals(MatcherMode.LEXICAL, lexical.matcher().mode());
        assertEquals(new BotConfig(loaded.source(), loaded.knowledgeBase(), lexical.matcher(), loaded.sessions(),
                loaded.telegram(), loaded.discord(), loaded.operations(), loaded.state()), lexical);
        assertEquals(9, lexical.operations().rateLimit().burst());
        assertEquals(9090, lexical.operations().http().port());
        assertEquals("other:", lexical.state().keyPrefix());
        assertEquals(3, lexical.discord().shards());
    }
}
