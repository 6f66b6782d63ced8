package dev.careerbot.intent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    private final TextNormalizer normalizer = new TextNormalizer(1000, Map.of());

    @Test
    void expandsWhatIs() {
        assertEquals(List.of("what", "is", "an", "ai", "engineer"), normalizer.tokens("what's an AI engineer"));
    }

    @Test
    void expandsDoNot() {
        assertEquals(List.of("i", "do", "not", "know", "python"), normalizer.tokens("I don't know Python"));
    }

    @Test
    void expandsCanNot() {
        assertEquals(List.of("i", "can", "not", "code"), normalizer.tokens("I can't code"));
    }

    @Test
    void readsTypographicApostrophesLikePlainOnes() {
        assertEquals(normalizer.tokens("what's a role I'm suited to"),
                normalizer.tokens("what\u2019s a role I\u2019m suited to"));
    }

    @Test
    void dropsPlatformMentions() {
        assertEquals(List.of("what", "skills", "do", "i", "need"),
                normalizer.tokens("<@123456789> what skills do <@!42> I need <#77>"));
    }

    @Test
    void dropsAtMentions() {
        assertEquals(List.of("hi", "what", "is", "nlp"), normalizer.tokens("@CareerBot hi @some.user what is NLP"));
    }

    @Test
    void dropsTheBotNameOfACommand() {
        assertEquals(List.of("help"), normalizer.tokens("/help@CareerBot"));
    }

    @Test
    void dropsUrls() {
        assertEquals(List.of("read", "and", "about", "skills"),
                normalizer.tokens("read https://example.com/a?b=c and www.example.org/x about skills"));
    }

    @Test
    void dropsEmoji() {
        assertEquals(List.of("skills", "please"), normalizer.tokens("skills \uD83D\uDE80\uD83D\uDD25 please \u2764\uFE0F"));
    }

    @Test
    void keepsCPlusPlusAsOneToken() {
        List<String> tokens = normalizer.tokens("do I need C++ or C#?");
        assertTrue(tokens.contains("cplusplus"), tokens.toString());
        assertTrue(tokens.contains("csharp"), tokens.toString());
        assertFalse(tokens.contains("c"), tokens.toString());
    }

    @Test
    void ignoresCaseAndPunctuation() {
        assertEquals(normalizer.tokens("what skills does an ai engineer need"),
                normalizer.tokens("WHAT... skills, does an AI engineer NEED?!"));
    }

    @Test
    void expandsChatShorthand() {
        assertEquals(List.of("what", "do", "you", "need", "please"), normalizer.tokens("wat do u need pls"));
    }

    @Test
    void appliesTheKnowledgeBaseSynonymsAsWholeWords() {
        TextNormalizer withSynonyms = new TextNormalizer(1000,
                Map.of("ml", "machine learning", "comp sci", "computer science"));
        assertEquals(List.of("machine", "learning", "skills", "html", "computer", "science"),
                withSynonyms.tokens("ML skills html comp sci"));
    }

    @Test
    void readsOnlyTheConfiguredPrefix() {
        TextNormalizer short10 = new TextNormalizer(10, Map.of());
        assertEquals(List.of("skills", "for"), short10.tokens("skills for robotics engineers"));
    }

    @Test
    void neverCutsACharacterInHalf() {
        TextNormalizer short2 = new TextNormalizer(2, Map.of());
        String prefix = short2.readablePrefix("a\uD83D\uDE80b");
        assertEquals("a", prefix);
    }

    @Test
    void stemsWordFormsToOneStem() {
        assertEquals(TextNormalizer.stem("skill"), TextNormalizer.stem("skills"));
        assertEquals(TextNormalizer.stem("learn"), TextNormalizer.stem("learning"));
        assertEquals(TextNormalizer.stem("study"), TextNormalizer.stem("studies"));
    }

    @Test
    void readsNothingInBlankOrSymbolOnlyText() {
        assertEquals(List.of(), normalizer.tokens("   \t\n "));
        assertEquals(List.of(), normalizer.tokens("?!... \uD83D\uDE00\uD83D\uDE00"));
    }
}
