package dev.careerbot;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The labelled data the tests and benchmarks read, all inside the repository under
 * {@code src/test/resources/} (the dev questions and intent list under {@code eval/}, CLINC150
 * under {@code datasets/clinc150/}). Maven runs tests in the project folder, so the paths are
 * relative to it. A missing file fails with its name instead of skipping the test.
 */
public final class TestData {

    private static final Path ROOT = Path.of("src", "test", "resources");

    private TestData() {}

    /** The dev questions of the knowledge base ({@code text}, {@code expect}, optional {@code session}). */
    public static Path devQuestions() {
        return file("eval/dev.jsonl");
    }

    /** A file of the CLINC150 full split: train, oos_train, val or test. */
    public static Path clinc150(String split) {
        return file("datasets/clinc150/" + split + ".jsonl");
    }

    /** A file under {@code src/test/resources/}, which must exist. */
    public static Path file(String relative) {
        Path path = ROOT.resolve(relative);
        if (!Files.isRegularFile(path)) {
            throw new AssertionError("missing test data: " + path.toAbsolutePath()
                    + " (it is part of the repository; restore it with git checkout -- " + path + ")");
        }
        return path;
    }
}
