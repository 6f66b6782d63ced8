package dev.careerbot.conversation;

import dev.careerbot.intent.Match;
import dev.careerbot.message.Reply;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One answered message, with how the bot got there (for {@code match}, {@code eval} and
 * {@code --explain}).
 *
 * @param reply what the person sees
 * @param intent the intent answered, or {@code out_of_scope}; in the "Did you mean" band the top
 *     candidate
 * @param confidence the top candidate's score
 * @param clarify the two intents offered in a "Did you mean" question, else empty
 * @param match the matcher's verdict before follow-ups were resolved (empty candidates for
 *     commands)
 * @param note how the intent was reached, for example "follow-up: kept facet skills"
 * @param subject the subject the answer was given for (a subject id), when it was about one
 */
public record Turn(Reply reply, String intent, double confidence, List<String> clarify, Match match,
        String note, Optional<String> subject) {

    public Turn {
        clarify = List.copyOf(clarify);
        Objects.requireNonNull(subject, "subject");
    }

    Turn(Reply reply, String intent, double confidence, List<String> clarify, Match match, String note) {
        this(reply, intent, confidence, clarify, match, note, Optional.empty());
    }
}
