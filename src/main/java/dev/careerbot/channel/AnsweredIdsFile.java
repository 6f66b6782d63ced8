package dev.careerbot.channel;

import dev.careerbot.storage.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link AnsweredIds} in a small text file, one id a line, appended as each update is answered.
 * A write reaches the operating system before {@link #add} returns, so it survives the process
 * being killed ({@code kill -9}); a power cut may lose the last lines (the updates are then
 * answered again, never lost). A torn last line (the process killed mid-write) is cut off when
 * the file is opened. Ids the platform has confirmed are dropped from memory at once and from the
 * file when it is rewritten, which happens once the file holds many more lines than live ids, so
 * it stays a few kilobytes. Created readable by the bot's user only.
 */
public final class AnsweredIdsFile implements AnsweredIds {

    private static final Logger log = LoggerFactory.getLogger(AnsweredIdsFile.class);
    private static final int REWRITE_SLACK = 1_000;

    private final Path file;
    private final TreeSet<Long> ids = new TreeSet<>();
    private FileChannel channel;
    private int linesInFile;

    private AnsweredIdsFile(Path file) {
        this.file = file;
    }

    /**
     * Opens (or creates) the file and reads the ids in it.
     *
     * @throws UncheckedIOException when the file cannot be read or created; the message names it
     */
    public static AnsweredIdsFile open(Path file) {
        AnsweredIdsFile opened = new AnsweredIdsFile(file);
        try {
            opened.load();
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read or create the list of answered updates ("
                    + e.getMessage() + "); make its folder writable by the bot's user", e);
        }
        return opened;
    }

    private void load() throws IOException {
        PrivateFiles.createFolder(file.toAbsolutePath().getParent());
        if (Files.exists(file)) {
            byte[] bytes = Files.readAllBytes(file);
            int end = bytes.length;
            while (end > 0 && bytes[end - 1] != '\n') {
                end--;
            }
            int skipped = 0;
            for (String line : new String(bytes, 0, end, StandardCharsets.US_ASCII).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    ids.add(Long.parseLong(line.strip()));
                    linesInFile++;
                } catch (NumberFormatException e) {
                    skipped++;
                }
            }
            if (end < bytes.length || skipped > 0) {
                log.warn("{}: dropped {} unreadable line(s) (a write cut short by a crash); the updates they"
                        + " named may be answered again", file, (end < bytes.length ? 1 : 0) + skipped);
            }
            channel = PrivateFiles.openForAppend(file);
            channel.truncate(end);
        } else {
            channel = PrivateFiles.openForAppend(file);
        }
    }

    @Override
    public synchronized boolean contains(long id) {
        return ids.contains(id);
    }

    @Override
    public synchronized void add(long id) {
        if (!ids.add(id) || channel == null) {
            return;
        }
        try {
            ByteBuffer line = ByteBuffer.wrap((id + "\n").getBytes(StandardCharsets.US_ASCII));
            while (line.hasRemaining()) {
                channel.write(line);
            }
            linesInFile++;
        } catch (IOException e) {
            log.warn("Could not note update {} as answered in {}: {}; a restart may answer it again", id, file,
                    e.toString());
        }
    }

    @Override
    public synchronized void forgetBelow(long id) {
        ids.headSet(id).clear();
        if (channel != null && linesInFile > 2 * ids.size() + REWRITE_SLACK) {
            rewrite();
        }
    }

    private void rewrite() {
        List<String> lines = new ArrayList<>();
        ids.forEach(id -> lines.add(Long.toString(id)));
        try {
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            PrivateFiles.writeAtomically(temporary, file, lines);
            channel.close();
            channel = PrivateFiles.openForAppend(file);
            linesInFile = lines.size();
        } catch (IOException e) {
            log.warn("Could not shorten {}: {}; it keeps growing until the next try", file, e.toString());
        }
    }

    @Override
    public synchronized void close() {
        if (channel == null) {
            return;
        }
        try {
            channel.force(false);
            channel.close();
        } catch (IOException e) {
            log.warn("Could not close {}: {}", file, e.toString());
        }
        channel = null;
    }
}
