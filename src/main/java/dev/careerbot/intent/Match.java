package dev.careerbot.intent;

import dev.careerbot.knowledge.KnowledgeBase;
import java.util.List;

/**
 * The matcher's verdict on one message.
 *
 * @param decision what to do with it
 * @param intent the intent to answer (the top candidate when answering or clarifying), or
 *     {@link KnowledgeBase#OUT_OF_SCOPE}
 * @param confidence the top candidate's score, also when the message is out of scope
 * @param candidates the best in-scope candidates, best first (at most five)
 * @param outOfScopeScore the probability of the out-of-scope class, 0 when the matcher has none
 * @param terms the message's words as the matcher read them, stemmed (see
 *     {@link IntentMatcher#terms}): what it computed once, for follow-ups and subject spotting to
 *     reuse; empty when it stopped before reading them (an empty or other-language message)
 */
public record Match(Decision decision, String intent, double confidence, List<Candidate> candidates,
        double outOfScopeScore, List<String> terms) {

    public Match {
        candidates = List.copyOf(candidates);
        terms = List.copyOf(terms);
    }

    /** A verdict that read no words (a command's, or one made in a test). */
    public Match(Decision decision, String intent, double confidence, List<Candidate> candidates,
            double outOfScopeScore) {
        this(decision, intent, confidence, candidates, outOfScopeScore, List.of());
    }

    /** The same verdict with the words it was reached on. */
    Match withTerms(List<String> readTerms) {
        return new Match(decision, intent, confidence, candidates, outOfScopeScore, readTerms);
    }

    static Match nothing(Decision decision) {
        return new Match(decision, KnowledgeBase.OUT_OF_SCOPE, 0.0, List.of(), 0.0);
    }

    /** The best candidate whatever the decision, or {@code out_of_scope} when there is none. */
    public String topCandidate() {
        return candidates.isEmpty() ? KnowledgeBase.OUT_OF_SCOPE : candidates.get(0).intent();
    }
}
