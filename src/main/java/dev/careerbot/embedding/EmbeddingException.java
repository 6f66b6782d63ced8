package dev.careerbot.embedding;

/** The sentence encoder cannot start or run; the message says what to fix. */
public final class EmbeddingException extends RuntimeException {

    public EmbeddingException(String message) {
        super(message);
    }

    public EmbeddingException(String message, Throwable cause) {
        super(message, cause);
    }
}
