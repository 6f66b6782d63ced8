package dev.careerbot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.careerbot.yaml.YamlSource;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    private static final String TELEGRAM_TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";

    @TempDir
    Path folder;

    private Path configFile;

    @BeforeEach
    void writeKnowledgeBase() throws IOException {
        Files.writeString(folder.resolve("knowledge.yml"), "intents: []\n");
        configFile = folder.resolve("careerbot.yml");
    }

    private YamlSource config(String text) throws IOException {
        return YamlSource.file(Files.writeString(configFile, text));
    }

    private List<String> errors(String text, Map<String, String> environment) throws IOException {
        YamlSource source = config(text);
        ConfigException e = assertThrows(ConfigException.class, () -> new ConfigLoader(environment).load(source));
        return e.problems();
    }

    private String where(int line) {
        return configFile + ":" + line + ": ";
    }

    /** An environment that fails the test when anything but the allowed variables is read. */
    private static Map<String, String> onlyReads(Map<String, String> allowed) {
        return new AbstractMap<>() {
            @Override
            public String get(Object key) {
                if (!allowed.containsKey(key)) {
                    throw new AssertionError("read the environment variable " + key);
                }
                return allowed.get(key);
            }

            @Override
            public Set<Entry<String, String>> entrySet() {
                throw new AssertionError("listed the environment");
            }
        };
    }

    @Test
    void loadsTheShippedConfigWithEveryAdapterDisabledAndNoVariableRead() {
        ConfigLoader.Loaded loaded = new ConfigLoader(onlyReads(Map.of()))
                .load(YamlSource.file(Path.of("config", "careerbot.yml")));
        BotConfig config = loaded.config();
        assertFalse(config.anyPlatformEnabled());
        assertEquals(YamlSource.file(Path.of("config", "knowledge.yml")), config.knowledgeBase());
        assertEquals(MatcherSettings.defaults(), config.matcher());
        assertEquals(SessionSettings.defaults(), config.sessions());
        assertEquals(TelegramSettings.ApiUrl.TELEGRAM, config.telegram().apiUrl());
        assertEquals(50, config.telegram().longPollSeconds());
        assertEquals(1, config.discord().shards());
        assertEquals(Optional.empty(), config.discord().restUrl());
        assertEquals(List.of(), loaded.warnings());
    }

    @Test
    void loadsTheConfigBundledInTheJarWithItsBundledKnowledgeBase() {
        BotConfig config = new ConfigLoader(onlyReads(Map.of())).load(ConfigLoader.BUNDLED_CONFIG).config();
        assertEquals("classpath:bundled/careerbot.yml", config.source());
        assertEquals(YamlSource.resource("bundled/knowledge.yml"), config.knowledgeBase());
        assertTrue(config.knowledgeBase().exists());
    }

    @Test
    void resolvesARelativeKnowledgeBaseAgainstTheConfigFolder() throws IOException {
        Path confFolder = Files.createDirectories(folder.resolve("conf"));
        Files.createDirectories(confFolder.resolve("kb"));
        Files.writeString(confFolder.resolve("kb/knowledge.yml"), "intents: []\n");
        Path file = Files.writeString(confFolder.resolve("careerbot.yml"), "knowledge_base: kb/knowledge.yml\n");
        BotConfig config = new ConfigLoader(Map.of()).load(YamlSource.file(file)).config();
        assertEquals(YamlSource.file(confFolder.resolve("kb/knowledge.yml")), config.knowledgeBase());
    }

    @Test
    void namesAKnowledgeBaseThatDoesNotExist() throws IOException {
        List<String> errors = errors("matcher:\n  max_input_chars: 500\nknowledge_base: nowhere.yml\n", Map.of());
        assertEquals(List.of(where(3) + "knowledge_base names " + folder.resolve("nowhere.yml") + ", which does not"
                + " exist: fix the path (a relative path is read from the folder of " + configFile + ")"), errors);
    }

    @Test
    void readsTheSettingsWritten() throws IOException {
        BotConfig config = new ConfigLoader(Map.of("TELEGRAM_TOKEN", TELEGRAM_TOKEN)).load(config("""
                matcher:
                  answer_threshold: 0.6
                  clarify_threshold: 0.3
                  max_input_chars: 400
                sessions:
                  expiry_minutes: 10
                  max_sessions: 50
                adapters:
                  telegram:
                    enabled: true
                    token: ${TELEGRAM_TOKEN}
                    api_url: http://127.0.0.1:8081
                    long_poll_seconds: 5
                    pacing: false
                    messages_per_second: 10
                    chat_messages_per_second: 0.5
                    group_messages_per_minute: 15
                  discord:
                    enabled: false
                    shards: 2
                    rest_url: http://127.0.0.1:9000/api
                """)).config();
        assertEquals(new MatcherSettings(OptionalDouble.of(0.6), OptionalDouble.of(0.3), 400), config.matcher());
        assertEquals(new SessionSettings(Duration.ofMinutes(10), 50), config.sessions());
        assertEquals(new TelegramSettings(true, new Secret(TELEGRAM_TOKEN),
                new TelegramSettings.ApiUrl("http", "127.0.0.1", 8081), 5, false, 10, 0.5,
                15), config.telegram());
        assertEquals(2, config.discord().shards());
        assertEquals(Optional.of(URI.create("http://127.0.0.1:9000/api")), config.discord().restUrl());
        assertTrue(config.anyPlatformEnabled());
    }

    @Test
    void neverShowsATokenWhenTheConfigIsPrinted() throws IOException {
        BotConfig config = new ConfigLoader(Map.of("TELEGRAM_TOKEN", TELEGRAM_TOKEN))
                .load(config("adapters:\n  telegram:\n    enabled: true\n    token: ${TELEGRAM_TOKEN}\n")).config();
        assertEquals(TELEGRAM_TOKEN, config.telegram().token().value());
        assertFalse(config.toString().contains(TELEGRAM_TOKEN), config.toString());
    }

    @Test
    void reportsAnUnsetVariableOfAnEnabledAdapter() throws IOException {
        List<String> errors = errors("adapters:\n  telegram:\n    enabled: true\n    token: ${TELEGRAM_TOKEN}\n", Map.of());
        assertEquals(List.of(where(4) + "adapters.telegram.token uses ${TELEGRAM_TOKEN}, which is not set: export it"
                + " or set enabled: false"), errors);
    }

    @Test
    void reportsAnEmptyVariableOfAnEnabledAdapter() throws IOException {
        List<String> errors = errors("adapters:\n  discord:\n    enabled: true\n    token: ${DISCORD_TOKEN}\n",
                Map.of("DISCORD_TOKEN", ""));
        assertEquals(List.of(where(4) + "adapters.discord.token uses ${DISCORD_TOKEN}, which is empty: export it"
                + " or set enabled: false"), errors);
    }

    @Test
    void neverReadsTheVariablesOfADisabledAdapter() throws IOException {
        BotConfig config = new ConfigLoader(onlyReads(Map.of("TELEGRAM_TOKEN", TELEGRAM_TOKEN))).load(config("""
                adapters:
                  telegram:
                    enabled: true
                    token: ${TELEGRAM_TOKEN}
                  discord:
                    enabled: false
                    token: ${DISCORD_TOKEN}
                    rest_url: ${DISCORD_REST_URL}
                """)).config();
        assertTrue(config.telegram().enabled());
        assertFalse(config.discord().enabled());
        assertEquals("", config.discord().token().value());
    }

    @Test
    void usesTheDefaultOfAnUnsetVariable() throws IOException {
        BotConfig config = new ConfigLoader(Map.of("TELEGRAM_TOKEN", TELEGRAM_TOKEN)).load(config("""
                adapters:
                  telegram:
                    enabled: ${TELEGRAM_ENABLED:-true}
                    token: ${TELEGRAM_TOKEN}
                    api_url: ${TELEGRAM_API:-http://127.0.0.1:8081}
                    long_poll_seconds: ${POLL:-7}
                """)).config();
        assertTrue(config.telegram().enabled());
        assertEquals("http://127.0.0.1:8081", config.telegram().apiUrl().toString());
        assertEquals(7, config.telegram().longPollSeconds());
    }

    @Test
    void reportsAVariableReferenceThatIsMalformed() throws IOException {
        List<String> errors = errors("knowledge_base: ${KB\n", Map.of());
        assertEquals(List.of(where(1) + "knowledge_base has a ${ that is not a variable: write ${NAME} or"
                + " ${NAME:-default}, with NAME made of letters, digits and _"), errors);
    }

    @Test
    void explainsThatAVariableNeedsBraces() throws IOException {
        List<String> errors = errors("adapters:\n  telegram:\n    enabled: true\n    token: $TELEGRAM_TOKEN\n",
                Map.of("TELEGRAM_TOKEN", TELEGRAM_TOKEN));
        assertEquals(List.of(where(4) + "adapters.telegram.token is the text $TELEGRAM_TOKEN: write ${TELEGRAM_TOKEN},"
                + " with braces, to use the environment variable"), errors);
    }

    @Test
    void warnsAboutATokenWrittenIntoTheFileWithoutShowingIt() throws IOException {
        ConfigLoader.Loaded loaded = new ConfigLoader(Map.of()).load(config(
                "adapters:\n  telegram:\n    enabled: true\n    token: " + TELEGRAM_TOKEN + "\n"));
        assertEquals(TELEGRAM_TOKEN, loaded.config().telegram().token().value());
        assertEquals(List.of(where(4) + "adapters.telegram.token is written into this file: put it in an environment"
                + " variable instead, for example token: ${TELEGRAM_TOKEN}"), loaded.warnings());
    }

    @Test
    void requiresATokenForAnEnabledAdapter() throws IOException {
        List<String> errors = errors("adapters:\n  discord:\n    enabled: true\n", Map.of());
        assertEquals(List.of(where(3) + "adapters.discord.token is missing: write token: ${DISCORD_TOKEN} and export"
                + " DISCORD_TOKEN, or set enabled: false"), errors);
    }

    @Test
    void reportsEveryUnknownKeyWrongTypeAndOutOfRangeNumber() throws IOException {
        List<String> errors = errors("""
                matcher:
                  answer_threshold: high
                  clarify_treshold: 0.2
                sessions:
                  expiry_minutes: 0
                adapters:
                  telegram:
                    enabled: maybe
                    long_poll_seconds: 99
                    api_url: ftp://example.org
                """, Map.of());
        assertEquals(List.of(
                where(3) + "unknown key 'clarify_treshold' in matcher (did you mean 'clarify_threshold'?): the allowed"
                        + " keys are answer_threshold, clarify_threshold, max_input_chars, mode, cache_dir",
                where(2) + "matcher.answer_threshold must be auto or a number from 0 to 1, but is 'high'",
                where(5) + "sessions.expiry_minutes must be a whole number from 1 to 525600, but is 0",
                where(8) + "adapters.telegram.enabled must be true or false, but is 'maybe'",
                where(10) + "adapters.telegram.api_url must start with http:// or https://, but is"
                        + " 'ftp://example.org'; use the form https://api.telegram.org or http://127.0.0.1:8081"
                        + " (scheme, host, port, no path)",
                where(9) + "adapters.telegram.long_poll_seconds must be a whole number from 0 to 50, but is 99"),
                errors);
    }

    @Test
    void requiresTheClarifyThresholdBelowTheAnswerThreshold() throws IOException {
        List<String> errors = errors("matcher:\n  answer_threshold: 0.4\n  clarify_threshold: 0.5\n", Map.of());
        assertEquals(List.of(where(3) + "matcher.clarify_threshold (0.5) must be below matcher.answer_threshold (0.4):"
                + " lower it, or write auto"), errors);
    }

    @Test
    void namesTheLineOfBrokenYaml() throws IOException {
        List<String> errors = errors("matcher:\n  max_input_chars: 100\n sessions: {\n", Map.of());
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith(where(3)), errors.get(0));
    }

    @Test
    void usesDefaultsForAnEmptyConfig() throws IOException {
        BotConfig config = new ConfigLoader(onlyReads(Map.of())).load(config("")).config();
        assertEquals(YamlSource.file(folder.resolve("knowledge.yml")), config.knowledgeBase());
        assertEquals(TelegramSettings.disabled(), config.telegram());
    }

    @Test
    void locatesTheConfigGivenOnTheCommandLineFirst() throws IOException {
        config("{}\n");
        ConfigLoader loader = new ConfigLoader(Map.of(ConfigLoader.CONFIG_VARIABLE, "other.yml"), folder);
        assertEquals(YamlSource.file(configFile), loader.locate(Optional.of(Path.of("careerbot.yml"))));
    }

    @Test
    void locatesTheConfigNamedByTheEnvironmentNext() throws IOException {
        Files.createDirectories(folder.resolve("config"));
        Files.writeString(folder.resolve("config/careerbot.yml"), "{}\n");
        config("{}\n");
        ConfigLoader loader = new ConfigLoader(Map.of(ConfigLoader.CONFIG_VARIABLE, "careerbot.yml"), folder);
        assertEquals(YamlSource.file(configFile), loader.locate(Optional.empty()));
    }

    @Test
    void locatesTheConfigInTheConfigFolderOfTheWorkingDirectoryNext() throws IOException {
        Files.createDirectories(folder.resolve("config"));
        Path local = Files.writeString(folder.resolve("config/careerbot.yml"), "{}\n");
        assertEquals(YamlSource.file(local), new ConfigLoader(Map.of(), folder).locate(Optional.empty()));
    }

    @Test
    void fallsBackToTheConfigBundledInTheJar() {
        assertEquals(ConfigLoader.BUNDLED_CONFIG, new ConfigLoader(Map.of(), folder).locate(Optional.empty()));
    }

    @Test
    void saysWhenTheConfigGivenDoesNotExist() {
        ConfigLoader loader = new ConfigLoader(Map.of(), folder);
        ConfigException e = assertThrows(ConfigException.class, () -> loader.locate(Optional.of(Path.of("gone.yml"))));
        assertTrue(e.problems().get(0).startsWith(folder.resolve("gone.yml") + ": --config names this config file,"
                + " but there is no such file"), e.problems().get(0));
    }

    @Test
    void saysWhenTheConfigNamedByTheEnvironmentDoesNotExist() {
        ConfigLoader loader = new ConfigLoader(Map.of(ConfigLoader.CONFIG_VARIABLE, "gone.yml"), folder);
        ConfigException e = assertThrows(ConfigException.class, () -> loader.locate(Optional.empty()));
        assertTrue(e.problems().get(0).startsWith(folder.resolve("gone.yml") + ": CAREERBOT_CONFIG names this config"
                + " file, but there is no such file"), e.problems().get(0));
    }
}
