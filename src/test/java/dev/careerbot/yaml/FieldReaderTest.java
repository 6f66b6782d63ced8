package dev.careerbot.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class FieldReaderTest {

    private final Findings findings = new Findings("f.yml");
    private final FieldReader fields = new FieldReader(findings);

    private YamlMapping read(String text) {
        return (YamlMapping) new YamlReader().read("f.yml", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void namesTheAllowedKeysAndTheLikelyOneForAnUnknownKey() {
        fields.mapping(read("a: 1\nsesions: 2\n"), "the config", List.of("a", "sessions"));
        assertEquals(List.of("f.yml:2: unknown key 'sesions' in the config (did you mean 'sessions'?):"
                + " the allowed keys are a, sessions"), findings.errors());
    }

    @Test
    void reportsANumberOutOfRange() {
        OptionalInt value = fields.integer(read("n: 0\n").get("n").orElseThrow(), "n", 1, 10);
        assertTrue(value.isEmpty());
        assertEquals(List.of("f.yml:1: n must be a whole number from 1 to 10, but is 0"), findings.errors());
    }

    @Test
    void reportsTextWhereANumberBelongs() {
        OptionalDouble value = fields.decimal(read("n: lots\n").get("n").orElseThrow(), "n", 0, false, 1);
        assertTrue(value.isEmpty());
        assertEquals(List.of("f.yml:1: n must be a number from 0 to 1, but is 'lots'"), findings.errors());
    }

    @Test
    void readsAWholeNumberWrittenAsText() {
        assertEquals(OptionalInt.of(50), fields.integer(read("n: '50'\n").get("n").orElseThrow(), "n", 1, 50));
        assertEquals(List.of(), findings.errors());
    }

    @Test
    void reportsSomethingElseThanTrueOrFalse() {
        fields.bool(read("enabled: maybe\n").get("enabled").orElseThrow(), "enabled");
        assertEquals(List.of("f.yml:1: enabled must be true or false, but is 'maybe'"), findings.errors());
    }

    @Test
    void reportsAListWhereTextBelongs() {
        fields.text(read("title: [a, b]\n").get("title").orElseThrow(), "title");
        assertEquals(List.of("f.yml:1: title must be text, but is a list"), findings.errors());
    }

    @Test
    void stripsTextAndNormalisesLineBreaks() {
        assertEquals("one\ntwo", FieldReader.normalise("  one\r\ntwo\r\n"));
    }
}
