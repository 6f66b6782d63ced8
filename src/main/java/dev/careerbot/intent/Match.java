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
 */
public record Match(Decision decision, String intent, double confidence, List<Candidate> candidates,
        double outOfScopeScore) {

    public Match {
        candidates = List.copyOf(candidates);
    }

    static Match nothing(Decision decision) {
        return new Match(decision, KnowledgeBase.OUT_OF_SCOPE, 0.0, List.of(), 0.0);
    }

    /** The best candidate whatever the decision, or {@code out_of_scope} when there is none. */
    public String topCandidate() {
        return candidates.isEmpty() ? KnowledgeBase.OUT_OF_SCOPE : candidates.get(0).intent();
    }
}
