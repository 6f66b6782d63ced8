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
 * @param route how the reply was reached, for code that acts on it (metrics, the unanswered log)
 * @param note the same in words for people ({@code --explain}), for example "command /skills nlp"
 * @param subject the subject the answer was given for (a subject id), when it was about one
 */
public record Turn(Reply reply, String intent, double confidence, List<String> clarify, Match match,
        Route route, String note, Optional<String> subject) {

    public Turn {
        clarify = List.copyOf(clarify);
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(subject, "subject");
    }

    /** How a reply was reached. */
    public enum Route {
        /** A command such as {@code /skills nlp}, answered without the matcher. */
        COMMAND,
        /** The matcher's intent, answered. */
        MATCHED,
        /** Resolved against the conversation: a follow-up, "tell me more", a topic the last answer offered. */
        FOLLOW_UP,
        /** Between the thresholds: "Did you mean X or Y?", or the closest topic offered. */
        UNSURE,
        /** Declined: outside what the knowledge base covers. */
        OUT_OF_SCOPE,
        /** Nothing to match: no words, or another language. */
        NOT_UNDERSTOOD,
        /** Answering failed; the reply is {@link dev.careerbot.message.Reply#FAILURE}. */
        FAILURE
    }

    /** Whether the bot could not answer: declined, unsure, or nothing it understood. */
    public boolean unanswered() {
        return route == Route.OUT_OF_SCOPE || route == Route.UNSURE || route == Route.NOT_UNDERSTOOD;
    }
}
