package dev.careerbot;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The read-only data beside the clone ({@code ../shared/} of the project folder, as on CI), or
 * under {@code /work/shared/} on the development machine. A missing file fails the test with a
 * clear message instead of skipping it.
 */
final class SharedData {

    private SharedData() {}

    static Path file(String relative) {
        Path besideTheClone = Path.of("").toAbsolutePath().resolveSibling("shared").resolve(relative);
        if (Files.isRegularFile(besideTheClone)) {
            return besideTheClone;
        }
        Path onThisMachine = Path.of("/work/shared").resolve(relative);
        if (Files.isRegularFile(onThisMachine)) {
            return onThisMachine;
        }
        throw new AssertionError("missing test data: neither " + besideTheClone + " nor " + onThisMachine
                + " exists; check out the shared folder beside the project (../shared/" + relative + ")");
    }
}
