package dev.careerbot.evaluation;

import dev.careerbot.intent.IntentMatcher;
import dev.careerbot.intent.Match;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Scripted questions straight to a matcher trained on a data set: no answers, no context. */
public final class MatcherAnswerer implements BatchAnswerer {

    private final IntentMatcher matcher;

    public MatcherAnswerer(IntentMatcher matcher) {
        this.matcher = matcher;
    }

    @Override
    public Outcome answer(String text, Optional<String> session) {
        Match match = matcher.match(text);
        String explanation = match.decision().name().toLowerCase(Locale.ROOT) + "; candidates: "
                + match.candidates().stream().map(ConversationAnswerer::format).collect(Collectors.joining(", "));
        return new Outcome(match.intent(), match.confidence(), Optional.empty(), List.of(), explanation);
    }
}
