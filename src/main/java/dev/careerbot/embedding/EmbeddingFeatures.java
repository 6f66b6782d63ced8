package dev.careerbot.embedding;

import dev.careerbot.intent.SentenceFeatures;
import java.util.List;

/**
 * The sentence encoder as features for the matcher: one message at a time while matching, the
 * training examples through the on-disk cache.
 */
public final class EmbeddingFeatures implements SentenceFeatures {

    private final SentenceEncoder encoder;
    private final EmbeddingCache cache;
    private final String cacheName;

    /**
     * @param encoder the model
     * @param cache where example vectors are kept between runs
     * @param cacheName the cache file for this set of examples ({@code knowledge} for the bot)
     */
    public EmbeddingFeatures(SentenceEncoder encoder, EmbeddingCache cache, String cacheName) {
        this.encoder = encoder;
        this.cache = cache;
        this.cacheName = cacheName;
        cache.file(cacheName); // fails now, not at the first training, on a bad name
    }

    @Override
    public int dimension() {
        return SentenceEncoder.DIMENSION;
    }

    @Override
    public float[] vectorOf(String text) {
        return encoder.encode(text);
    }

    @Override
    public float[][] vectorsOf(List<String> texts) {
        return cache.embeddings(cacheName, texts, encoder);
    }
}
