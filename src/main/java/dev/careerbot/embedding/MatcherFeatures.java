package dev.careerbot.embedding;

import dev.careerbot.config.MatcherMode;
import dev.careerbot.config.MatcherSettings;
import dev.careerbot.intent.FeatureSet;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The matcher features that {@code matcher.mode} asks for. */
public final class MatcherFeatures {

    private static final Logger log = LoggerFactory.getLogger(MatcherFeatures.class);

    private MatcherFeatures() {
    }

    /**
     * The features of the configured mode. The sentence encoder starts here (about half a
     * second); if it cannot (no native library for this platform, cache folder not writable),
     * the log says why and the bot answers with the lexical matcher rather than not at all.
     *
     * @param cacheName the slot in the vector cache for this set of training examples
     */
    public static FeatureSet forSettings(MatcherSettings settings, String cacheName) {
        Starting starting = start(settings, cacheName);
        try {
            starting.encoderReady().join();
            return starting.features();
        } catch (RuntimeException unavailable) {
            return lexicalInstead(settings, unavailable);
        }
    }

    /**
     * The features of the configured mode at once, with the sentence encoder starting on its own
     * thread: a saved matcher can be looked up meanwhile. When {@link Starting#encoderReady()}
     * fails, use {@link #lexicalInstead} as {@link #forSettings} does.
     */
    public static Starting start(MatcherSettings settings, String cacheName) {
        if (settings.mode() == MatcherMode.LEXICAL) {
            return new Starting(FeatureSet.lexical(), CompletableFuture.completedFuture(null));
        }
        CompletableFuture<SentenceEncoder> encoder = CompletableFuture.supplyAsync(
                () -> SentenceEncoder.open(settings.cacheDirectory(), settings.maxInputChars()), runnable -> {
                    Thread thread = new Thread(runnable, "sentence-encoder-start");
                    thread.setDaemon(true);
                    thread.start();
                });
        EmbeddingFeatures features = new EmbeddingFeatures(encoder, settings.maxInputChars(),
                new EmbeddingCache(settings.cacheDirectory().resolve("vectors"),
                        Optional.of(MatcherFeatures.class.getClassLoader())), cacheName);
        FeatureSet set = settings.mode() == MatcherMode.SEMANTIC ? FeatureSet.semantic(features)
                : FeatureSet.hybrid(features);
        return new Starting(set, encoder.thenApply(ready -> null));
    }

    /** The lexical features, with a log line saying why the configured mode is unavailable. */
    public static FeatureSet lexicalInstead(MatcherSettings settings, Throwable unavailable) {
        Throwable cause = unavailable.getCause() instanceof EmbeddingException embedding ? embedding : unavailable;
        log.warn("matcher.mode {} is unavailable, answering with the lexical matcher instead: {}",
                settings.mode().configName(), cause.getMessage());
        return FeatureSet.lexical();
    }

    /**
     * Features whose sentence encoder may still be starting.
     *
     * @param features the configured mode's features
     * @param encoderReady completes when the encoder has started (at once without one), or fails
     *     with the reason it cannot
     */
    public record Starting(FeatureSet features, CompletableFuture<Void> encoderReady) {}
}
