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

    public Reply {
        Objects.requireNonNull(text, "text");
        suggestions = List.copyOf(suggestions);
    }

    public static Reply text(String text) {
        return new Reply(text, List.of(), false);
    }

    public static Reply withSuggestions(String text, List<Suggestion> suggestions) {
        return new Reply(text, suggestions, false);
    }
}
