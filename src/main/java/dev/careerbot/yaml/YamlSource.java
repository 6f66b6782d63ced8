package dev.careerbot.yaml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a YAML document comes from: a file, or a resource bundled in the jar. Both read at most
 * {@link #MAX_BYTES}, so a wrong path to a huge file fails with a clear message instead of
 * filling the memory.
 */
public sealed interface YamlSource permits YamlSource.FileSource, YamlSource.ResourceSource {

    /** The largest file read: 5 MB. */
    int MAX_BYTES = 5 * 1024 * 1024;

    /** How messages name the source, for example {@code config/knowledge.yml}. */
    String name();

    /** True when there is something to read (the file exists, the resource is bundled). */
    boolean exists();

    /** The file on disk, which can be watched for edits; empty for a bundled resource. */
    default Optional<Path> file() {
        return this instanceof FileSource source ? Optional.of(source.path()) : Optional.empty();
    }

    /**
     * The bytes of the document.
     *
     * @throws YamlException when it cannot be read or is larger than {@link #MAX_BYTES}
     */
    byte[] read();

    /** Another document named relative to this one's folder (absolute file paths stay as they are). */
    YamlSource resolve(String relative);

    static YamlSource file(Path path) {
        return new FileSource(path);
    }

    /** A resource on the class path of this application, for example {@code bundled/careerbot.yml}. */
    static YamlSource resource(String resource) {
        return new ResourceSource(resource);
    }

    /** A file on disk. @param path the file, as given (relative paths stay relative in messages) */
    record FileSource(Path path) implements YamlSource {

        public FileSource {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public String name() {
            return path.toString();
        }

        @Override
        public boolean exists() {
            return Files.isRegularFile(path);
        }

        @Override
        public byte[] read() {
            try {
                if (Files.isDirectory(path)) {
                    throw new YamlException(name() + ": is a folder, not a file: name the YAML file itself");
                }
                long size = Files.size(path);
                if (size > MAX_BYTES) {
                    throw new YamlException(tooLarge(name(), size));
                }
                return Files.readAllBytes(path);
            } catch (NoSuchFileException e) {
                throw new YamlException(name() + ": no such file (looked at " + path.toAbsolutePath()
                        + "): check the path");
            } catch (AccessDeniedException e) {
                throw new YamlException(name() + ": permission denied: make the file readable");
            } catch (IOException e) {
                throw new YamlException(name() + ": cannot be read (" + e.getMessage() + ")");
            }
        }

        @Override
        public YamlSource resolve(String relative) {
            return new FileSource(path.resolveSibling(relative));
        }
    }

    /** A resource bundled on the class path. @param resource its path, without a leading slash */
    record ResourceSource(String resource) implements YamlSource {

        public ResourceSource {
            Objects.requireNonNull(resource, "resource");
        }

        @Override
        public String name() {
            return "classpath:" + resource;
        }

        @Override
        public boolean exists() {
            return loader().getResource(resource) != null;
        }

        @Override
        public byte[] read() {
            try (InputStream in = loader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new YamlException(name() + ": not bundled in this jar: rebuild it with mvn package");
                }
                byte[] bytes = in.readNBytes(MAX_BYTES + 1);
                if (bytes.length > MAX_BYTES) {
                    throw new YamlException(tooLarge(name(), bytes.length));
                }
                return bytes;
            } catch (IOException e) {
                throw new YamlException(name() + ": cannot be read (" + e.getMessage() + ")");
            }
        }

        @Override
        public YamlSource resolve(String relative) {
            if (Path.of(relative).isAbsolute()) {
                return new FileSource(Path.of(relative));
            }
            int slash = resource.lastIndexOf('/');
            String folder = slash < 0 ? "" : resource.substring(0, slash + 1);
            return new ResourceSource(folder + relative);
        }

        private static ClassLoader loader() {
            return YamlSource.class.getClassLoader();
        }
    }

    private static String tooLarge(String name, long size) {
        return String.format(java.util.Locale.ROOT,
                "%s: is %.1f MB, more than the %d MB this bot reads: check that it is the right file, or split it",
                name, size / (1024.0 * 1024.0), MAX_BYTES / (1024 * 1024));
    }
}
