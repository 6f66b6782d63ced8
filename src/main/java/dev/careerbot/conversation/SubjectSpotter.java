package dev.careerbot.conversation;

import dev.careerbot.intent.IntentMatcher;
import dev.careerbot.knowledge.Subject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds which subjects a message names, through their aliases, read as the matcher reads. */
final class SubjectSpotter {

    private record Alias(String subjectId, List<String> terms) {}

    private final List<Alias> aliases = new ArrayList<>();
    private final List<Alias> aliasesInSubjectOrder;

    SubjectSpotter(List<Subject> subjects, IntentMatcher matcher) {
        for (Subject subject : subjects) {
            List<String> names = new ArrayList<>(subject.aliases());
            names.add(subject.name());
            names.add(subject.id().replace('_', ' '));
            for (String name : names) {
                List<String> terms = matcher.terms(name);
                if (!terms.isEmpty()) {
                    aliases.add(new Alias(subject.id(), terms));
                }
            }
        }
        aliasesInSubjectOrder = List.copyOf(aliases);
        // Longer aliases first, so "machine learning engineer" wins over "machine learning".
        aliases.sort((a, b) -> Integer.compare(b.terms().size(), a.terms().size()));
    }

    /** The subjects named in the terms, in order of first mention, each once. */
    List<String> subjectsIn(List<String> terms) {
        boolean[] used = new boolean[terms.size()];
        List<int[]> found = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (Alias alias : aliases) {
            int size = alias.terms().size();
            for (int start = 0; start + size <= terms.size(); start++) {
                if (terms.subList(start, start + size).equals(alias.terms()) && free(used, start, size)) {
                    for (int i = start; i < start + size; i++) {
                        used[i] = true;
                    }
                    found.add(new int[] {start, ids.size()});
                    ids.add(alias.subjectId());
                }
            }
        }
        found.sort((a, b) -> Integer.compare(a[0], b[0]));
        List<String> ordered = new ArrayList<>();
        for (int[] hit : found) {
            String id = ids.get(hit[1]);
            if (!ordered.contains(id)) {
                ordered.add(id);
            }
        }
        return ordered;
    }

    /**
     * The subject with a name that begins with all the terms and adds the fewest ("ml" for
     * "ml engineer", "research" for "research scientist"), for a role typed in short; ties go
     * to the subject listed first.
     */
    Optional<String> subjectNamedBeginningWith(List<String> terms) {
        if (terms.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> best = Optional.empty();
        int fewestExtra = Integer.MAX_VALUE;
        for (Alias alias : aliasesInSubjectOrder) {
            List<String> name = alias.terms();
            int extra = name.size() - terms.size();
            if (extra >= 0 && extra < fewestExtra && name.subList(0, terms.size()).equals(terms)) {
                best = Optional.of(alias.subjectId());
                fewestExtra = extra;
            }
        }
        return best;
    }

    private static boolean free(boolean[] used, int start, int size) {
        for (int i = start; i < start + size; i++) {
            if (used[i]) {
                return false;
            }
        }
        return true;
    }
}
