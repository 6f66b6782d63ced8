package dev.careerbot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.careerbot.message.Platform;
import dev.careerbot.yaml.YamlSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OperationsSectionTest {

    @TempDir
    Path folder;

    private Path configFile;

    @BeforeEach
    void writeKnowledgeBase() throws IOException {
        Files.writeString(folder.resolve("knowledge.yml"), "intents: []\n");
        configFile = folder.resolve("careerbot.yml");
    }

    private ConfigLoader.Loaded load(String text, Map<String, String> environment) throws IOException {
        return new ConfigLoader(environment).load(YamlSource.file(Files.writeString(configFile, text)));
    }

    private List<String> errors(String text) throws IOException {
        YamlSource source = YamlSource.file(Files.writeString(configFile, text));
        return assertThrows(ConfigException.class, () -> new ConfigLoader(Map.of()).load(source)).problems();
    }

    private String where(int line) {
        return configFile + ":" + line + ": ";
    }

    @Test
    void usesTheDefaultsWhenTheSectionsAreMissing() throws IOException {
        OperationsSettings settings = load("knowledge_base: knowledge.yml\n", Map.of()).config().operations();

        assertEquals(new OperationsSettings.Http(true, "127.0.0.1", 8080), settings.http());
        assertEquals(new OperationsSettings.RateLimit(true, 5, 20), settings.rateLimit());
        assertEquals(new OperationsSettings.Unanswered(true, folder.resolve("unanswered.jsonl"), Optional.empty(),
                1024 * 1024, 3, Duration.ofDays(30)), settings.unanswered());
        assertEquals(Duration.ofSeconds(10), settings.shutdown().deadline());
        assertFalse(settings.logging().json() || settings.logging().messageText());
        assertFalse(settings.admins().isAdmin(Platform.TELEGRAM, "1"));
    }

    @Test
    void readsEverySection() throws IOException {
        OperationsSettings settings = load("""
                admins:
                  telegram: [12345, "67890"]
                  discord:
                    - 112233445566778899
                http:
                  enabled: false
                  address: "[::1]:9090"
                rate_limit: {enabled: true, burst: 3, per_minute: 0.5}
                unanswered:
                  enabled: true
                  file: data/questions.jsonl
                  salt: ${SALT}
                  max_file_kb: 64
                  keep_files: 0
                  retention_days: 7
                reload: {watch: false, debounce_ms: 250}
                logging: {format: JSON, message_text: true}
                shutdown: {deadline_seconds: 30}
                """, Map.of("SALT", "0123456789abcdef0123")).config().operations();

        assertTrue(settings.admins().isAdmin(Platform.TELEGRAM, "12345"));
        assertTrue(settings.admins().isAdmin(Platform.TELEGRAM, "67890"));
        assertTrue(settings.admins().isAdmin(Platform.DISCORD, "112233445566778899"));
        assertFalse(settings.admins().isAdmin(Platform.DISCORD, "12345"));
        assertEquals(new OperationsSettings.Http(false, "::1", 9090), settings.http());
        assertEquals(new OperationsSettings.RateLimit(true, 3, 0.5), settings.rateLimit());
        assertEquals(new OperationsSettings.Unanswered(true, folder.resolve("data/questions.jsonl"),
                Optional.of(new Secret("0123456789abcdef0123")), 64 * 1024, 0, Duration.ofDays(7)),
                settings.unanswered());
        assertEquals(new OperationsSettings.Reload(false, Duration.ofMillis(250)), settings.reload());
        assertEquals(new OperationsSettings.Logging(true, true), settings.logging());
        assertEquals(Duration.ofSeconds(30), settings.shutdown().deadline());
    }

    @Test
    void reportsEveryMistakeWithItsLine() throws IOException {
        List<String> errors = errors("""
                admins:
                  telegram: [alice]
                http:
                  address: example.org:80
                rate_limit:
                  burst: 0
                  per_minut: 10
                unanswered:
                  salt: short
                  retention_days: forever
                logging:
                  format: xml
                shutdown:
                  deadline_seconds: 0
                """);

        assertEquals(List.of(
                where(2) + "each item of admins.telegram must be a numeric user id, but is 'alice': ask @userinfobot"
                        + " for your Telegram id; user names are not accepted because they can change",
                where(4) + "http.address must be host:port with an IP address or localhost, for example"
                        + " 127.0.0.1:8080 or [::1]:8080, but is 'example.org:80' (a host name would need a DNS"
                        + " lookup at start-up)",
                where(7) + "unknown key 'per_minut' in rate_limit (did you mean 'per_minute'?): the allowed keys are"
                        + " enabled, burst, per_minute",
                where(6) + "rate_limit.burst must be a whole number from 1 to 1000, but is 0",
                where(9) + "unanswered.salt must be at least 16 characters, so the user-id hashes cannot be guessed:"
                        + " use a long random value, or leave it empty to let the bot generate one next to the file",
                where(10) + "unanswered.retention_days must be a whole number from 1 to 3650, but is 'forever'",
                where(12) + "logging.format must be text or json, but is 'xml'",
                where(14) + "shutdown.deadline_seconds must be a whole number from 1 to 600, but is 0"), errors);
    }

    @Test
    void warnsWhenTheEndpointIsReachableFromOtherMachines() throws IOException {
        List<String> warnings = load("http:\n  address: 0.0.0.0:8080\n", Map.of()).warnings();
        assertEquals(List.of(where(2) + "http.address 0.0.0.0:8080 is reachable from other machines: /metrics shows"
                + " usage figures, so keep it behind a firewall or use 127.0.0.1"), warnings);
    }

    @Test
    void theShippedConfigDocumentsEveryOperationsKeyWithItsDefault() throws IOException {
        OperationsSettings shipped = new ConfigLoader(Map.of())
                .load(YamlSource.file(Path.of("config", "careerbot.yml"))).config().operations();
        OperationsSettings defaults = OperationsSettings.defaults(Path.of("config"));
        assertEquals(defaults, shipped);
    }
}
