package dev.careerbot.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class YamlReaderTest {

    private final YamlReader reader = new YamlReader();

    private YamlNode read(String text) {
        return reader.read("test.yml", text.getBytes(StandardCharsets.UTF_8));
    }

    private String onlyProblem(String text) {
        YamlException e = assertThrows(YamlException.class, () -> read(text));
        assertEquals(1, e.problems().size(), e.problems().toString());
        return e.problems().get(0);
    }

    @Test
    void keepsTheLineOfEveryKeyAndValue() {
        YamlMapping root = (YamlMapping) read("""
                # a comment
                name: CareerBot
                items:
                  - first
                  - id: second
                    answer: |
                      line one
                      line two
                """);
        assertEquals(List.of("name", "items"), root.keys());
        assertEquals(2, root.entry("name").orElseThrow().line());
        YamlSequence items = (YamlSequence) root.get("items").orElseThrow();
        assertEquals(4, items.items().get(0).line());
        YamlMapping second = (YamlMapping) items.items().get(1);
        assertEquals(5, second.line());
        YamlEntry answer = second.entry("answer").orElseThrow();
        assertEquals(6, answer.line());
        assertEquals("line one\nline two\n", ((YamlScalar) answer.value()).text());
    }

    @Test
    void tellsQuotedNumbersFromNumbersAndEmptyValues() {
        YamlMapping root = (YamlMapping) read("a: 12\nb: '12'\nc: true\nd: ~\n");
        assertEquals(YamlScalar.Type.NUMBER, ((YamlScalar) root.get("a").orElseThrow()).type());
        assertEquals(YamlScalar.Type.TEXT, ((YamlScalar) root.get("b").orElseThrow()).type());
        assertEquals(YamlScalar.Type.BOOLEAN, ((YamlScalar) root.get("c").orElseThrow()).type());
        assertTrue(((YamlScalar) root.get("d").orElseThrow()).isNull());
    }

    @Test
    void readsAnEmptyDocumentAsNothing() {
        assertTrue(FieldReader.isEmpty(read("# only a comment\n")));
    }

    @Test
    void namesTheLineOfBrokenYamlWithoutAStackTrace() {
        String problem = onlyProblem("a: 1\nb: [x, y\nc: 2\n");
        assertTrue(problem.startsWith("test.yml:3: "), problem);
        assertTrue(problem.endsWith("check the indentation and quoting near this line"), problem);
        assertFalse(problem.contains("\n"), problem);
        assertFalse(problem.contains("Exception"), problem);
    }

    @Test
    void saysWhenAnIndentationDoesNotLineUp() {
        String problem = onlyProblem("a:\n  b: 1\n c: 2\n");
        assertTrue(problem.startsWith("test.yml:3: the indentation of this line does not line up"), problem);
    }

    @Test
    void saysThatTabsCannotIndent() {
        String problem = onlyProblem("a: 1\n\tb: 2\n");
        assertTrue(problem.startsWith("test.yml:2: a tab is used for indentation; YAML needs spaces"), problem);
    }

    @Test
    void explainsAnUnquotedColonInAValue() {
        String problem = onlyProblem("title: Skills: the list\n");
        assertTrue(problem.startsWith("test.yml:1: unexpected ':' (text that contains ': ' must be put in quotes)"),
                problem);
    }

    @Test
    void namesBothLinesOfADuplicateKey() {
        String problem = onlyProblem("a: 1\nb: 2\na: 3\n");
        assertEquals("test.yml:3: the key 'a' appears twice (first on line 1): remove one of them", problem);
    }

    @Test
    void rejectsAliases() {
        String problem = onlyProblem("a: &x 1\nb: *x\n");
        assertEquals("test.yml:2: the alias *x is not supported: write the value out in full", problem);
    }

    @Test
    void rejectsASecondDocument() {
        String problem = onlyProblem("a: 1\n---\nb: 2\n");
        assertTrue(problem.startsWith("test.yml:3: a second document"), problem);
    }

    @Test
    void namesTheLineOfInvalidUtf8() {
        byte[] bytes = {'a', ':', ' ', '1', '\n', 'b', ':', ' ', (byte) 0xff, '\n'};
        YamlException e = assertThrows(YamlException.class, () -> reader.read("test.yml", bytes));
        assertEquals(List.of("test.yml:2: is not valid UTF-8 text (byte 8): save the file with UTF-8 encoding"),
                e.problems());
    }

    @Test
    void skipsAByteOrderMark() {
        byte[] text = "a: 1\n".getBytes(StandardCharsets.UTF_8);
        byte[] withMark = new byte[text.length + 3];
        withMark[0] = (byte) 0xef;
        withMark[1] = (byte) 0xbb;
        withMark[2] = (byte) 0xbf;
        System.arraycopy(text, 0, withMark, 3, text.length);
        YamlMapping root = assertInstanceOf(YamlMapping.class, reader.read("test.yml", withMark));
        assertEquals(List.of("a"), root.keys());
    }
}
