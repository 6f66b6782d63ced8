package dev.careerbot.unanswered;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.careerbot.config.OperationsSettings;
import dev.careerbot.config.Secret;
import dev.careerbot.message.InboundMessage;
import dev.careerbot.message.Platform;
import dev.careerbot.storage.PrivateFiles;
import dev.careerbot.storage.UserHasher;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The questions the bot could not answer, one JSON object a line: time, platform, a salted hash
 * of the user id (never the id), whether it was out of scope or a "Did you mean", the text and the
 * closest intent. Before a line would push the file past its cap the file is rotated
 * ({@code file.1}, {@code file.2} ... up to {@code keep_files}, the oldest deleted); entries older
 * than the retention are deleted at start and then hourly. The salt comes from the config or is
 * generated once into {@code file.salt} (readable by the owner only). Thread-safe; writing never
 * throws into the conversation: a failure is logged and the entry lost.
 */
public final class UnansweredLog {

    private static final Logger log = LoggerFactory.getLogger(UnansweredLog.class);

    /** Longest text kept of one question. */
    public static final int MAX_TEXT_CHARS = 500;

    private static final Duration PRUNE_EVERY = Duration.ofHours(1);

    private final OperationsSettings.Unanswered settings;
    private final Clock clock;
    private final ObjectMapper json;
    private final UserHasher hasher;
    private Instant prunedAt = Instant.MIN;

    /**
     * Opens the log: reads or creates the salt and prunes old entries.
     *
     * @throws UnansweredLogException when the folder or the salt file cannot be written or read
     */
    public UnansweredLog(OperationsSettings.Unanswered settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        this.hasher = new UserHasher(settings.salt().map(Secret::value).orElseGet(this::storedSalt));
        if (settings.enabled() || Files.exists(settings.file())) {
            pruneIfDue();
            filesOldestFirst().forEach(UnansweredLog::makePrivate);
        }
    }

    /** A file an earlier version created readable by everyone is made readable by the bot's user only. */
    private static void makePrivate(Path file) {
        try {
            if (Files.getFileAttributeView(file, java.nio.file.attribute.PosixFileAttributeView.class) != null
                    && !Files.getPosixFilePermissions(file).equals(PosixFilePermissions.fromString("rw-------"))) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                log.info("Made {} readable by the bot's user only (it holds what people wrote)", file);
            }
        } catch (IOException | UnsupportedOperationException e) {
            log.warn("Could not make {} readable by the bot's user only: {}; run chmod 600 on it", file, e.toString());
        }
    }

    /** The file new entries go to. */
    public Path file() {
        return settings.file();
    }

    /** Whether new questions are written. */
    public boolean enabled() {
        return settings.enabled();
    }

    /** The hash that stands for this person in the file. */
    public String userHash(Platform platform, String userId) {
        return hasher.hash(platform, userId);
    }

    /** The first 12 digits of the same hash: what stands for a user or chat id in a log line. */
    public String logId(Platform platform, String id) {
        return hasher.shortHash(platform, id);
    }

    /**
     * Appends one unanswered question (nothing when the log is switched off).
     *
     * @param kind {@link UnansweredEntry#OUT_OF_SCOPE} or {@link UnansweredEntry#CLARIFY}
     */
    public synchronized void record(InboundMessage message, String kind, String closest, double confidence) {
        if (!settings.enabled()) {
            return;
        }
        String text = message.text().strip();
        if (text.length() > MAX_TEXT_CHARS) {
            text = text.substring(0, MAX_TEXT_CHARS) + "…";
        }
        UnansweredEntry entry = new UnansweredEntry(clock.instant(), message.platform().name(),
                userHash(message.platform(), message.senderId()), kind, text, closest, confidence);
        try {
            pruneIfDue();
            byte[] line = (json.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
            Path file = settings.file();
            createFolder();
            if (Files.exists(file) && Files.size(file) + line.length > settings.maxFileBytes()) {
                rotate();
            }
            PrivateFiles.append(file, endsTorn(file) ? prepend('\n', line) : line);
        } catch (IOException | RuntimeException failure) {
            log.warn("Could not add an unanswered question to {}: {}; the entry is lost", settings.file(),
                    failure.toString());
        }
    }

    /**
     * True when the file's last line has no line end: a write cut short by a crash. The next entry
     * then starts on a line of its own, and only the torn line is unreadable.
     */
    private static boolean endsTorn(Path file) throws IOException {
        if (!Files.exists(file)) {
            return false;
        }
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size == 0) {
                return false;
            }
            java.nio.ByteBuffer last = java.nio.ByteBuffer.allocate(1);
            channel.read(last, size - 1);
            return last.get(0) != '\n';
        }
    }

    private static byte[] prepend(char first, byte[] rest) {
        byte[] joined = new byte[rest.length + 1];
        joined[0] = (byte) first;
        System.arraycopy(rest, 0, joined, 1, rest.length);
        return joined;
    }

    /** The newest entries, newest first, at most {@code limit}. */
    public synchronized List<UnansweredEntry> latest(int limit) {
        List<UnansweredEntry> all = readAll();
        List<UnansweredEntry> newest = new ArrayList<>();
        for (int i = all.size() - 1; i >= 0 && newest.size() < limit; i--) {
            newest.add(all.get(i));
        }
        return newest;
    }

    /** Every entry still kept, oldest first (rotated files first). */
    public synchronized List<UnansweredEntry> readAll() {
        List<UnansweredEntry> entries = new ArrayList<>();
        for (Path file : filesOldestFirst()) {
            entries.addAll(read(file));
        }
        return entries;
    }

    /** Deletes every entry of this person ({@code /forget}); returns how many were deleted. */
    public synchronized int forget(Platform platform, String userId) {
        String hash = userHash(platform, userId);
        return rewrite(entry -> !entry.user().equals(hash));
    }

    /** Deletes entries older than the retention; returns how many were deleted. */
    public synchronized int prune() {
        Instant oldest = clock.instant().minus(settings.retention());
        prunedAt = clock.instant();
        return rewrite(entry -> !entry.time().isBefore(oldest));
    }

    private void pruneIfDue() {
        if (Duration.between(prunedAt, clock.instant()).compareTo(PRUNE_EVERY) >= 0) {
            int pruned = prune();
            if (pruned > 0) {
                log.info("Deleted {} unanswered question(s) older than {} days", pruned, settings.retention().toDays());
            }
        }
    }

    private List<Path> filesOldestFirst() {
        List<Path> files = new ArrayList<>();
        for (int i = settings.keepFiles(); i >= 1; i--) {
            Path rotated = rotated(i);
            if (Files.isRegularFile(rotated)) {
                files.add(rotated);
            }
        }
        if (Files.isRegularFile(settings.file())) {
            files.add(settings.file());
        }
        return files;
    }

    private Path rotated(int generation) {
        return settings.file().resolveSibling(settings.file().getFileName() + "." + generation);
    }

    private void rotate() throws IOException {
        if (settings.keepFiles() == 0) {
            Files.delete(settings.file());
            return;
        }
        Files.deleteIfExists(rotated(settings.keepFiles()));
        for (int i = settings.keepFiles() - 1; i >= 1; i--) {
            if (Files.exists(rotated(i))) {
                Files.move(rotated(i), rotated(i + 1), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.move(settings.file(), rotated(1), StandardCopyOption.REPLACE_EXISTING);
    }

    private List<UnansweredEntry> read(Path file) {
        List<UnansweredEntry> entries = new ArrayList<>();
        int unreadable = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    entries.add(json.readValue(line, UnansweredEntry.class));
                } catch (JsonProcessingException | RuntimeException e) {
                    unreadable++;
                }
            }
        } catch (IOException e) {
            log.warn("Could not read {}: {}", file, e.toString());
        }
        if (unreadable > 0) {
            log.warn("{}: skipped {} line(s) that are not unanswered-question entries", file, unreadable);
        }
        return entries;
    }

    /** Keeps only the entries {@code keep} accepts, file by file; returns how many went. */
    private int rewrite(Predicate<UnansweredEntry> keep) {
        int removed = 0;
        for (Path file : filesOldestFirst()) {
            List<UnansweredEntry> entries = read(file);
            List<UnansweredEntry> kept = entries.stream().filter(keep).toList();
            if (kept.size() == entries.size()) {
                continue;
            }
            removed += entries.size() - kept.size();
            try {
                List<String> lines = new ArrayList<>();
                for (UnansweredEntry entry : kept) {
                    lines.add(json.writeValueAsString(entry));
                }
                PrivateFiles.writeAtomically(file.resolveSibling(file.getFileName() + ".tmp"), file, lines);
            } catch (IOException e) {
                log.warn("Could not rewrite {} to delete entries: {}", file, e.toString());
            }
        }
        return removed;
    }

    private void createFolder() throws IOException {
        PrivateFiles.createFolder(settings.file().toAbsolutePath().getParent());
    }

    /** The salt in {@code file.salt}, generated on first use. */
    private String storedSalt() {
        Path saltFile = settings.file().resolveSibling(settings.file().getFileName() + ".salt");
        try {
            if (Files.isRegularFile(saltFile)) {
                String salt = Files.readString(saltFile, StandardCharsets.UTF_8).strip();
                if (salt.length() >= 16) {
                    return salt;
                }
                throw new IOException("it holds fewer than 16 characters");
            }
            if (!settings.enabled()) {
                return "";
            }
            createFolder();
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String salt = HexFormat.of().formatHex(random);
            PrivateFiles.createFile(saltFile);
            Files.writeString(saltFile, salt + "\n", StandardCharsets.UTF_8);
            log.info("Generated the salt for user-id hashes in {}", saltFile);
            return salt;
        } catch (FileAlreadyExistsException raced) {
            return storedSalt();
        } catch (IOException e) {
            throw new UnansweredLogException(saltFile + ": cannot read or create the salt of the unanswered-question"
                    + " log (" + e.getMessage() + "): make the folder writable, set unanswered.salt, or set"
                    + " unanswered.enabled: false", e);
        }
    }
}
