package dev.careerbot.unanswered;

import dev.careerbot.intent.Candidate;
import dev.careerbot.intent.IntentMatcher;
import dev.careerbot.intent.Match;
import java.io.PrintStream;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code careerbot review}: reads the unanswered-question log, groups similar questions and
 * prints the most frequent groups with the closest existing intent, so the operator can add them
 * as examples of that intent or write a new one.
 */
public final class ReviewCommand {

    /** The least similarity for two questions to share a group. */
    static final double SIMILARITY = 0.4;

    private static final int SHOWN_PER_GROUP = 4;

    private final UnansweredLog unanswered;
    private final IntentMatcher matcher;

    public ReviewCommand(UnansweredLog unanswered, IntentMatcher matcher) {
        this.unanswered = unanswered;
        this.matcher = matcher;
    }

    /** Prints at most {@code top} groups, largest first. */
    public void run(int top, PrintStream out) {
        List<UnansweredEntry> entries = unanswered.readAll();
        if (entries.isEmpty()) {
            out.println("No unanswered questions in " + unanswered.file()
                    + (unanswered.enabled() ? " yet." : " (the log is switched off: unanswered.enabled)."));
            return;
        }
        List<String> texts = entries.stream().map(UnansweredEntry::text).toList();
        List<QuestionGroups.Group> groups = new QuestionGroups(matcher::terms, SIMILARITY).group(texts);
        Set<String> people = new LinkedHashSet<>();
        entries.forEach(entry -> people.add(entry.user()));
        Instant first = entries.stream().map(UnansweredEntry::time).min(Instant::compareTo).orElseThrow();
        Instant last = entries.stream().map(UnansweredEntry::time).max(Instant::compareTo).orElseThrow();
        out.printf(Locale.ROOT, "%d unanswered question(s) from %d person(s), %s to %s, in %d group(s); %s%n%n",
                entries.size(), people.size(), first, last, groups.size(), "the largest first:");
        int rank = 0;
        for (QuestionGroups.Group group : groups.subList(0, Math.min(top, groups.size()))) {
            rank++;
            out.printf(Locale.ROOT, "%2d. %d× \"%s\"%n", rank, group.size(), oneLine(group.typical()));
            Set<String> shown = new LinkedHashSet<>(group.questions().subList(1, group.size()));
            shown.remove(group.typical());
            shown.stream().limit(SHOWN_PER_GROUP - 1)
                    .forEach(question -> out.println("      also: \"" + oneLine(question) + "\""));
            out.println("      " + closest(group.typical()));
        }
        if (groups.size() > top) {
            out.println();
            out.println((groups.size() - top) + " smaller group(s) not shown; use --top N to see more.");
        }
    }

    private String closest(String question) {
        Match match = matcher.match(question);
        if (match.candidates().isEmpty()) {
            return "closest intent: none (no known words): a new intent, or leave it out of scope";
        }
        Candidate best = match.candidates().get(0);
        return String.format(Locale.ROOT, "closest intent: %s (%.2f): add as examples there, or write a new intent",
                best.intent(), best.score());
    }

    private static String oneLine(String text) {
        return InertText.of(text);
    }
}
