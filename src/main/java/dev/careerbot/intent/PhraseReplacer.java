package dev.careerbot.intent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Replaces word sequences by others, longest match first, left to right, in one pass. */
final class PhraseReplacer {

    private final Map<List<String>, List<String>> phrases;
    private final int longest;

    PhraseReplacer(Map<List<String>, List<String>> phrases) {
        this.phrases = Map.copyOf(phrases);
        this.longest = phrases.keySet().stream().mapToInt(List::size).max().orElse(0);
    }

    List<String> apply(List<String> tokens) {
        if (phrases.isEmpty()) {
            return tokens;
        }
        List<String> out = new ArrayList<>(tokens.size() + 4);
        int at = 0;
        while (at < tokens.size()) {
            int matched = 0;
            for (int length = Math.min(longest, tokens.size() - at); length > 0; length--) {
                List<String> replacement = phrases.get(tokens.subList(at, at + length));
                if (replacement != null) {
                    out.addAll(replacement);
                    matched = length;
                    break;
                }
            }
            if (matched == 0) {
                out.add(tokens.get(at));
                matched = 1;
            }
            at += matched;
        }
        return out;
    }
}
