package dev.careerbot.yaml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlSourceTest {

    @TempDir
    Path folder;

    @Test
    void readsAFile() throws IOException {
        Path file = Files.writeString(folder.resolve("a.yml"), "a: 1\n");
        assertArrayEquals("a: 1\n".getBytes(StandardCharsets.UTF_8), YamlSource.file(file).read());
    }

    @Test
    void refusesAFileOverFiveMegabytes() throws IOException {
        Path file = Files.write(folder.resolve("huge.yml"), new byte[YamlSource.MAX_BYTES + 1]);
        YamlException e = assertThrows(YamlException.class, () -> YamlSource.file(file).read());
        assertEquals(file + ": is 5.0 MB, more than the 5 MB this bot reads: check that it is the right file,"
                + " or split it", e.problems().get(0));
    }

    @Test
    void namesAMissingFile() {
        Path file = folder.resolve("missing.yml");
        YamlException e = assertThrows(YamlException.class, () -> YamlSource.file(file).read());
        assertTrue(e.problems().get(0).startsWith(file + ": no such file"), e.problems().get(0));
        assertFalse(YamlSource.file(file).exists());
    }

    @Test
    void saysAFolderIsNotAFile() {
        YamlException e = assertThrows(YamlException.class, () -> YamlSource.file(folder).read());
        assertEquals(folder + ": is a folder, not a file: name the YAML file itself", e.problems().get(0));
    }

    @Test
    void resolvesARelativeNameAgainstTheFolderOfTheFile() {
        YamlSource config = YamlSource.file(folder.resolve("conf/careerbot.yml"));
        assertEquals(YamlSource.file(folder.resolve("conf/knowledge.yml")), config.resolve("knowledge.yml"));
        assertEquals(YamlSource.file(folder.resolve("kb.yml")), config.resolve(folder.resolve("kb.yml").toString()));
    }

    @Test
    void resolvesARelativeNameOfAResourceInTheSameResourceFolder() {
        assertEquals(YamlSource.resource("bundled/knowledge.yml"),
                YamlSource.resource("bundled/careerbot.yml").resolve("knowledge.yml"));
    }

    @Test
    void readsABundledResource() {
        YamlSource bundled = YamlSource.resource("bundled/careerbot.yml");
        assertTrue(bundled.exists());
        assertEquals("classpath:bundled/careerbot.yml", bundled.name());
        assertTrue(new String(bundled.read(), StandardCharsets.UTF_8).contains("knowledge_base:"));
    }

    @Test
    void saysWhenAResourceIsNotBundled() {
        YamlSource missing = YamlSource.resource("bundled/nothing.yml");
        assertFalse(missing.exists());
        YamlException e = assertThrows(YamlException.class, missing::read);
        assertEquals("classpath:bundled/nothing.yml: not bundled in this jar: rebuild it with mvn package",
                e.problems().get(0));
    }
}
