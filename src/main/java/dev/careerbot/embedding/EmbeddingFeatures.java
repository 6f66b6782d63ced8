package dev.careerbot.embedding;

import dev.careerbot.intent.SentenceFeatures;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The sentence encoder as features for the matcher: one message at a time while matching, the
 * training examples through the on-disk cache. The encoder may still be starting: its id is
 * known at once (so a saved matcher can be found meanwhile), and the first call that needs the
 * model waits for it.
 */
public final class EmbeddingFeatures implements SentenceFeatures {

    private final CompletableFuture<SentenceEncoder> encoder;
    private final String modelId;
    private final EmbeddingCache cache;
    private final String cacheName;

    /**
     * @param encoder the model
     * @param cache where example vectors are kept between runs
     * @param cacheName the cache file for this set of examples ({@code knowledge} for the bot)
     */
    public EmbeddingFeatures(SentenceEncoder encoder, EmbeddingCache cache, String cacheName) {
        this(CompletableFuture.completedFuture(encoder), encoder.maxInputChars(), cache, cacheName);
    }

    /**
     * Features over an encoder that is still starting.
     *
     * @param maxInputChars the input limit it is opened with
     */
    public EmbeddingFeatures(CompletableFuture<SentenceEncoder> encoder, int maxInputChars, EmbeddingCache cache,
            String cacheName) {
        this.encoder = encoder;
        this.modelId = SentenceEncoder.modelIdentity() + "/chars=" + maxInputChars + "/words=" + SentenceEncoder.MAX_WORDS
                + "/pieces=" + SentenceEncoder.MAX_PIECES;
        this.cache = cache;
        this.cacheName = cacheName;
        cache.file(cacheName); // fails now, not at the first training, on a bad name
    }

    @Override
    public String modelId() {
        return modelId;
    }

    @Override
    public int dimension() {
        return SentenceEncoder.DIMENSION;
    }

    @Override
    public float[] vectorOf(String text) {
        return encoder().encode(text);
    }

    @Override
    public float[][] vectorsOf(List<String> texts) {
        return cache.embeddings(cacheName, texts, encoder());
    }

    /** The encoder, once started; an {@link EmbeddingException} when it could not start. */
    SentenceEncoder encoder() {
        try {
            return encoder.join();
        } catch (CompletionException failed) {
            throw failed.getCause() instanceof EmbeddingException cause ? cause
                    : new EmbeddingException("Cannot start the sentence encoder: " + failed.getCause(), failed);
        }
    }
}
