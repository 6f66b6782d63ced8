package dev.careerbot.unanswered;

import dev.careerbot.knowledge.KnowledgeBase;
import java.time.Instant;
import java.util.Objects;

/**
 * One question the bot could not answer, as one line of the unanswered file.
 *
 * @param time when it was asked
 * @param platform where, for example {@code TELEGRAM}
 * @param user a salted SHA-256 hash of the platform and user id, never the id itself
 * @param kind {@code out_of_scope} (the bot said it cannot help) or {@code clarify} (it asked
 *     "Did you mean ...?")
 * @param text what the person wrote, cut at {@link UnansweredLog#MAX_TEXT_CHARS}
 * @param closest the intent the matcher found closest
 * @param confidence the matcher's score for that intent
 */
public record UnansweredEntry(Instant time, String platform, String user, String kind, String text, String closest,
        double confidence) {

    /** The kind of a question answered with the out-of-scope intent, and named after it. */
    public static final String OUT_OF_SCOPE = KnowledgeBase.OUT_OF_SCOPE;
    public static final String CLARIFY = "clarify";

    public UnansweredEntry {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(closest, "closest");
    }
}
