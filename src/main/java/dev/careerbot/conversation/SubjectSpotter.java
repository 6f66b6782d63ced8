package dev.careerbot.conversation;

import dev.careerbot.intent.IntentMatcher;
import dev.careerbot.knowledge.Subject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Finds which subjects a message names, through their aliases, read as the matcher reads. */
final class SubjectSpotter {

    private record Alias(String subjectId, List<String> terms, boolean followUpOnly) {}

    private final List<Alias> aliases = new ArrayList<>();

    SubjectSpotter(List<Subject> subjects, IntentMatcher matcher) {
        for (Subject subject : subjects) {
            List<String> names = new ArrayList<>(subject.aliases());
            names.add(subject.name());
            names.add(subject.id().replace('_', ' '));
            names.forEach(name -> add(subject.id(), matcher.terms(name), false));
            subject.followUpAliases().forEach(name -> add(subject.id(), matcher.terms(name), true));
        }
        // Longer aliases first, so "machine learning engineer" wins over "machine learning".
        aliases.sort((a, b) -> Integer.compare(b.terms().size(), a.terms().size()));
    }

    private void add(String subjectId, List<String> terms, boolean followUpOnly) {
        if (!terms.isEmpty()) {
            aliases.add(new Alias(subjectId, terms, followUpOnly));
        }
    }

    /** The subjects named in the terms of a question that stands on its own. */
    List<String> subjectsIn(List<String> terms) {
        return subjectsIn(terms, false);
    }

    /**
     * The subjects named in the terms, in order of first mention, each once; in a follow-up
     * ("and for cv?") the subjects' follow-up aliases count too.
     */
    List<String> subjectsIn(List<String> terms, boolean followUp) {
        boolean[] used = new boolean[terms.size()];
        List<int[]> found = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        // Most aliases have a word the question lacks: a set lookup rules them out before any scan.
        Set<String> present = new HashSet<>(terms);
        for (Alias alias : aliases) {
            if ((alias.followUpOnly() && !followUp) || !present.containsAll(alias.terms())) {
                continue;
            }
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
     * For a command argument such as "ml" or "research": the subjects named in the terms, else
     * the first subject one of whose aliases contains the terms ("research" in "research
     * scientist").
     */
    List<String> subjectsLooselyIn(List<String> terms) {
        List<String> exact = subjectsIn(terms, true);
        if (!exact.isEmpty() || terms.isEmpty()) {
            return exact;
        }
        for (Alias alias : aliases) {
            if (Collections.indexOfSubList(alias.terms(), terms) >= 0) {
                return List.of(alias.subjectId());
            }
        }
        return List.of();
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
