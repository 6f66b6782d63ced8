package dev.careerbot.embedding;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gets the JVM ready for ONNX Runtime and the DJL tokenizer before either class loads.
 *
 * <p>Both libraries are configured only through JVM-wide system properties, so this is the one
 * place that sets them, and only those the operator has not set already:
 * <ul>
 *   <li>{@code ai.djl.offline} and {@code OPT_OUT_TRACKING}: DJL never calls home (without them
 *       it asks the cloud metadata address 169.254.169.254 who it runs on) nor downloads;
 *   <li>{@code ENGINE_CACHE_DIR}, {@code DJL_CACHE_DIR}: the tokenizer's native library goes to
 *       {@code <cache>/djl} instead of {@code ~/.djl.ai};
 *   <li>{@code jna.tmpdir}: JNA (used by DJL to look for a GPU) unpacks to {@code <cache>/jna};
 *   <li>{@code onnxruntime.native.path}: ONNX Runtime loads its libraries from
 *       {@code <cache>/onnxruntime/<platform>-<crc>} where this class has extracted them once,
 *       instead of extracting 16 MB into a fresh {@code /tmp} folder on every start (which it
 *       cannot fully delete at exit).
 * </ul>
 */
final class NativeRuntime {

    private static final Logger LOG = LoggerFactory.getLogger(NativeRuntime.class);
    private static final List<String> ONNX_LIBRARIES = List.of("onnxruntime", "onnxruntime4j_jni");

    private NativeRuntime() {
    }

    /** Sets the properties above and extracts ONNX Runtime's libraries; safe to call again. */
    static synchronized void prepare(Path cacheDirectory) {
        Path cache = cacheDirectory.toAbsolutePath().normalize();
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("OPT_OUT_TRACKING", "true");
        setIfAbsent("ENGINE_CACHE_DIR", cache.resolve("djl").toString());
        setIfAbsent("DJL_CACHE_DIR", cache.resolve("djl").toString());
        setIfAbsent("jna.tmpdir", cache.resolve("jna").toString());
        if (System.getProperty("onnxruntime.native.path") == null) {
            System.setProperty("onnxruntime.native.path", extractOnnxRuntime(cache).toString());
        }
        createDirectories(cache.resolve("jna"));
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null && System.getenv(key) == null) {
            System.setProperty(key, value);
        }
    }

    /** ONNX Runtime's name for this machine, as in its jar: linux-x64, osx-aarch64, ... */
    static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String osName = os.contains("mac") || os.contains("darwin") ? "osx"
                : os.contains("win") ? "win"
                : os.contains("nux") ? "linux"
                : os;
        String archName = arch.startsWith("amd64") || arch.startsWith("x86_64") ? "x64"
                : arch.startsWith("aarch64") || arch.startsWith("arm64") ? "aarch64"
                : arch;
        return osName + "-" + archName;
    }

    private static Path extractOnnxRuntime(Path cache) {
        String platform = platform();
        URL main = resource(platform, ONNX_LIBRARIES.get(0));
        if ("file".equals(main.getProtocol())) {
            // Exploded on disk already (an IDE run): load them where they are.
            try {
                return Path.of(main.toURI()).getParent();
            } catch (URISyntaxException e) {
                throw new EmbeddingException("Cannot read the ONNX Runtime library path " + main, e);
            }
        }
        Path target = cache.resolve("onnxruntime").resolve(platform + "-" + fingerprint(main));
        createDirectories(target);
        for (String library : ONNX_LIBRARIES) {
            URL url = resource(platform, library);
            Path file = target.resolve(System.mapLibraryName(library));
            long expectedSize = entrySize(url);
            try {
                if (Files.isRegularFile(file) && (expectedSize < 0 || Files.size(file) == expectedSize)) {
                    continue;
                }
                copyAtomically(url, file);
                LOG.info("Extracted ONNX Runtime library {} to {}", library, file);
            } catch (IOException e) {
                throw new EmbeddingException("Cannot extract the ONNX Runtime library to " + file
                        + ": make the cache directory writable or choose another one (" + e + ")", e);
            }
        }
        return target;
    }

    private static URL resource(String platform, String library) {
        String path = "/ai/onnxruntime/native/" + platform + "/" + System.mapLibraryName(library);
        URL url = NativeRuntime.class.getResource(path);
        if (url == null) {
            throw new EmbeddingException("This build has no ONNX Runtime library for " + platform
                    + " (" + path + "); run it with the lexical matcher (matcher.mode: lexical)"
                    + " or on Linux x64/arm64");
        }
        return url;
    }

    /** The jar entry's CRC (cheap: stored in the jar's index), else a CRC of the bytes. */
    static String fingerprint(URL url) {
        try {
            URLConnection connection = url.openConnection();
            if (connection instanceof JarURLConnection jar) {
                jar.setUseCaches(false);
                ZipEntry entry = jar.getJarEntry();
                if (entry != null && entry.getCrc() >= 0) {
                    return Long.toHexString(entry.getCrc());
                }
            }
            CRC32 crc = new CRC32();
            try (InputStream in = url.openStream()) {
                byte[] buffer = new byte[1 << 16];
                for (int read; (read = in.read(buffer)) > 0; ) {
                    crc.update(buffer, 0, read);
                }
            }
            return Long.toHexString(crc.getValue());
        } catch (IOException e) {
            throw new EmbeddingException("Cannot read the ONNX Runtime library " + url, e);
        }
    }

    private static long entrySize(URL url) {
        try {
            URLConnection connection = url.openConnection();
            if (connection instanceof JarURLConnection jar) {
                jar.setUseCaches(false);
                ZipEntry entry = jar.getJarEntry();
                return entry == null ? -1 : entry.getSize();
            }
            return connection.getContentLengthLong();
        } catch (IOException e) {
            return -1;
        }
    }

    private static void copyAtomically(URL url, Path file) throws IOException {
        Path partial = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".part");
        try {
            try (InputStream in = url.openStream()) {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            }
            try {
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static void createDirectories(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new EmbeddingException("Cannot create the cache directory " + directory
                    + ": make it writable or choose another cache directory (" + e + ")", e);
        }
    }
}
