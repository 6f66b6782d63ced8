package dev.careerbot.evaluation;

import dev.careerbot.intent.IntentMatcher;
import dev.careerbot.intent.Match;
import dev.careerbot.knowledge.Intent;
import dev.careerbot.knowledge.KnowledgeBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * K-fold cross-validation over a knowledge base's own examples: each fold trains a matcher on the
 * other folds' examples and negatives, the way the caller's {@code training} builds the bot's,
 * and answers the examples it held out. This is what a self-hoster reads after adding intents:
 * per-intent F1 and the intents the matcher confuses ({@code eval --cross-validate}), and the
 * pairs it cannot separate at all ({@code check}).
 */
public final class CrossValidation {

    /** Folds of {@code eval --cross-validate} and of the overlap warnings of {@code check}. */
    public static final int DEFAULT_FOLDS = 5;

    /** Held-out examples of one intent that must land on another before {@code check} warns. */
    static final int OVERLAP_MIN_EXAMPLES = 3;

    /** Share of an intent's held-out examples landing on another one before {@code check} warns. */
    static final double OVERLAP_MIN_SHARE = 0.25;

    private final int folds;
    private final Function<KnowledgeBase, IntentMatcher> training;
    private final LongSupplier nanoClock;

    /**
     * @param folds how many parts the examples are cut into (at least 2)
     * @param training how a matcher is built from a knowledge base (as the bot builds its own)
     * @param nanoClock times each answer, for the report's latency
     */
    public CrossValidation(int folds, Function<KnowledgeBase, IntentMatcher> training, LongSupplier nanoClock) {
        if (folds < 2) {
            throw new IllegalArgumentException("cross-validation needs at least 2 folds, not " + folds);
        }
        this.folds = folds;
        this.training = training;
        this.nanoClock = nanoClock;
    }

    /** Scores every example and negative once, answered by a matcher that never saw it. */
    public EvalReport report(KnowledgeBase knowledge) {
        return EvalReport.of(score(knowledge, false));
    }

    /**
     * Two intents the matcher cannot tell apart: {@code count} of the {@code examples} held-out
     * examples of one were taken for the other.
     */
    public record Overlap(String source, Intent intent, Intent takenFor, int count, int examples) {

        /** As {@code check} prints it: {@code file:line: what is wrong and what to do}. */
        public String message() {
            return String.format(Locale.ROOT, "%s:%d: intents '%s' and '%s' overlap: %d of %d examples of '%s' are"
                    + " taken for '%s' by a matcher that has not seen them; make their examples more distinct,"
                    + " or merge the two intents", source, intent.line(), intent.id(), takenFor.id(), count, examples,
                    intent.id(), takenFor.id());
        }
    }

    /**
     * Pairs of intents the matcher cannot tell apart: where at least a quarter (and at least
     * three) of one intent's held-out examples go to the same other intent, read from the top
     * candidate whatever the thresholds say.
     */
    public List<Overlap> overlaps(KnowledgeBase knowledge) {
        Map<String, Integer> support = new TreeMap<>();
        Map<String, Integer> mistakes = new TreeMap<>();
        for (EvalReport.Scored scored : score(knowledge, true)) {
            String expected = scored.expect().get(0);
            support.merge(expected, 1, Integer::sum);
            if (!scored.right() && !scored.answered().equals(KnowledgeBase.OUT_OF_SCOPE)) {
                mistakes.merge(expected + "\t" + scored.answered(), 1, Integer::sum);
            }
        }
        List<Overlap> overlaps = new ArrayList<>();
        mistakes.forEach((pair, count) -> {
            String[] ids = pair.split("\t", 2);
            int examples = support.get(ids[0]);
            if (count >= OVERLAP_MIN_EXAMPLES && count >= OVERLAP_MIN_SHARE * examples) {
                overlaps.add(new Overlap(knowledge.source(), knowledge.intent(ids[0]).orElseThrow(),
                        knowledge.intent(ids[1]).orElseThrow(), count, examples));
            }
        });
        return overlaps;
    }

    /**
     * @param topCandidate true to read the best intent whatever the thresholds say (only in-scope
     *     examples are scored then), false to read the bot's verdict, negatives included
     */
    private List<EvalReport.Scored> score(KnowledgeBase knowledge, boolean topCandidate) {
        List<EvalReport.Scored> scored = new ArrayList<>();
        for (int fold = 0; fold < folds; fold++) {
            List<Intent> kept = new ArrayList<>();
            List<String[]> heldOut = new ArrayList<>();
            for (Intent intent : knowledge.intents()) {
                if (intent.id().equals(KnowledgeBase.OUT_OF_SCOPE)) {
                    kept.add(intent);
                    continue;
                }
                kept.add(intent.withExamples(split(intent.examples(), fold, intent.id(), heldOut)));
            }
            List<String> negatives = split(knowledge.outOfScopeExamples(), fold,
                    topCandidate ? null : KnowledgeBase.OUT_OF_SCOPE, heldOut);
            IntentMatcher matcher = training.apply(new KnowledgeBase(knowledge.source(), kept, knowledge.subjects(),
                    knowledge.synonyms(), negatives, knowledge.contentHash() + "-fold-" + fold + "-of-" + folds));
            for (String[] question : heldOut) {
                long start = nanoClock.getAsLong();
                Match match = matcher.match(question[0]);
                long elapsed = nanoClock.getAsLong() - start;
                String answered = topCandidate ? match.topCandidate() : match.intent();
                scored.add(new EvalReport.Scored(List.of(question[1]), answered, elapsed));
            }
        }
        return scored;
    }

    /**
     * The items this fold trains on; the others go to {@code heldOut} with their label (or
     * nowhere when the label is null).
     */
    private List<String> split(List<String> items, int fold, String label, List<String[]> heldOut) {
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (i % folds != fold) {
                kept.add(items.get(i));
            } else if (label != null) {
                heldOut.add(new String[] {items.get(i), label});
            }
        }
        return kept;
    }
}
