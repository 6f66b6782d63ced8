package dev.careerbot.embedding;

import dev.careerbot.config.MatcherMode;
import dev.careerbot.config.MatcherSettings;
import dev.careerbot.intent.FeatureSet;
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
        if (settings.mode() == MatcherMode.LEXICAL) {
            return FeatureSet.lexical();
        }
        try {
            SentenceEncoder encoder = SentenceEncoder.open(settings.cacheDirectory(), settings.maxInputChars());
            EmbeddingFeatures features = new EmbeddingFeatures(encoder,
                    new EmbeddingCache(settings.cacheDirectory().resolve("vectors")), cacheName);
            return settings.mode() == MatcherMode.SEMANTIC ? FeatureSet.semantic(features) : FeatureSet.hybrid(features);
        } catch (EmbeddingException unavailable) {
            log.warn("matcher.mode {} is unavailable, answering with the lexical matcher instead: {}",
                    settings.mode().configName(), unavailable.getMessage());
            return FeatureSet.lexical();
        }
    }
}
