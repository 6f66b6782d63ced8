package dev.careerbot.unanswered;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.careerbot.config.OperationsSettings;
import dev.careerbot.config.Secret;
import dev.careerbot.message.ChatKind;
import dev.careerbot.message.InboundMessage;
import dev.careerbot.message.Platform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnansweredLogTest {

    private static final String USER_ID = "5550123456";

    @TempDir
    Path folder;

    private OperationsSettings.Unanswered settings(long maxFileBytes, int keepFiles) {
        return new OperationsSettings.Unanswered(true, folder.resolve("unanswered.jsonl"), Optional.empty(),
                maxFileBytes, keepFiles, Duration.ofDays(30));
    }

    private static InboundMessage question(String userId, String text) {
        return new InboundMessage(Platform.TELEGRAM, "-100777", userId, ChatKind.GROUP, text, "12");
    }

    private String everythingWritten() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                all.append(Files.readString(file));
            }
        }
        return all.toString();
    }

    @Test
    void neverWritesTheRawUserIdOnlyASaltedHash() throws IOException {
        UnansweredLog log = new UnansweredLog(settings(1024 * 1024, 3), Clock.systemUTC());

        log.record(question(USER_ID, "what is the salary of a prompt engineer"), UnansweredEntry.OUT_OF_SCOPE,
                "role.prompt", 0.21);

        String line = Files.readString(folder.resolve("unanswered.jsonl"));
        assertFalse(everythingWritten().contains(USER_ID), everythingWritten());
        assertFalse(line.contains("-100777"), "nor the chat id: " + line);
        UnansweredEntry entry = log.readAll().get(0);
        assertEquals(log.userHash(Platform.TELEGRAM, USER_ID), entry.user());
        assertEquals(64, entry.user().length());
        assertEquals("what is the salary of a prompt engineer", entry.text());
        assertEquals("TELEGRAM", entry.platform());
        assertEquals("out_of_scope", entry.kind());
    }

    @Test
    void generatesTheSaltOnceReadableByTheOwnerOnlyAndKeepsHashesStableAcrossRestarts() throws IOException {
        String first = new UnansweredLog(settings(1024, 1), Clock.systemUTC()).userHash(Platform.TELEGRAM, USER_ID);
        String second = new UnansweredLog(settings(1024, 1), Clock.systemUTC()).userHash(Platform.TELEGRAM, USER_ID);

        Path salt = folder.resolve("unanswered.jsonl.salt");
        assertEquals(first, second);
        assertEquals(64, Files.readString(salt).strip().length());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(salt)));
        assertFalse(first.equals(new UnansweredLog(new OperationsSettings.Unanswered(true,
                folder.resolve("other.jsonl"), Optional.empty(), 1024, 1, Duration.ofDays(1)), Clock.systemUTC())
                .userHash(Platform.TELEGRAM, USER_ID)), "another salt gives another hash");
    }

    @Test
    void usesTheConfiguredSalt() {
        OperationsSettings.Unanswered salted = new OperationsSettings.Unanswered(true,
                folder.resolve("unanswered.jsonl"), Optional.of(new Secret("a-long-configured-salt")), 1024, 1,
                Duration.ofDays(1));
        new UnansweredLog(salted, Clock.systemUTC());
        assertFalse(Files.exists(folder.resolve("unanswered.jsonl.salt")));
    }

    @Test
    void rotatesBeforeTheFileOutgrowsItsCapAndKeepsOnlyTheConfiguredNumberOfOldFiles() throws IOException {
        UnansweredLog log = new UnansweredLog(settings(1000, 2), Clock.systemUTC());

        for (int i = 0; i < 40; i++) {
            log.record(question("u" + i, "question number " + i + " about something unknown"),
                    UnansweredEntry.CLARIFY, "path.start", 0.4);
        }

        Path file = folder.resolve("unanswered.jsonl");
        for (Path kept : List.of(file, folder.resolve("unanswered.jsonl.1"), folder.resolve("unanswered.jsonl.2"))) {
            assertTrue(Files.size(kept) <= 1000, kept + " is " + Files.size(kept) + " bytes");
            assertTrue(Files.size(kept) > 500, kept + " was filled before rotating");
        }
        assertFalse(Files.exists(folder.resolve("unanswered.jsonl.3")));
        List<UnansweredEntry> kept = log.readAll();
        assertEquals("question number 39 about something unknown", kept.get(kept.size() - 1).text());
        assertTrue(kept.size() < 40, "the oldest went with the third rotation");
        assertEquals(kept.get(0).text(), "question number " + (40 - kept.size()) + " about something unknown",
                "oldest first, nothing lost in between");
    }

    @Test
    void deletesEntriesOlderThanTheRetention() {
        MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
        UnansweredLog log = new UnansweredLog(settings(1024 * 1024, 3), clock);
        log.record(question("1", "an old question"), UnansweredEntry.OUT_OF_SCOPE, "out_of_scope", 0.1);
        clock.now = clock.now.plus(Duration.ofDays(20));
        log.record(question("1", "a newer question"), UnansweredEntry.OUT_OF_SCOPE, "out_of_scope", 0.1);
        clock.now = clock.now.plus(Duration.ofDays(15));

        assertEquals(1, log.prune());

        assertEquals(List.of("a newer question"), log.readAll().stream().map(UnansweredEntry::text).toList());
    }

    @Test
    void writesNothingWhenSwitchedOff() throws IOException {
        UnansweredLog log = new UnansweredLog(new OperationsSettings.Unanswered(false,
                folder.resolve("unanswered.jsonl"), Optional.empty(), 1024, 1, Duration.ofDays(1)), Clock.systemUTC());
        log.record(question("1", "anything"), UnansweredEntry.OUT_OF_SCOPE, "out_of_scope", 0.1);
        assertEquals("", everythingWritten());
    }

    @Test
    void cutsVeryLongQuestions() {
        UnansweredLog log = new UnansweredLog(settings(1024 * 1024, 1), Clock.systemUTC());
        log.record(question("1", "why ".repeat(1000)), UnansweredEntry.OUT_OF_SCOPE, "out_of_scope", 0.1);
        assertEquals(UnansweredLog.MAX_TEXT_CHARS + 1, log.readAll().get(0).text().length());
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void createsItsFilesReadableByTheBotsUserOnlyAndANewFolderOpenToItAlone() throws IOException {
        Path file = folder.resolve("data").resolve("unanswered.jsonl");
        UnansweredLog log = new UnansweredLog(new OperationsSettings.Unanswered(true, file, Optional.empty(), 300, 2,
                Duration.ofDays(30)), Clock.systemUTC());

        for (int i = 0; i < 6; i++) {
            log.record(question(USER_ID, "question number " + i + " about something else entirely"),
                    UnansweredEntry.OUT_OF_SCOPE, "role.prompt", 0.2);
        }
        log.forget(Platform.TELEGRAM, "someone else");
        log.forget(Platform.TELEGRAM, USER_ID);
        log.record(question(USER_ID, "one more"), UnansweredEntry.OUT_OF_SCOPE, "role.prompt", 0.2);

        assertEquals("rwx------", mode(file.getParent()));
        try (Stream<Path> files = Files.list(file.getParent())) {
            List<Path> written = files.toList();
            assertTrue(written.size() >= 3, "the file, a rotated copy and the salt: " + written);
            for (Path each : written) {
                assertEquals("rw-------", mode(each), each.toString());
            }
        }
    }

    @Test
    void makesAFileAnEarlierVersionLeftReadableByEveryoneReadableByTheBotsUserOnly() throws IOException {
        Path file = folder.resolve("unanswered.jsonl");
        Files.writeString(file, "");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        new UnansweredLog(settings(1024 * 1024, 3), Clock.systemUTC());

        assertEquals("rw-------", mode(file));
    }

    @Test
    void aTornLastLineCostsOnlyThatLineNotTheNextEntry() throws IOException {
        UnansweredLog log = new UnansweredLog(settings(1024 * 1024, 3), Clock.systemUTC());
        log.record(question(USER_ID, "first question"), UnansweredEntry.OUT_OF_SCOPE, "role.prompt", 0.2);
        Path file = folder.resolve("unanswered.jsonl");
        Files.writeString(file, "{\"time\":\"2026-12-05T10:00:00Z\",\"platform\":\"TELE",
                java.nio.file.StandardOpenOption.APPEND);

        log.record(question(USER_ID, "after the crash"), UnansweredEntry.OUT_OF_SCOPE, "role.prompt", 0.2);

        assertEquals(List.of("after the crash", "first question"),
                log.latest(10).stream().map(UnansweredEntry::text).toList());
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
