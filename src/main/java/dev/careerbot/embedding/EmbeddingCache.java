package dev.careerbot.embedding;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Vectors of a list of texts (the knowledge base's examples) kept on disk, one file per name,
 * so that a retrain embeds only the examples it has not seen: after an edit of a few examples,
 * the others' vectors are read back in milliseconds.
 *
 * <p>A file is used only if it was written by exactly this model with this input limit (its key,
 * a SHA-256 of both); each vector in it is found by the SHA-256 of its text. A file that is from
 * another model, truncated or damaged is ignored with a log line and written again. Files are
 * written to a temporary name and renamed, so a crash mid-write never leaves a half file behind.
 *
 * <p>Format (little-endian): magic {@code CBV2}, 32-byte key, int count, int dimension, then per
 * text its 32-byte hash and dimension floats, then the CRC-32 of everything before it as a long.
 */
public final class EmbeddingCache {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddingCache.class);
    private static final int MAGIC = 0x32564243; // "CBV2" read little-endian
    private static final int KEY_BYTES = 32;
    private static final int HEADER_BYTES = 4 + KEY_BYTES + 4 + 4;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    /** Where the build puts the vectors of the bundled knowledge base's examples, on the classpath. */
    public static final String BUNDLED_FOLDER = "bundled/vectors/";

    private final Path directory;
    private final Optional<ClassLoader> bundled;

    /** @param directory where the files live; created on first write */
    public EmbeddingCache(Path directory) {
        this(directory, Optional.empty());
    }

    /**
     * @param directory where the files live; created on first write
     * @param bundled where to look up {@value #BUNDLED_FOLDER}{@code <name>.vectors} when the
     *     folder has no usable file: the build's vectors of the shipped examples, so that the
     *     first retrain after a deploy embeds only the edited examples
     */
    public EmbeddingCache(Path directory, Optional<ClassLoader> bundled) {
        this.directory = directory;
        this.bundled = bundled;
    }

    /**
     * The vectors of the texts, in order: those in {@code <name>.vectors} (written by this
     * encoder) read from there, the others computed with the encoder; the file is then written
     * again with exactly these texts.
     */
    public float[][] embeddings(String name, List<String> texts, SentenceEncoder encoder) {
        Path file = file(name);
        byte[] key = key(encoder);
        Map<String, float[]> cached = read(file, key);
        boolean fromFile = !cached.isEmpty();
        if (!fromFile) {
            cached = readBundled(name, key);
        }
        float[][] vectors = new float[texts.size()][];
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            vectors[i] = cached.get(textHash(texts.get(i)));
            if (vectors[i] == null) {
                missing.add(i);
            }
        }
        if (missing.isEmpty()) {
            LOG.debug("Read {} example vectors from {}", texts.size(), fromFile ? file : "the jar");
            if (!fromFile) {
                write(file, key, texts, vectors);
            }
            return vectors;
        }
        long started = System.nanoTime();
        float[][] computed = encoder.encodeAll(missing.stream().map(texts::get).toList());
        for (int i = 0; i < computed.length; i++) {
            vectors[missing.get(i)] = computed[i];
        }
        LOG.info("Embedded {} examples in {} ms ({} read from {})", missing.size(),
                (System.nanoTime() - started) / 1_000_000, texts.size() - missing.size(), file);
        write(file, key, texts, vectors);
        return vectors;
    }

    /** Where the vectors called {@code name} are stored. */
    public Path file(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new EmbeddingException("Cache name '" + name + "' must be 1 to 100 letters, digits, '.', '_' or '-'");
        }
        return directory.resolve(name + ".vectors");
    }

    /** The vectors in the file by text hash, or none when it is absent, damaged or another model's. */
    private static Map<String, float[]> read(Path file, byte[] key) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Map.of();
        } catch (IOException e) {
            LOG.warn("Cannot read the embedding cache {} ({}); embedding the examples again", file, e.toString());
            return Map.of();
        }
        return decode(bytes, file.toString(), key);
    }

    /** The build's vectors of the bundled examples, or none (see {@link #BUNDLED_FOLDER}). */
    private Map<String, float[]> readBundled(String name, byte[] key) {
        if (bundled.isEmpty()) {
            return Map.of();
        }
        String resource = BUNDLED_FOLDER + name + ".vectors";
        try (InputStream in = bundled.get().getResourceAsStream(resource)) {
            return in == null ? Map.of() : decode(in.readAllBytes(), "the jar's " + resource, key);
        } catch (IOException e) {
            LOG.warn("Cannot read the bundled vectors {} ({})", resource, e.toString());
            return Map.of();
        }
    }

    private static Map<String, float[]> decode(byte[] bytes, String where, byte[] key) {
        String damage = damage(bytes);
        if (damage != null) {
            LOG.warn("Ignoring the embedding cache {}: {}; embedding the examples again", where, damage);
            return Map.of();
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (!Arrays.equals(Arrays.copyOfRange(bytes, 4, 4 + KEY_BYTES), key)) {
            LOG.info("The model or its input limit changed since {} was written; embedding the examples again", where);
            return Map.of();
        }
        int count = buffer.getInt(4 + KEY_BYTES);
        long entryBytes = KEY_BYTES + (long) SentenceEncoder.DIMENSION * Float.BYTES;
        if (count < 0 || buffer.getInt(8 + KEY_BYTES) != SentenceEncoder.DIMENSION
                || bytes.length != HEADER_BYTES + count * entryBytes + Long.BYTES) {
            LOG.warn("Ignoring the embedding cache {}: unexpected size; embedding the examples again", where);
            return Map.of();
        }
        Map<String, float[]> vectors = new HashMap<>(count * 2);
        buffer.position(HEADER_BYTES);
        byte[] hash = new byte[KEY_BYTES];
        for (int i = 0; i < count; i++) {
            buffer.get(hash);
            float[] vector = new float[SentenceEncoder.DIMENSION];
            buffer.asFloatBuffer().get(vector);
            buffer.position(buffer.position() + SentenceEncoder.DIMENSION * Float.BYTES);
            vectors.put(HexFormat.of().formatHex(hash), vector);
        }
        return vectors;
    }

    /** Why the bytes are not an intact vector file, or null when they are one. */
    private static String damage(byte[] bytes) {
        if (bytes.length < HEADER_BYTES + Long.BYTES) {
            return "too short to be a vector file";
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (buffer.getInt(0) != MAGIC) {
            return "not a vector file";
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - Long.BYTES);
        if (buffer.getLong(bytes.length - Long.BYTES) != crc.getValue()) {
            return "checksum mismatch (damaged or truncated)";
        }
        return null;
    }

    private void write(Path file, byte[] key, List<String> texts, float[][] vectors) {
        int payload = HEADER_BYTES + vectors.length * (KEY_BYTES + SentenceEncoder.DIMENSION * Float.BYTES);
        ByteBuffer buffer = ByteBuffer.allocate(payload + Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(MAGIC).put(key).putInt(vectors.length).putInt(SentenceEncoder.DIMENSION);
        for (int i = 0; i < vectors.length; i++) {
            buffer.put(HexFormat.of().parseHex(textHash(texts.get(i))));
            for (float value : vectors[i]) {
                buffer.putFloat(value);
            }
        }
        CRC32 crc = new CRC32();
        crc.update(buffer.array(), 0, payload);
        buffer.putLong(crc.getValue());
        Path partial = null;
        try {
            Files.createDirectories(directory);
            partial = Files.createTempFile(directory, file.getFileName().toString(), ".part");
            Files.write(partial, buffer.array());
            try {
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // The vectors are in memory and correct; only the next start is slower.
            LOG.warn("Cannot write the embedding cache {} ({}); the next start embeds the examples again",
                    file, e.toString());
        } finally {
            deleteQuietly(partial);
        }
    }

    private static byte[] key(SentenceEncoder encoder) {
        return sha256().digest((encoder.modelId() + "\n" + encoder.maxInputChars()).getBytes(StandardCharsets.UTF_8));
    }

    private static String textHash(String text) {
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static void deleteQuietly(Path partial) {
        if (partial == null) {
            return;
        }
        try {
            Files.deleteIfExists(partial);
        } catch (IOException e) {
            LOG.warn("Cannot delete the temporary file {} ({})", partial, e.toString());
        }
    }
}
