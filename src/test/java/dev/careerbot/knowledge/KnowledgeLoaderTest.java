package dev.careerbot.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.careerbot.yaml.YamlSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeLoaderTest {


    /** A small valid knowledge base; each test breaks one line of it. */
    private static final String VALID = """
            synonyms:
              nlp: natural language processing
            subjects:
              - id: nlp_engineer
                name: NLP engineer
                aliases: [nlp engineer, natural language]
            intents:
              - id: role.nlp
                title: NLP engineer
                subject: nlp_engineer
                facet: overview
                examples: [what does an nlp engineer do, nlp job, q3, q4, q5, q6, q7, q8, q9, q10]
                answer: NLP engineers build language systems.
                related: [out_of_scope]
              - id: out_of_scope
                title: Outside what I know
                examples: [weather today, football scores, w3, w4, w5, w6, w7, w8, w9, w10]
                answer: I only know about careers in AI.
                related: [role.nlp]
            """;

    @TempDir
    Path folder;

    private final KnowledgeLoader loader = new KnowledgeLoader();

    private Path write(String text) throws IOException {
        return Files.writeString(folder.resolve("knowledge.yml"), text);
    }

    private List<String> errors(String text) throws IOException {
        Path file = write(text);
        KnowledgeException e = assertThrows(KnowledgeException.class, () -> loader.load(file));
        return e.problems();
    }

    private String where(int line) {
        return folder.resolve("knowledge.yml") + ":" + line + ": ";
    }

    @Test
    void loadsIntentsSubjectsAndSynonyms() throws IOException {
        KnowledgeLoader.Loaded loaded = loader.load(write(VALID));
        KnowledgeBase base = loaded.base();
        assertEquals(List.of("role.nlp", "out_of_scope"), base.intents().stream().map(Intent::id).toList());
        Intent nlp = base.intent("role.nlp").orElseThrow();
        assertEquals("NLP engineer", nlp.title());
        assertEquals(Optional.of("nlp_engineer"), nlp.subject());
        assertEquals(Optional.of("overview"), nlp.facet());
        assertEquals(10, nlp.examples().size());
        assertEquals("NLP engineers build language systems.", nlp.answer());
        assertEquals(List.of("out_of_scope"), nlp.related());
        assertEquals(8, nlp.line());
        assertEquals(List.of(new Subject("nlp_engineer", "NLP engineer", List.of("nlp engineer", "natural language"))),
                base.subjects());
        assertEquals(Map.of("nlp", "natural language processing"), base.synonyms());
        assertEquals(List.of(), loaded.warnings());
    }

    @Test
    void keepsOutOfScopeAsTheFallbackIntentAndItsExamplesAsOutOfScopeExamples() throws IOException {
        KnowledgeBase base = loader.load(write(VALID)).base();
        assertEquals("I only know about careers in AI.",
                base.intent(KnowledgeBase.OUT_OF_SCOPE).orElseThrow().answer());
        assertEquals("weather today", base.outOfScopeExamples().get(0));
        assertEquals(10, base.outOfScopeExamples().size());
    }

    @Test
    void hashesTheFileBytesWithSha256() throws Exception {
        Path file = write(VALID);
        String expected = HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        assertEquals(expected, loader.load(file).base().contentHash());
        assertEquals(file.toString(), loader.load(file).base().source());
    }

    @Test
    void stripsTextAndNormalisesWindowsLineBreaks() throws IOException {
        String windows = VALID.replace("    answer: I only know about careers in AI.\n",
                "    answer: |\n      I only know\n\n      about AI.   \n").replace("\n", "\r\n");
        Intent fallback = loader.load(write(windows)).base().intent(KnowledgeBase.OUT_OF_SCOPE).orElseThrow();
        assertEquals("I only know\n\nabout AI.", fallback.answer());
    }

    @Test
    void namesTheLineOfBrokenYaml() throws IOException {
        List<String> errors = errors(VALID.replace("    title: NLP engineer\n", "    title: [NLP engineer\n"));
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith(where(10)), errors.get(0));
        assertTrue(errors.get(0).contains("check the indentation and quoting near this line"), errors.get(0));
    }

    @Test
    void namesAnUnknownKeyAndTheAllowedOnes() throws IOException {
        List<String> errors = errors(VALID.replace("    facet: overview\n", "    facets: overview\n"));
        assertEquals(List.of(where(11) + "unknown key 'facets' in an intent (did you mean 'facet'?): the allowed keys"
                + " are id, title, subject, facet, examples, answer, by_subject, related"), errors);
    }

    @Test
    void namesBothLinesOfADuplicateId() throws IOException {
        List<String> errors = errors(VALID.replace("  - id: out_of_scope\n", "  - id: role.nlp\n"));
        assertTrue(errors.contains(where(15) + "the intent id 'role.nlp' is used twice (first on line 8): give each"
                + " intent its own id"), errors.toString());
    }

    @Test
    void requiresTenExamples() throws IOException {
        List<String> errors = errors(VALID.replace("nlp job, ", ""));
        assertEquals(List.of(where(12) + "intent 'role.nlp' has 9 examples; it needs at least 10: add questions as"
                + " people really write them"), errors);
    }

    @Test
    void requiresTenExamplesOfOutOfScopeToo() throws IOException {
        List<String> errors = errors(VALID.replace("football scores, ", ""));
        assertEquals(List.of(where(17) + "intent 'out_of_scope' has 9 examples; it needs at least 10: add questions"
                + " as people really write them"), errors);
    }

    @Test
    void rejectsEmptyAndDuplicateExamples() throws IOException {
        List<String> errors = errors(VALID.replace(
                "    examples: [what does an nlp engineer do, nlp job, q3, q4, q5, q6, q7, q8, q9, q10]\n",
                "    examples:\n      - q1\n      - ''\n      - Q1\n" + "      - q2\n      - q3\n      - q4\n"
                        + "      - q5\n      - q6\n      - q7\n      - q8\n      - q9\n      - q10\n"));
        assertEquals(List.of(
                where(14) + "an item of intent 'role.nlp' examples is empty: remove the line or fill it in",
                where(15) + "intent 'role.nlp': the example 'Q1' appears twice (first on line 13): remove one or"
                        + " reword it"), errors);
    }

    @Test
    void namesAnUnknownRelatedIdAndTheLikelyOne() throws IOException {
        List<String> errors = errors(VALID.replace("    related: [role.nlp]\n", "    related: [role.nlpp]\n"));
        assertEquals(List.of(where(19) + "intent 'out_of_scope' lists 'role.nlpp' as related, but there is no intent"
                + " with that id (did you mean 'role.nlp'?): fix the id or remove it"), errors);
    }

    @Test
    void namesAnUnknownSubject() throws IOException {
        List<String> errors = errors(VALID.replace("    subject: nlp_engineer\n", "    subject: cv_engineer\n"));
        assertEquals(List.of(where(10) + "intent 'role.nlp' names the subject 'cv_engineer', which is not among the"
                + " subjects (did you mean 'nlp_engineer'?): fix the name or add the subject"), errors);
    }

    @Test
    void requiresAliasesOfASubject() throws IOException {
        List<String> errors = errors(VALID.replace("    aliases: [nlp engineer, natural language]\n", "    aliases: []\n"));
        assertEquals(List.of(where(6) + "subject 'nlp_engineer' has no aliases: add the words people use for it,"
                + " for example aliases: [nlp engineer, nlp]"), errors);
    }

    @Test
    void requiresIdTitleAndAnswer() throws IOException {
        List<String> errors = errors(VALID
                .replace("  - id: role.nlp\n    title: NLP engineer\n", "  - title: NLP engineer\n")
                .replace("    answer: I only know about careers in AI.\n", "")
                .replace("    title: Outside what I know\n", "    title:\n"));
        assertTrue(errors.contains(where(8) + "this intent has no id: add id: with letters, digits, '.' and '_'"),
                errors.toString());
        assertTrue(errors.contains(where(15) + "intent 'out_of_scope' has no title: add a short name for buttons,"
                + " for example title: Skills of an NLP engineer"), errors.toString());
        assertTrue(errors.contains(where(14) + "intent 'out_of_scope' has no answer: add the reply, for example"
                + " answer: |"), errors.toString());
    }

    @Test
    void rejectsIdsWithOtherCharacters() throws IOException {
        List<String> errors = errors(VALID.replace("  - id: role.nlp\n", "  - id: role nlp\n"));
        assertTrue(errors.contains(where(8) + "the intent id 'role nlp' may hold only letters, digits, '.' and '_':"
                + " for example role.nlp_engineer.skills"), errors.toString());
    }

    @Test
    void reportsAValueOfTheWrongType() throws IOException {
        List<String> errors = errors(VALID.replace(
                "    examples: [weather today, football scores, w3, w4, w5, w6, w7, w8, w9, w10]\n",
                "    examples: weather today\n"));
        assertEquals(List.of(where(17) + "intent 'out_of_scope' examples must be a list (lines starting with '- ' or"
                        + " [a, b]), but is text",
                where(17) + "intent 'out_of_scope' has 0 examples; it needs at least 10: add questions as people"
                        + " really write them"), errors);
    }

    @Test
    void requiresAnOutOfScopeIntent() throws IOException {
        String without = VALID.substring(0, VALID.indexOf("  - id: out_of_scope")).replace("[out_of_scope]", "[role.nlp]");
        List<String> errors = errors(without);
        assertEquals(List.of(where(7) + "there is no intent with id out_of_scope: add one; its examples are questions"
                + " the bot must not answer, its answer the reply to them"), errors);
    }

    @Test
    void reportsEveryProblemNotOnlyTheFirst() throws IOException {
        List<String> errors = errors(VALID
                .replace("    facet: overview\n", "    facets: overview\n")
                .replace("football scores, ", "")
                .replace("    related: [role.nlp]\n", "    related: [nowhere]\n"));
        assertEquals(3, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith(where(11)), errors.toString());
        assertTrue(errors.get(1).startsWith(where(17)), errors.toString());
        assertTrue(errors.get(2).startsWith(where(19)), errors.toString());
    }

    @Test
    void warnsAboutALongAnswerAndAMissingRelatedListWithoutFailing() throws IOException {
        String answer = "x".repeat(KnowledgeLoader.MAX_ANSWER_CHARS + 1);
        KnowledgeLoader.Loaded loaded = loader.load(write(VALID
                .replace("    answer: NLP engineers build language systems.\n", "    answer: " + answer + "\n")
                .replace("    related: [role.nlp]\n", "")));
        assertEquals(List.of(
                where(13) + "intent 'role.nlp' has an answer of 1201 characters; keep it under 1200 so it reads well"
                        + " in a chat",
                where(15) + "intent 'out_of_scope' has no related intents: add related: [...] so the reply can"
                        + " suggest where to go next"), loaded.warnings());
        assertEquals(2, loaded.base().intents().size());
    }

    @Test
    void warnsAboutMarkupTheChatWouldShowAsRawCharacters() throws IOException {
        KnowledgeLoader.Loaded loaded = loader.load(write(VALID.replace(
                "    answer: NLP engineers build language systems.\n",
                "    answer: |\n      NLP engineers build **language systems.\n\n      - see [the guide](ftp://x.org)\n")));
        assertEquals(List.of(
                where(13) + "intent 'role.nlp' has a ** without its closing ** in its answer: the chat shows the stars"
                        + " as they are; close the bold text on the same line",
                where(13) + "intent 'role.nlp' has a link that is not [label](https://...) in its answer: the chat"
                        + " shows it as text; write the label in [] and an http or https address in ()"),
                loaded.warnings());
    }

    @Test
    void checkReturnsErrorsAndWarningsWithoutThrowing() throws IOException {
        Path file = write(VALID.replace("    related: [role.nlp]\n", "").replace("nlp job, ", ""));
        KnowledgeLoader.Report report = loader.check(YamlSource.file(file));
        assertEquals(1, report.errors().size(), report.errors().toString());
        assertEquals(1, report.warnings().size(), report.warnings().toString());
    }

    @Test
    void namesTheFileOfInvalidUtf8() throws IOException {
        byte[] bytes = VALID.replace("NLP engineers", "\u0000NLP").getBytes(StandardCharsets.UTF_8);
        bytes[VALID.indexOf("NLP engineers build")] = (byte) 0xc3;
        Path file = Files.write(folder.resolve("knowledge.yml"), bytes);
        KnowledgeException e = assertThrows(KnowledgeException.class, () -> loader.load(file));
        assertEquals(1, e.problems().size());
        assertTrue(e.problems().get(0).startsWith(where(13) + "is not valid UTF-8 text"), e.problems().get(0));
    }

    @Test
    void namesAMissingFile() {
        Path file = folder.resolve("nowhere.yml");
        KnowledgeException e = assertThrows(KnowledgeException.class, () -> loader.load(file));
        assertTrue(e.problems().get(0).startsWith(file + ": no such file"), e.problems().get(0));
    }

    @Test
    void loadsTheKnowledgeBaseBundledInTheJar() {
        KnowledgeLoader.Loaded loaded = loader.load(YamlSource.resource("bundled/knowledge.yml"));
        assertEquals("classpath:bundled/knowledge.yml", loaded.base().source());
        assertTrue(loaded.base().intent(KnowledgeBase.OUT_OF_SCOPE).isPresent());
        assertFalse(loaded.base().outOfScopeExamples().isEmpty());
    }

    @Test
    void theShippedKnowledgeBaseHasNoErrors() {
        KnowledgeLoader.Report report = loader.check(YamlSource.file(Path.of("config", "knowledge.yml")));
        assertEquals(List.of(), report.errors());
    }

    @Test
    void loadsAnswersBySubject() throws IOException {
        String text = VALID.replace("""
                    answer: NLP engineers build language systems.
                """, """
                    answer: NLP engineers build language systems.
                    by_subject:
                      nlp_engineer: Only about NLP.
                """);
        Intent nlp = loader.load(write(text)).base().intent("role.nlp").orElseThrow();
        assertEquals(Map.of("nlp_engineer", "Only about NLP."), nlp.answersBySubject());
        assertEquals("Only about NLP.", nlp.answerFor(Optional.of("nlp_engineer")));
        assertEquals("NLP engineers build language systems.", nlp.answerFor(Optional.of("robotics")));
    }

    @Test
    void namesTheLineOfAnAnswerForAnUnknownSubject() throws IOException {
        String text = VALID.replace("""
                    answer: NLP engineers build language systems.
                """, """
                    answer: NLP engineers build language systems.
                    by_subject:
                      nlp_enginer: Only about NLP.
                """);
        List<String> errors = errors(text);
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith(where(15) + "intent 'role.nlp' has an answer for the subject 'nlp_enginer'"),
                errors.get(0));
        assertTrue(errors.get(0).contains("nlp_engineer"), "suggests the right id: " + errors.get(0));
    }

    @Test
    void rejectsAnswersBySubjectThatAreNotAMapping() throws IOException {
        String text = VALID.replace("""
                    answer: NLP engineers build language systems.
                """, """
                    answer: NLP engineers build language systems.
                    by_subject: [nlp_engineer]
                """);
        List<String> errors = errors(text);
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith(where(14) + "intent 'role.nlp' by_subject must map subject ids to answers"),
                errors.get(0));
    }
}
