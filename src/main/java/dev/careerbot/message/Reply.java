package dev.careerbot.message;

import java.util.List;
import java.util.Objects;

/**
 * What the bot answers: text in CareerBot's small markup (see {@link Markup}) plus the topics it
 * suggests next. Each adapter renders it for its platform.
 *
 * @param text the answer in CareerBot markup
 * @param suggestions related topics, possibly empty
 * @param privateOnly true when the answer must not be shown in a public channel (admin output);
 *     adapters send it privately or ephemerally, or refuse in a group
 */
public record Reply(String text, List<Suggestion> suggestions, boolean privateOnly) {

    /**
     * The one reply for "answering failed on our side", whichever layer saw the failure: the
     * conversation, the operations around it, or an adapter. Plain text, so every platform
     * can send it as it is.
     */
    public static final String FAILURE_TEXT = "Sorry, something went wrong on my side while answering. "
            + "Please try again in a moment, or send /help.";

    public Reply {
        Objects.requireNonNull(text, "text");
        suggestions = List.copyOf(suggestions);
    }

    public static Reply text(String text) {
        return new Reply(text, List.of(), false);
    }

    /** The reply for a failure on our side; see {@link #FAILURE_TEXT}. */
    public static Reply failure() {
        return text(FAILURE_TEXT);
    }

    public static Reply withSuggestions(String text, List<Suggestion> suggestions) {
        return new Reply(text, suggestions, false);
    }
}
