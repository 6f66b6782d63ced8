package dev.careerbot.storage;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;

/**
 * Creates files and folders that only the bot's user may read: files {@code rw-------}, folders
 * {@code rwx------}. The mode is given at creation, so there is no moment in which another user
 * could open the file; the process umask cannot widen it. An existing folder (the config folder,
 * say) is left as it is. On a file system without POSIX permissions the files are created
 * normally.
 */
public final class PrivateFiles {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");

    private PrivateFiles() {}

    /** Creates the folder and any missing parents as {@code 0700}; leaves existing ones alone. */
    public static void createFolder(Path folder) throws IOException {
        if (folder == null || Files.isDirectory(folder)) {
            return;
        }
        createFolder(folder.toAbsolutePath().getParent());
        try {
            Files.createDirectory(folder, attributes(FOLDER));
        } catch (java.nio.file.FileAlreadyExistsException raced) {
            if (!Files.isDirectory(folder)) {
                throw raced;
            }
        }
    }

    /** Opens the file for appending, creating it {@code 0600} (and its folder {@code 0700}) if missing. */
    public static FileChannel openForAppend(Path file) throws IOException {
        createFolder(file.toAbsolutePath().getParent());
        return FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND), attributes(FILE));
    }

    /** Appends bytes, creating the file {@code 0600} if missing. */
    public static void append(Path file, byte[] bytes) throws IOException {
        try (FileChannel channel = openForAppend(file)) {
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }
    }

    /** Creates a new empty file {@code 0600}; fails if it exists. */
    public static void createFile(Path file) throws IOException {
        createFolder(file.toAbsolutePath().getParent());
        Files.createFile(file, attributes(FILE));
    }

    /**
     * Writes the lines to {@code temporary} (created {@code 0600}) and moves it over {@code target}
     * in one step, so a reader sees the old file or the new one, never half of one.
     */
    public static void writeAtomically(Path temporary, Path target, List<String> lines) throws IOException {
        Files.deleteIfExists(temporary);
        createFile(temporary);
        try (BufferedWriter writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            for (String line : lines) {
                writer.write(line);
                writer.write('\n');
            }
        }
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static FileAttribute<?>[] attributes(Set<PosixFilePermission> permissions) {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)}
                : new FileAttribute<?>[0];
    }
}
