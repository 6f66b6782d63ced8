package dev.careerbot.embedding;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Vectors of a list of texts (the knowledge base's examples) kept on disk, one file per name,
 * so that a restart reads them in milliseconds instead of embedding every example again.
 *
 * <p>A file is used only if it was written for exactly these texts by exactly this model: its
 * key is a SHA-256 of the model id, the encoder's input limit and every text, so it changes
 * whenever the knowledge base's examples (or synonyms, if applied to them) change. A file that
 * is stale, truncated or damaged is ignored with a warning and written again. Files are written
 * to a temporary name and renamed, so a crash mid-write never leaves a half file behind.
 *
 * <p>Format (little-endian): magic {@code CBV1}, 32-byte key, int count, int dimension,
 * count &times; dimension floats, then the CRC-32 of everything before it as a long.
 */
public final class EmbeddingCache {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddingCache.class);
    private static final int MAGIC = 0x31564243; // "CBV1" read little-endian
    private static final int KEY_BYTES = 32;
    private static final int HEADER_BYTES = 4 + KEY_BYTES + 4 + 4;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    private final Path directory;

    /** @param directory where the files live; created on first write */
    public EmbeddingCache(Path directory) {
        this.directory = directory;
    }

    /**
     * The vectors of the texts, in order: read from {@code <name>.vectors} when that file holds
     * exactly these texts for this encoder, otherwise computed with the encoder and stored.
     */
    public float[][] embeddings(String name, List<String> texts, SentenceEncoder encoder) {
        Path file = file(name);
        byte[] key = key(encoder, texts);
        float[][] cached = read(file, key, texts.size());
        if (cached != null) {
            LOG.info("Read {} example vectors from {}", texts.size(), file);
            return cached;
        }
        long started = System.nanoTime();
        float[][] vectors = encoder.encodeAll(texts);
        LOG.info("Embedded {} examples in {} ms", texts.size(), (System.nanoTime() - started) / 1_000_000);
        write(file, key, vectors);
        return vectors;
    }

    /** Where the vectors called {@code name} are stored. */
    public Path file(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new EmbeddingException("Cache name '" + name + "' must be 1 to 100 letters, digits, '.', '_' or '-'");
        }
        return directory.resolve(name + ".vectors");
    }

    private static float[][] read(Path file, byte[] key, int count) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            LOG.warn("Cannot read the embedding cache {} ({}); embedding the examples again", file, e.toString());
            return null;
        }
        String damage = damage(bytes);
        if (damage != null) {
            LOG.warn("Ignoring the embedding cache {}: {}; embedding the examples again", file, damage);
            return null;
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (!Arrays.equals(Arrays.copyOfRange(bytes, 4, 4 + KEY_BYTES), key)) {
            LOG.info("The examples or the model changed since {} was written; embedding them again", file);
            return null;
        }
        long expectedLength = HEADER_BYTES + (long) count * SentenceEncoder.DIMENSION * Float.BYTES + Long.BYTES;
        if (buffer.getInt(4 + KEY_BYTES) != count || buffer.getInt(8 + KEY_BYTES) != SentenceEncoder.DIMENSION
                || bytes.length != expectedLength) {
            LOG.warn("Ignoring the embedding cache {}: unexpected size; embedding the examples again", file);
            return null;
        }
        buffer.position(HEADER_BYTES);
        FloatBuffer floats = buffer.asFloatBuffer();
        float[][] vectors = new float[count][SentenceEncoder.DIMENSION];
        for (float[] vector : vectors) {
            floats.get(vector);
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

    private void write(Path file, byte[] key, float[][] vectors) {
        int payload = HEADER_BYTES + vectors.length * SentenceEncoder.DIMENSION * Float.BYTES;
        ByteBuffer buffer = ByteBuffer.allocate(payload + Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(MAGIC).put(key).putInt(vectors.length).putInt(SentenceEncoder.DIMENSION);
        for (float[] vector : vectors) {
            for (float value : vector) {
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

    private static byte[] key(SentenceEncoder encoder, List<String> texts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((encoder.modelId() + "\n" + encoder.maxInputChars() + "\n" + texts.size() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            ByteBuffer length = ByteBuffer.allocate(Integer.BYTES);
            for (String text : texts) {
                byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
                digest.update(length.clear().putInt(utf8.length).array());
                digest.update(utf8);
            }
            return digest.digest();
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
