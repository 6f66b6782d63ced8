package dev.careerbot.intent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Corrects words the matcher has never seen to the most frequent known word within a small
 * edit distance (one edit for words of four or five letters, two for longer words; shorter
 * words are left alone). "computr vison enginer skils" becomes "computer vision engineer skills".
 * A misspelling that the examples themselves contain is known, but no less a misspelling: a
 * known word that lacks one letter of a far more frequent word is read as that word.
 */
final class SpellingCorrector {

    private static final int MIN_MISSPELT_LENGTH = 5;
    private static final int MISSPELLING_RATIO = 10;

    private final Map<String, Integer> frequencies;
    private final Map<Integer, List<String>> wordsByLength = new HashMap<>();
    private final Map<String, String> knownMisspellings;

    SpellingCorrector(Map<String, Integer> frequencies) {
        this.frequencies = Map.copyOf(frequencies);
        frequencies.keySet().stream().sorted().forEach(word ->
                wordsByLength.computeIfAbsent(word.length(), length -> new ArrayList<>()).add(word));
        this.knownMisspellings = knownMisspellings(this.frequencies);
    }

    /**
     * Known words that lack one letter of a word at least {@value #MISSPELLING_RATIO} times as
     * frequent, each to the most frequent such word.
     */
    private static Map<String, String> knownMisspellings(Map<String, Integer> frequencies) {
        Map<String, String> corrections = new HashMap<>();
        frequencies.keySet().stream().sorted().forEach(word -> {
            if (word.length() <= MIN_MISSPELT_LENGTH || !word.chars().allMatch(Character::isLetter)) {
                return;
            }
            int frequency = frequencies.get(word);
            for (int skip = 0; skip < word.length(); skip++) {
                String shorter = word.substring(0, skip) + word.substring(skip + 1);
                Integer shorterFrequency = frequencies.get(shorter);
                if (shorterFrequency == null || frequency < shorterFrequency * MISSPELLING_RATIO) {
                    continue;
                }
                String current = corrections.get(shorter);
                if (current == null || frequencies.get(current) < frequency) {
                    corrections.put(shorter, word);
                }
            }
        });
        return Map.copyOf(corrections);
    }

    /** The known words with their frequencies, as given. */
    Map<String, Integer> frequencies() {
        return frequencies;
    }

    boolean knows(String word) {
        return frequencies.containsKey(word);
    }

    /**
     * The word itself when known or when no close known word exists, else the correction. A
     * known word can still be a misspelling that the examples themselves contain ("skils",
     * "enginer"): one of at least {@value #MIN_MISSPELT_LENGTH} letters that lacks one letter of a
     * word {@value #MISSPELLING_RATIO} times as frequent is read as that word.
     */
    String correct(String word) {
        int length = word.length();
        if (length < 4 || !word.chars().allMatch(Character::isLetter)) {
            return word;
        }
        if (knows(word)) {
            return knownMisspellings.getOrDefault(word, word);
        }
        int allowed = length <= 5 ? 1 : 2;
        String best = word;
        int bestDistance = allowed + 1;
        int bestFrequency = 0;
        for (int candidateLength = length - allowed; candidateLength <= length + allowed; candidateLength++) {
            for (String candidate : wordsByLength.getOrDefault(candidateLength, List.of())) {
                if (candidate.length() < 3) {
                    continue;
                }
                int distance = distance(word, candidate, bestDistance);
                int frequency = frequencies.get(candidate);
                if (distance < bestDistance || (distance == bestDistance && frequency > bestFrequency)) {
                    best = candidate;
                    bestDistance = distance;
                    bestFrequency = frequency;
                }
            }
        }
        return bestDistance <= allowed ? best : word;
    }

    /** Optimal string alignment distance, giving up (returning limit + 1) beyond the limit. */
    static int distance(String a, String b, int limit) {
        int n = a.length();
        int m = b.length();
        if (Math.abs(n - m) > limit) {
            return limit + 1;
        }
        int[] previousPrevious = new int[m + 1];
        int[] previous = new int[m + 1];
        int[] current = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            current[0] = i;
            int rowMinimum = current[0];
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int value = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    value = Math.min(value, previousPrevious[j - 2] + 1);
                }
                current[j] = value;
                rowMinimum = Math.min(rowMinimum, value);
            }
            if (rowMinimum > limit) {
                return limit + 1;
            }
            int[] recycled = previousPrevious;
            previousPrevious = previous;
            previous = current;
            current = recycled;
        }
        return previous[m];
    }
}
