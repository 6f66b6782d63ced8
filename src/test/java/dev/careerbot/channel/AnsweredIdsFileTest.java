package dev.careerbot.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnsweredIdsFileTest {

    @TempDir
    Path folder;

    @Test
    void remembersAnsweredIdsAcrossARestartInAFileOnlyTheBotsUserCanRead() throws IOException {
        Path file = folder.resolve("data").resolve("telegram-answered-updates.txt");
        try (AnsweredIdsFile ids = AnsweredIdsFile.open(file)) {
            ids.add(100);
            ids.add(102);
        }

        try (AnsweredIdsFile reopened = AnsweredIdsFile.open(file)) {
            assertTrue(reopened.contains(100));
            assertFalse(reopened.contains(101));
            assertTrue(reopened.contains(102));
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
    }

    @Test
    void aLineTornByACrashIsDroppedAndTheNextIdStillRecorded() throws IOException {
        Path file = folder.resolve("answered.txt");
        Files.writeString(file, "100\n10");

        try (AnsweredIdsFile ids = AnsweredIdsFile.open(file)) {
            assertTrue(ids.contains(100));
            assertFalse(ids.contains(10));
            ids.add(101);
        }

        assertEquals("100\n101\n", Files.readString(file));
    }

    @Test
    void forgetsConfirmedIdsAndKeepsTheFileSmall() throws IOException {
        Path file = folder.resolve("answered.txt");
        try (AnsweredIdsFile ids = AnsweredIdsFile.open(file)) {
            for (int id = 1; id <= 5_000; id++) {
                ids.add(id);
                ids.forgetBelow(id - 10);
            }
            assertFalse(ids.contains(4_000));
            assertTrue(ids.contains(4_995));
        }
        long lines = Files.readAllLines(file).size();
        assertTrue(lines < 1_100, "the file holds " + lines + " lines for 11 live ids");
        try (AnsweredIdsFile reopened = AnsweredIdsFile.open(file)) {
            assertTrue(reopened.contains(5_000));
        }
        Files.writeString(file, "not a number\n7\n", StandardOpenOption.APPEND);
        try (AnsweredIdsFile reopened = AnsweredIdsFile.open(file)) {
            assertTrue(reopened.contains(7), "an unreadable line costs only itself");
        }
    }
}
