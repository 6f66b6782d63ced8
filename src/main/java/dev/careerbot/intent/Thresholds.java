package dev.careerbot.intent;

/**
 * Where the matcher draws its lines.
 *
 * @param answer confidence at or above which the top intent is answered
 * @param clarify confidence at or above which, below {@code answer}, the bot asks "Did you mean";
 *     equal to {@code answer} when there is no such band
 * @param origin how they were chosen, for {@code --explain} and logs
 */
public record Thresholds(double answer, double clarify, String origin) {

    public Thresholds {
        if (!(answer >= 0 && answer <= 1) || !(clarify >= 0 && clarify <= answer)) {
            throw new IllegalArgumentException(
                    "thresholds must satisfy 0 <= clarify <= answer <= 1, got answer " + answer
                            + " and clarify " + clarify);
        }
    }
}
