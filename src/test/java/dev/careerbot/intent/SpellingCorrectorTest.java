package dev.careerbot.intent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
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
}
