package dev.careerbot.intent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.careerbot.BundledBot;
import dev.careerbot.config.MatcherSettings;
import dev.careerbot.knowledge.Intent;
import dev.careerbot.knowledge.KnowledgeBase;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The matcher trained on the shipped knowledge base, as the bot uses it. */
class IntentMatcherTest {

    private final IntentMatcher matcher = BundledBot.matcher();

    private Match answered(String text, String intent) {
        Match match = matcher.match(text);
        assertEquals(Decision.ANSWER, match.decision(), () -> text + " -> " + match);
        assertEquals(intent, match.intent(), () -> text + " -> " + match);
        return match;
    }

    @Test
    void answersComputerVisionSkillsDespiteTypos() {
        answered("computr vison enginer skils", "role.cv_engineer.skills");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            what skills does an ML engineer need | role.ml_engineer.skills
            what does an NLP engineer do         | role.nlp_engineer
            CV engineer skills                   | role.cv_engineer.skills
            what does an MLE do                  | role.ml_engineer
            DS vs AI engineer                    | ai_engineer.vs_data_scientist
            """)
    void understandsAbbreviations(String text, String intent) {
        answered(text, intent);
    }

    @Test
    void ignoresCaseAndPunctuation() {
        Match plain = answered("what skills does an ai engineer need", "skills.overview");
        for (String variant : List.of("WHAT SKILLS DOES AN AI ENGINEER NEED???", "What Skills, Does An AI Engineer Need.",
                "  what skills does an ai engineer need  ")) {
            Match match = matcher.match(variant);
            assertEquals(plain.intent(), match.intent(), variant);
            assertEquals(plain.confidence(), match.confidence(), 1e-12, variant);
        }
    }

    @Test
    void readsAContractionLikeItsLongForm() {
        assertEquals(matcher.match("what is an AI engineer").candidates(),
                matcher.match("what's an AI engineer").candidates());
    }

    @Test
    void findsTheQuestionInALongMultiSentenceMessage() {
        answered("Hello! I study physics at university and I'm thinking about switching careers. My friends"
                + " say AI is the future. Which programming languages do AI engineers use? Is Python enough?",
                "skills.programming");
    }

    @Test
    void readsOnlyThePrefixOfAOneMegabyteMessage() {
        String question = "what skills does an NLP engineer need? " + " ".repeat(1000);
        String huge = question + "how do I fix my car ".repeat(1_000_000 / 20);
        assertTrue(huge.length() >= 1_000_000);
        Match match = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> matcher.match(huge));
        assertEquals(Decision.ANSWER, match.decision(), match::toString);
        assertEquals("role.nlp_engineer.skills", match.intent());
        assertEquals(matcher.terms(question), matcher.terms(huge), "only the first 1,000 characters are read");
    }

    @ParameterizedTest
    @ValueSource(strings = {"computr vison enginer skils", "what do they earn?", "how do I fix my car",
            "what's an MLE and wanna know their salary pls", "xqzvbn lkjhg wpoeirut"})
    void returnsTheWordsItReadWithTheMatch(String text) {
        assertEquals(matcher.terms(text), matcher.match(text).terms(), text);
        assertTrue(!matcher.match(text).terms().isEmpty(), text);
    }

    @Test
    void returnsNoWordsForAMessageInAnotherLanguage() {
        Match match = matcher.match("¿Qué hace un ingeniero de inteligencia artificial?");
        assertEquals(Decision.OTHER_LANGUAGE, match.decision());
        assertEquals(List.of(), match.terms());
    }

    @Test
    void findsNothingToMatchInEmojiOnly() {
        assertEquals(Decision.EMPTY, matcher.match("\uD83D\uDE00\uD83D\uDE80\uD83C\uDF89").decision());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t\n", "?!?", "\u200B\u200B"})
    void findsNothingToMatchInBlankText(String text) {
        Match match = matcher.match(text);
        assertEquals(Decision.EMPTY, match.decision());
        assertEquals(KnowledgeBase.OUT_OF_SCOPE, match.intent());
    }

    @Test
    void findsNothingToMatchInNull() {
        assertEquals(Decision.EMPTY, matcher.match(null).decision());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "¿Qué habilidades necesita un ingeniero de inteligencia artificial?",
        "¿qué tiempo hace hoy?",
        "que hace un ingeniero de IA",
        "Quelles compétences faut-il pour devenir ingénieur en IA ?",
        "Welche Fähigkeiten braucht ein KI-Ingenieur?",
        "Какие навыки нужны инженеру по искусственному интеллекту?",
        "人工智能工程师需要什么技能？",
        "ما هي المهارات التي يحتاجها مهندس الذكاء الاصطناعي؟"
    })
    void recognisesAQuestionInAnotherLanguage(String text) {
        assertEquals(Decision.OTHER_LANGUAGE, matcher.match(text).decision());
    }

    @ParameterizedTest
    @ValueSource(strings = {"lkjhg poiuy", "asdfghjkl qwertz", "zzzz xxxx yyyy"})
    void putsGibberishOutOfScope(String text) {
        Match match = matcher.match(text);
        assertEquals(Decision.OUT_OF_SCOPE, match.decision(), match::toString);
        assertEquals(KnowledgeBase.OUT_OF_SCOPE, match.intent());
    }

    @ParameterizedTest
    @ValueSource(strings = {"what is the capital of France", "how do I bake a chocolate cake",
        "what's the weather like tomorrow", "who won the football match yesterday"})
    void putsOffTopicQuestionsOutOfScope(String text) {
        Match match = matcher.match(text);
        assertEquals(Decision.OUT_OF_SCOPE, match.decision(), match::toString);
        assertEquals(KnowledgeBase.OUT_OF_SCOPE, match.intent());
    }

    @Test
    void givesTheTopCandidatesScoreEvenWhenOutOfScope() {
        Match match = matcher.match("what is the capital of France");
        assertEquals(match.candidates().get(0).score(), match.confidence(), 0);
    }

    @Test
    void scoresIdenticallyWhenTrainedTwiceOnTheSameExamples() {
        MatcherSettings fixedThresholds = new MatcherSettings(OptionalDouble.of(0.5), OptionalDouble.of(0.25), 1000);
        IntentMatcher first = IntentMatcher.forKnowledge(BundledBot.knowledge(), fixedThresholds);
        IntentMatcher second = IntentMatcher.forKnowledge(BundledBot.knowledge(), fixedThresholds);
        for (String text : List.of("what does an NLP engineer do", "computr vison enginer skils",
                "what is the capital of France", "do I need a PhD", "tell me more")) {
            assertEquals(first.match(text), second.match(text), text);
        }
    }

    @Test
    void givesConfidencesBetweenZeroAndOne() {
        for (String text : List.of("hello", "what skills does an AI engineer need", "lkjhg", "model",
                "what is the capital of France", "do I need a PhD to work in AI research?")) {
            Match match = matcher.match(text);
            assertTrue(match.confidence() >= 0 && match.confidence() <= 1, match::toString);
            double previous = 1;
            for (Candidate candidate : match.candidates()) {
                assertTrue(candidate.score() >= 0 && candidate.score() <= previous, match::toString);
                previous = candidate.score();
            }
        }
    }

    @Test
    void hasADidYouMeanBandBelowTheAnswerThreshold() {
        Thresholds thresholds = matcher.thresholds();
        assertTrue(thresholds.clarify() < thresholds.answer(), thresholds::toString);
    }

    @Test
    void knowsEveryIntentOfTheKnowledgeBase() {
        List<String> expected = BundledBot.knowledge().intents().stream().map(Intent::id)
                .filter(id -> !id.equals(KnowledgeBase.OUT_OF_SCOPE)).sorted().toList();
        assertEquals(expected, matcher.intents().stream().sorted().toList());
    }
}
