package dev.careerbot.config;

import java.util.OptionalDouble;

/**
 * The {@code matcher} section.
 *
 * @param answerThreshold confidence at or above which the bot answers; empty for the value the
 *     matcher calibrates on the knowledge base itself ({@code auto})
 * @param clarifyThreshold confidence at or above which, below the answer threshold, the bot asks
 *     "Did you mean X or Y?"; empty for {@code auto}
 * @param maxInputChars how much of a message the matcher reads; the rest is ignored
 */
public record MatcherSettings(
        OptionalDouble answerThreshold, OptionalDouble clarifyThreshold, int maxInputChars) {

    public static final int DEFAULT_MAX_INPUT_CHARS = 1000;

    public static MatcherSettings defaults() {
        return new MatcherSettings(OptionalDouble.empty(), OptionalDouble.empty(), DEFAULT_MAX_INPUT_CHARS);
    }
}
