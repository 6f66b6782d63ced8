package dev.careerbot.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The {@code matcher} section.
 *
 * @param answerThreshold confidence at or above which the bot answers; empty for the value the
 *     matcher calibrates on the knowledge base itself ({@code auto})
 * @param clarifyThreshold confidence at or above which, below the answer threshold, the bot asks
 *     "Did you mean X or Y?"; empty for {@code auto}, which means half the answer threshold when
 *     that is fixed, and cross-validated together with it when it is {@code auto} too (see
 *     docs/configuration.md, "The two thresholds")
 * @param maxInputChars how much of a message the matcher reads; the rest is ignored
 * @param mode which features the matcher reads: n-grams, a sentence embedding or both
 * @param cacheDirectory a writable folder for the embedding model's native libraries and the
 *     knowledge base's example vectors (unused in {@code lexical} mode)
 */
public record MatcherSettings(
        OptionalDouble answerThreshold, OptionalDouble clarifyThreshold, int maxInputChars,
        MatcherMode mode, Path cacheDirectory) {

    public static final int DEFAULT_MAX_INPUT_CHARS = 1000;
    /** The mode that scored best; see README, "Semantic matching". */
    public static final MatcherMode DEFAULT_MODE = MatcherMode.SEMANTIC;
    /** Relative to the folder the bot is started from. */
    public static final Path DEFAULT_CACHE_DIRECTORY = Path.of("careerbot-cache");

    public MatcherSettings {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(cacheDirectory, "cacheDirectory");
    }

    /** Thresholds and input limit as given, the default mode and cache folder. */
    public MatcherSettings(OptionalDouble answerThreshold, OptionalDouble clarifyThreshold, int maxInputChars) {
        this(answerThreshold, clarifyThreshold, maxInputChars, DEFAULT_MODE, DEFAULT_CACHE_DIRECTORY);
    }

    public static MatcherSettings defaults() {
        return new MatcherSettings(OptionalDouble.empty(), OptionalDouble.empty(), DEFAULT_MAX_INPUT_CHARS);
    }

    /** The same settings with both thresholds fixed, so that building a matcher calibrates nothing. */
    public MatcherSettings withThresholds(double answer, double clarify) {
        return new MatcherSettings(OptionalDouble.of(answer), OptionalDouble.of(clarify), maxInputChars, mode,
                cacheDirectory);
    }

    public MatcherSettings withMode(MatcherMode newMode) {
        return new MatcherSettings(answerThreshold, clarifyThreshold, maxInputChars, newMode, cacheDirectory);
    }

    public MatcherSettings withCacheDirectory(Path folder) {
        return new MatcherSettings(answerThreshold, clarifyThreshold, maxInputChars, mode, folder);
    }
}
