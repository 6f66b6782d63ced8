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
 *
 * <p>Looking a word up compares it with the known words of nearby length, but each comparison
 * first checks the letters the two words do not share (one bit per letter): a word with more
 * letters missing from the other than edits allowed cannot be within reach, so the edit distance
 * is computed only for the few that pass. Unlike an index of deletions (SymSpell), this costs
 * nothing to build, which matters because every cross-validation fold builds a corrector, and it
 * gives exactly the answers of comparing with every word: gibberish and other scripts, whose
 * words share few letters with any known word, are rejected after a mask check each.
 */
final class SpellingCorrector {

    private static final int MIN_MISSPELT_LENGTH = 5;
    private static final int MISSPELLING_RATIO = 10;

    private final Map<String, Integer> frequencies;
    private final Map<Integer, Bucket> wordsByLength = new HashMap<>();
    private final long knownLetters;
    private final Map<String, String> knownMisspellings;

    /** The known words of one length, in alphabetical order, with their letter masks and frequencies. */
    private record Bucket(String[] words, long[] letters, int[] frequencies) {}

    SpellingCorrector(Map<String, Integer> frequencies) {
        this.frequencies = Map.copyOf(frequencies);
        Map<Integer, List<String>> byLength = new HashMap<>();
        frequencies.keySet().stream().sorted().forEach(word ->
                byLength.computeIfAbsent(word.length(), length -> new ArrayList<>()).add(word));
        long letters = 0;
        for (Map.Entry<Integer, List<String>> entry : byLength.entrySet()) {
            List<String> words = entry.getValue();
            long[] masks = new long[words.size()];
            int[] counts = new int[words.size()];
            for (int i = 0; i < words.size(); i++) {
                masks[i] = letters(words.get(i));
                counts[i] = frequencies.get(words.get(i));
                letters |= masks[i];
            }
            wordsByLength.put(entry.getKey(), new Bucket(words.toArray(String[]::new), masks, counts));
        }
        this.knownLetters = letters;
        this.knownMisspellings = knownMisspellings(this.frequencies);
    }

    /**
     * One bit per letter of the word: a to z their own, any other character one of 38 shared bits.
     * A shared bit can only hide a difference, so the bound drawn from the masks stays a bound.
     */
    private static long letters(String word) {
        long mask = 0;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            mask |= 1L << (c >= 'a' && c <= 'z' ? c - 'a' : 26 + c % 38);
        }
        return mask;
    }

    /**
     * A lower bound of the edit distance: every letter of one word that the other lacks takes an
     * edit of its own (a substitution or a deletion touches one position, a transposition none).
     */
    private static int missingLetters(long one, long other) {
        return Math.max(Long.bitCount(one & ~other), Long.bitCount(other & ~one));
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
        long letters = letters(word);
        if (Long.bitCount(letters & ~knownLetters) > allowed) {
            return word;
        }
        String best = word;
        int bestDistance = allowed + 1;
        int bestFrequency = 0;
        for (int candidateLength = Math.max(3, length - allowed); candidateLength <= length + allowed; candidateLength++) {
            Bucket bucket = wordsByLength.get(candidateLength);
            if (bucket == null) {
                continue;
            }
            for (int i = 0; i < bucket.words().length; i++) {
                if (missingLetters(letters, bucket.letters()[i]) > allowed) {
                    continue;
                }
                int distance = distance(word, bucket.words()[i], bestDistance);
                int frequency = bucket.frequencies()[i];
                if (distance < bestDistance || (distance == bestDistance && frequency > bestFrequency)) {
                    best = bucket.words()[i];
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
