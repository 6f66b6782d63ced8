package dev.careerbot.evaluation;

import java.util.List;
import java.util.Optional;

/**
 * What the bot made of one scripted question.
 *
 * @param intent the intent answered, or {@code out_of_scope}; the top candidate when clarifying
 * @param confidence the top candidate's score
 * @param answer the reply as plain text, empty when the matcher was trained without answers
 * @param clarify the two intents offered by a "Did you mean" question, else empty
 * @param explanation the top candidates and how the intent was reached, for {@code --explain}
 */
public record Outcome(String intent, double confidence, Optional<String> answer, List<String> clarify,
        String explanation) {

    public Outcome {
        clarify = List.copyOf(clarify);
    }
}
