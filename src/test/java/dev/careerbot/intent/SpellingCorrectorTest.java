package dev.careerbot.intent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.careerbot.knowledge.KnowledgeLoader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SpellingCorrectorTest {

    private final SpellingCorrector corrector = new SpellingCorrector(Map.of(
            "computer", 40, "vision", 30, "engineer", 300, "skills", 150, "skill", 9, "the", 500,
            "python", 20, "tensor", 1, "tenor", 1));

    @Test
    void correctsAMissingLetter() {
        assertEquals("computer", corrector.correct("computr"));
        assertEquals("vision", corrector.correct("vison"));
        assertEquals("engineer", corrector.correct("enginer"));
    }

    @Test
    void correctsASwappedPair() {
        assertEquals("python", corrector.correct("pyhton"));
    }

    @Test
    void prefersTheMoreFrequentOfEquallyCloseWords() {
        assertEquals("skills", corrector.correct("skils"));
    }

    @Test
    void leavesShortWordsAlone() {
        assertEquals("teh", corrector.correct("teh"));
        assertEquals("ml", corrector.correct("ml"));
    }

    @Test
    void leavesGibberishAlone() {
        assertEquals("xqzvbn", corrector.correct("xqzvbn"));
        assertEquals("lkjhg", corrector.correct("lkjhg"));
    }

    @Test
    void leavesKnownWordsAlone() {
        assertEquals("python", corrector.correct("python"));
        assertEquals("tenor", corrector.correct("tenor"));
    }

    @Test
    void leavesWordsWithDigitsAlone() {
        assertEquals("gpt4o", corrector.correct("gpt4o"));
    }

    @Test
    void correctsAMisspellingTheExamplesThemselvesContain() {
        SpellingCorrector learntFromMisspeltExamples = new SpellingCorrector(Map.of(
                "skils", 10, "skills", 157, "computr", 1, "computer", 53));
        assertEquals("skills", learntFromMisspeltExamples.correct("skils"));
        assertEquals("computer", learntFromMisspeltExamples.correct("computr"));
    }

    @Test
    void keepsAKnownWordWhoseLongerNeighbourIsNotFarMoreFrequent() {
        SpellingCorrector corrector = new SpellingCorrector(Map.of("tensor", 3, "tensors", 20));
        assertEquals("tensor", corrector.correct("tensor"));
    }

    @Test
    void answersAsComparingWithEveryKnownWordWould() {
        Map<String, Integer> frequencies = new HashMap<>();
        new KnowledgeLoader().load(java.nio.file.Path.of("config", "knowledge.yml")).base().intents().forEach(intent -> intent.examples().forEach(example ->
                List.of(example.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}']+"))
                        .forEach(word -> frequencies.merge(word, 1, Integer::sum))));
        frequencies.remove("");
        SpellingCorrector corrector = new SpellingCorrector(frequencies);
        List<String> known = new ArrayList<>(frequencies.keySet());
        Random random = new Random(15);
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            StringBuilder word = new StringBuilder(known.get(random.nextInt(known.size())));
            for (int edit = random.nextInt(4); edit > 0 && word.length() > 1; edit--) {
                int at = random.nextInt(word.length());
                switch (random.nextInt(3)) {
                    case 0 -> word.deleteCharAt(at);
                    case 1 -> word.setCharAt(at, (char) ('a' + random.nextInt(26)));
                    default -> word.insert(at, (char) ('a' + random.nextInt(26)));
                }
            }
            if (!frequencies.containsKey(word.toString())) {
                words.add(word.toString());
            }
            words.add(random.ints(4 + random.nextInt(10), 'a', 'z' + 1)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString());
            words.add(random.ints(4 + random.nextInt(6), 0x0430, 0x0450)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString());
        }
        int corrected = 0;
        for (String word : words) {
            String expected = closestByComparingWithEveryWord(word, frequencies);
            assertEquals(expected, corrector.correct(word), word);
            corrected += expected.equals(word) ? 0 : 1;
        }
        assertTrue(corrected > 500, "the sample should hold many correctable words, not " + corrected);
    }

    /** The rule of the class doc for an unknown word, the slow way: every known word of at least three letters. */
    private static String closestByComparingWithEveryWord(String word, Map<String, Integer> frequencies) {
        if (word.length() < 4 || !word.chars().allMatch(Character::isLetter)) {
            return word;
        }
        int allowed = word.length() <= 5 ? 1 : 2;
        return frequencies.keySet().stream()
                .filter(known -> known.length() >= 3)
                .filter(known -> SpellingCorrector.distance(word, known, allowed) <= allowed)
                .min(Comparator.<String>comparingInt(known -> SpellingCorrector.distance(word, known, allowed))
                        .thenComparing(known -> -frequencies.get(known))
                        .thenComparingInt(String::length)
                        .thenComparing(Comparator.naturalOrder()))
                .orElse(word);
    }
}
