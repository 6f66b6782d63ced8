package dev.careerbot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.careerbot.yaml.YamlSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps docs/configuration.md and the config loader in step: every key the loader accepts has a
 * row in the document, and every key the document names is one the loader accepts. A key row is
 * a table row whose first cell is the full dotted key in backticks: {@code | `matcher.mode` | ...}.
 */
class ConfigurationDocTest {

    private static final Path DOCUMENT = Path.of("docs", "configuration.md");
    private static final Pattern KEY_ROW = Pattern.compile("^\\|\\s*`([^`]+)`\\s*\\|(.*)\\|\\s*$");

    @TempDir
    Path folder;

    /** A documented key with the rest of its table row: default and meaning. */
    private record DocumentedKey(int line, String key, List<String> cells) {}

    private static List<DocumentedKey> documentedKeys() throws IOException {
        assertTrue(Files.isRegularFile(DOCUMENT), "missing " + DOCUMENT.toAbsolutePath());
        List<String> lines = Files.readAllLines(DOCUMENT);
        List<DocumentedKey> keys = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher row = KEY_ROW.matcher(lines.get(i));
            if (row.matches()) {
                List<String> cells = List.of(row.group(2).split("\\|", -1)).stream().map(String::strip).toList();
                keys.add(new DocumentedKey(i + 1, row.group(1), cells));
            }
        }
        return keys;
    }

    @Test
    void documentsEveryKeyTheLoaderAccepts() throws IOException {
        TreeSet<String> documented = new TreeSet<>();
        documentedKeys().forEach(key -> documented.add(key.key()));
        List<String> missing = ConfigLoader.acceptedKeys().stream().filter(key -> !documented.contains(key)).toList();
        assertEquals(List.of(), missing, DOCUMENT + " lacks these keys the config loader accepts: add a row"
                + " | `key` | default | meaning | for each");
    }

    @Test
    void documentsNoKeyTheLoaderRejects() throws IOException {
        List<String> accepted = ConfigLoader.acceptedKeys();
        List<String> unknown = documentedKeys().stream().filter(key -> !accepted.contains(key.key()))
                .map(key -> DOCUMENT + ":" + key.line() + ": " + key.key()).toList();
        assertEquals(List.of(), unknown, "keys the config loader does not accept: remove or correct them");
    }

    @Test
    void documentsEachKeyOnceWithItsDefaultAndMeaning() throws IOException {
        List<String> problems = new ArrayList<>();
        TreeSet<String> seen = new TreeSet<>();
        for (DocumentedKey key : documentedKeys()) {
            if (!seen.add(key.key())) {
                problems.add(DOCUMENT + ":" + key.line() + ": " + key.key() + " is documented twice");
            }
            if (key.cells().size() != 2 || key.cells().stream().anyMatch(String::isEmpty)) {
                problems.add(DOCUMENT + ":" + key.line() + ": " + key.key()
                        + " needs exactly two more cells, its default and its meaning");
            }
        }
        assertEquals(List.of(), problems);
    }

    /**
     * The key list the document is checked against is what the loader reads: a config that sets
     * any one of those keys is never told the key is unknown, and a made-up key is.
     */
    @Test
    void acceptedKeysAreTheKeysTheLoaderReads() throws IOException {
        Files.writeString(folder.resolve("knowledge.yml"), "intents: []\n");
        for (String key : ConfigLoader.acceptedKeys()) {
            List<String> errors = checkConfigSetting(key);
            String leaf = key.substring(key.lastIndexOf('.') + 1);
            assertFalse(errors.stream().anyMatch(error -> error.contains("unknown key '" + leaf + "'")),
                    key + " is listed as accepted but the loader rejects it: " + errors);
        }
        List<String> madeUp = checkConfigSetting("matcher.no_such_key");
        assertTrue(madeUp.stream().anyMatch(error -> error.contains("unknown key 'no_such_key'")), madeUp.toString());
    }

    private List<String> checkConfigSetting(String dottedKey) throws IOException {
        String[] parts = dottedKey.split("\\.");
        StringBuilder yaml = new StringBuilder();
        for (int depth = 0; depth < parts.length; depth++) {
            yaml.append("  ".repeat(depth)).append(parts[depth]).append(':');
            yaml.append(depth == parts.length - 1 ? " x\n" : "\n");
        }
        Path config = Files.writeString(folder.resolve("careerbot.yml"), yaml);
        return new ConfigLoader(Map.of(), folder).check(YamlSource.file(config)).errors();
    }
}
