package dev.careerbot.embedding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbeddingCacheTest {

    private static final List<String> EXAMPLES = List.of(
            "what does an NLP engineer do", "skills for computer vision", "", "how much do data scientists earn");

    @TempDir
    Path folder;

    private SentenceEncoder encoder;
    /** The same model, closed: embedding with it fails, so a call that succeeds read the file. */
    private SentenceEncoder closedEncoder;

    @BeforeAll
    void openEncoders() {
        encoder = SentenceEncoder.open(SentenceEncoderTest.CACHE, 1000);
        closedEncoder = SentenceEncoder.open(SentenceEncoderTest.CACHE, 1000);
        closedEncoder.close();
    }

    @AfterAll
    void closeEncoder() {
        encoder.close();
    }

    @Test
    void restartReadsTheVectorsInsteadOfEmbeddingAgain() {
        float[][] first = new EmbeddingCache(folder).embeddings("examples", EXAMPLES, encoder);

        float[][] afterRestart = new EmbeddingCache(folder).embeddings("examples", EXAMPLES, closedEncoder);

        assertVectorsEqual(first, afterRestart);
        assertVectorsEqual(fresh(EXAMPLES), afterRestart);
    }

    @Test
    void aFreshFolderStartsFromTheVectorsInTheJarAndKeepsACopy() throws IOException {
        Path build = folder.resolve("build");
        new EmbeddingCache(build).embeddings("examples", EXAMPLES, encoder);
        Path classes = folder.resolve("classes");
        Files.createDirectories(classes.resolve(EmbeddingCache.BUNDLED_FOLDER));
        Files.copy(build.resolve("examples.vectors"), classes.resolve(EmbeddingCache.BUNDLED_FOLDER + "examples.vectors"));
        Path fresh = folder.resolve("fresh");
        try (URLClassLoader jar = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
            float[][] vectors = new EmbeddingCache(fresh, Optional.of(jar)).embeddings("examples", EXAMPLES, closedEncoder);

            assertVectorsEqual(fresh(EXAMPLES), vectors);
        }
        assertVectorsEqual(fresh(EXAMPLES), new EmbeddingCache(fresh).embeddings("examples", EXAMPLES, closedEncoder));
    }

    @Test
    void embedsAgainWhenTheExamplesChange() {
        EmbeddingCache cache = new EmbeddingCache(folder);
        cache.embeddings("examples", EXAMPLES, encoder);
        List<String> edited = List.of("what does an NLP engineer do", "skills for robotics");

        float[][] vectors = cache.embeddings("examples", edited, encoder);

        assertVectorsEqual(fresh(edited), vectors);
        assertVectorsEqual(fresh(edited), cache.embeddings("examples", edited, closedEncoder));
    }

    @Test
    void embedsAgainWhenTheInputLimitChanges() {
        new EmbeddingCache(folder).embeddings("examples", EXAMPLES, encoder);

        try (SentenceEncoder shortReader = SentenceEncoder.open(SentenceEncoderTest.CACHE, 10)) {
            float[][] vectors = new EmbeddingCache(folder).embeddings("examples", EXAMPLES, shortReader);
            assertArrayEquals(shortReader.encode(EXAMPLES.get(0)), vectors[0], 1e-6f);
        }
    }

    @Test
    void ignoresAndRewritesADamagedFile() throws IOException {
        EmbeddingCache cache = new EmbeddingCache(folder);
        cache.embeddings("examples", EXAMPLES, encoder);
        Path file = cache.file("examples");
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(file, bytes);

        float[][] vectors = cache.embeddings("examples", EXAMPLES, encoder);

        assertVectorsEqual(fresh(EXAMPLES), vectors);
        assertVectorsEqual(fresh(EXAMPLES), cache.embeddings("examples", EXAMPLES, closedEncoder));
    }

    @Test
    void ignoresATruncatedOrForeignFile() throws IOException {
        EmbeddingCache cache = new EmbeddingCache(folder);
        cache.embeddings("examples", EXAMPLES, encoder);
        Path file = cache.file("examples");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 100));
        assertVectorsEqual(fresh(EXAMPLES), cache.embeddings("examples", EXAMPLES, encoder));

        Files.writeString(file, "not vectors at all");
        assertVectorsEqual(fresh(EXAMPLES), cache.embeddings("examples", EXAMPLES, encoder));
    }

    @Test
    void leavesOnlyTheFinishedFileInItsFolder() throws IOException {
        new EmbeddingCache(folder).embeddings("examples", EXAMPLES, encoder);
        new EmbeddingCache(folder).embeddings("examples", List.of("another set"), encoder);

        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of(folder.resolve("examples.vectors")), files.toList());
        }
    }

    @Test
    void stillAnswersWhenTheFolderCannotBeWritten() throws IOException {
        Path notAFolder = Files.writeString(folder.resolve("plain-file"), "x");

        float[][] vectors = new EmbeddingCache(notAFolder).embeddings("examples", EXAMPLES, encoder);

        assertVectorsEqual(fresh(EXAMPLES), vectors);
    }

    @Test
    void refusesANameThatCouldLeaveTheFolder() {
        EmbeddingException error = assertThrows(EmbeddingException.class,
                () -> new EmbeddingCache(folder).embeddings("../outside", EXAMPLES, encoder));

        assertTrue(error.getMessage().contains("'../outside'"), error.getMessage());
    }

    private float[][] fresh(List<String> texts) {
        return texts.stream().map(encoder::encode).toArray(float[][]::new);
    }

    private static void assertVectorsEqual(float[][] expected, float[][] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], actual[i], 1e-6f, "vector " + i);
        }
    }
}
