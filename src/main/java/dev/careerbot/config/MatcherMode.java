package dev.careerbot.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Which features the matcher reads ({@code matcher.mode}). */
public enum MatcherMode {
    /** Word and character n-grams only: no model to load, smallest memory. */
    LEXICAL,
    /**
     * A sentence embedding (all-MiniLM-L6-v2, quantised, in the jar), its classifier's
     * probabilities combined (geometric mean) with those of a separate n-gram classifier.
     */
    SEMANTIC,
    /** Both, side by side in one classifier. */
    HYBRID;

    /** The word used in {@code careerbot.yml}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The mode a config word names, ignoring case. */
    public static Optional<MatcherMode> fromConfig(String word) {
        return Arrays.stream(values()).filter(mode -> mode.configName().equalsIgnoreCase(word.strip())).findFirst();
    }
}
