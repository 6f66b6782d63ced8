package dev.careerbot.storage;

import dev.careerbot.message.Platform;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Turns a platform user id into a salted SHA-256 hash: the same person always gets the same
 * hash (so {@code /forget} finds their entries), but without the salt nobody can tell whose it is
 * by hashing candidate ids.
 */
public final class UserHasher {

    private final byte[] salt;

    public UserHasher(String salt) {
        this.salt = salt.getBytes(StandardCharsets.UTF_8);
    }

    /** The hash of this user on this platform, 64 hex digits. */
    public String hash(Platform platform, String userId) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update((byte) 0);
            sha.update((platform.name() + ":" + userId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }

    /** The first 12 hex digits of {@link #hash}: what stands for a user or chat id in a log line. */
    public String shortHash(Platform platform, String id) {
        return hash(platform, id).substring(0, 12);
    }
}
