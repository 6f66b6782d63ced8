package dev.careerbot.intent;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * The bytes of a saved matcher: magic {@code CBM1}, the format version, the 64-character key of
 * the training set, the matcher itself (see {@link IntentMatcher#write}), then a CRC-32C of all
 * the bytes before it. A file is used only when every check passes: a truncated or edited file
 * fails the checksum, a file for other examples or settings fails the key, and whatever still
 * does not parse is refused too; the caller then trains afresh.
 */
final class MatcherFile {

    private static final int MAGIC = 0x43424d31; // "CBM1"
    private static final int KEY_CHARS = 64;
    private static final int HEADER_BYTES = 4 + 4 + KEY_CHARS;

    private MatcherFile() {}

    /** What reading a file gave: a matcher, or why not. */
    sealed interface Result {
        /** The file holds the matcher of the training set. */
        record Usable(IntentMatcher matcher) implements Result {}

        /** The file holds the matcher of other examples, settings, model or code. */
        record Stale() implements Result {}

        /** The file is not an intact matcher file: the reason, for the log. */
        record Damaged(String reason) implements Result {}
    }

    static byte[] encode(IntentMatcher matcher) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(MAGIC);
            out.writeInt(TrainingSet.FORMAT_VERSION);
            out.write(matcher.key().getBytes(StandardCharsets.US_ASCII));
            matcher.write(out);
            CRC32C crc = new CRC32C();
            crc.update(bytes.toByteArray());
            out.writeLong(crc.getValue());
            out.flush();
            return bytes.toByteArray();
        } catch (IOException impossible) {
            throw new UncheckedIOException("writing to memory cannot fail", impossible);
        }
    }

    static Result decode(byte[] bytes, TrainingSet set) {
        if (bytes.length < HEADER_BYTES + Long.BYTES) {
            return new Result.Damaged("too short to be a matcher file");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        if (buffer.getInt(0) != MAGIC) {
            return new Result.Damaged("not a matcher file");
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - Long.BYTES);
        if (buffer.getLong(bytes.length - Long.BYTES) != crc.getValue()) {
            return new Result.Damaged("checksum mismatch (damaged or truncated)");
        }
        if (buffer.getInt(4) != TrainingSet.FORMAT_VERSION) {
            return new Result.Stale();
        }
        byte[] key = Arrays.copyOfRange(bytes, 8, 8 + KEY_CHARS);
        if (!Arrays.equals(key, set.key().getBytes(StandardCharsets.US_ASCII))) {
            return new Result.Stale();
        }
        int payload = bytes.length - HEADER_BYTES - Long.BYTES;
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, HEADER_BYTES, payload))) {
            IntentMatcher matcher = IntentMatcher.read(in, payload, set);
            if (in.available() != 0) {
                return new Result.Damaged(in.available() + " unexpected bytes after the matcher");
            }
            return new Result.Usable(matcher);
        } catch (IOException | RuntimeException unreadable) {
            return new Result.Damaged("unreadable (" + unreadable.getMessage() + ")");
        }
    }
}
