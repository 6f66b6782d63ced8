package dev.careerbot.embedding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SentenceEncoderTest {

    static final Path CACHE = Path.of("target", "embedding-cache");

    private SentenceEncoder encoder;

    @BeforeAll
    void openEncoder() {
        encoder = SentenceEncoder.open(CACHE, 40);
    }

    @AfterAll
    void closeEncoder() {
        encoder.close();
    }

    @Test
    void placesAParaphraseCloserThanAnUnrelatedQuestion() {
        float[] question = encoder.encode("what salary does a data scientist earn");
        float[] paraphrase = encoder.encode("how much are data scientists paid");
        float[] unrelated = encoder.encode("will it rain in Paris tomorrow");

        float near = SentenceEncoder.similarity(question, paraphrase);
        float far = SentenceEncoder.similarity(question, unrelated);
        assertTrue(near > far + 0.3f, "paraphrase " + near + " vs unrelated " + far);
    }

    @Test
    void givesUnitVectorsOfTheDocumentedDimension() {
        float[] vector = encoder.encode("which skills does a computer vision engineer need?");

        assertEquals(SentenceEncoder.DIMENSION, vector.length);
        assertEquals(1.0, SentenceEncoder.similarity(vector, vector), 1e-4);
    }

    @Test
    void givesTheZeroVectorForTextWithNothingToEmbed() {
        for (String nothing : List.of("", "   ", "\n\t", "\u200b\u200b", "\u0000\u0007")) {
            float[] vector = encoder.encode(nothing);
            assertArrayEquals(new float[SentenceEncoder.DIMENSION], vector, "for '" + nothing + "'");
        }
    }

    @Test
    void embedsOnlyThePrefixTheMatcherReads() {
        String prefix = "what does a data scientist do all day?";
        assertEquals(38, prefix.length());

        float[] withTail = encoder.encode(prefix + "  and also tell me about quantum gravity and bread recipes");

        assertArrayEquals(encoder.encode(prefix), withTail, 1e-6f);
    }

    @Test
    void neverSplitsACharacterPairAtThePrefixEnd() {
        String text = "a".repeat(39) + "\uD83D\uDE00 smile";

        float[] vector = encoder.encode(text);

        assertArrayEquals(encoder.encode("a".repeat(39)), vector, 1e-6f);
    }

    @Test
    void embedsALongMessageInOnePiece() {
        String longText = "machine learning ".repeat(5_000);

        float[] vector = encoder.encode(longText);

        assertEquals(1.0, SentenceEncoder.similarity(vector, vector), 1e-4);
    }

    @Test
    void embedsOnlyTheFirstAndLastWordsOfALongMessage() {
        try (SentenceEncoder wide = SentenceEncoder.open(CACHE, 1000)) {
            String opening = "i studied physics then worked two years as a data analyst writing sql and many dashboards";
            String middle = " then taught myself python and some scikit learn during covid and more besides";
            String end = "what would you do in my position to get a foot in the door very soon";
            assertEquals(16, opening.split(" ").length);
            assertEquals(16, end.split(" ").length);

            assertArrayEquals(wide.encode(opening + " " + end), wide.encode(opening + middle + " " + end), 1e-6f);
            String thirtyTwoWords = opening + " " + end;
            assertFalse(java.util.Arrays.equals(wide.encode(thirtyTwoWords),
                    wide.encode(thirtyTwoWords.substring(0, thirtyTwoWords.lastIndexOf(' ')))),
                    "up to " + SentenceEncoder.MAX_WORDS + " words, every word counts");
        }
    }

    @Test
    void embedsEveryKnowledgeBaseExampleWhole() {
        dev.careerbot.intent.IntentMatcher matcher = dev.careerbot.BundledBot.matcher();
        dev.careerbot.BundledBot.knowledge().intents().forEach(intent -> intent.examples().forEach(example -> {
            assertTrue(matcher.terms(example).size() <= SentenceEncoder.MAX_WORDS,
                    () -> "an example with more words than the embedding reads: " + example);
            assertTrue(encoder.pieces(String.join(" ", matcher.terms(example))) <= SentenceEncoder.MAX_PIECES,
                    () -> "an example with more word pieces than the embedding reads: " + example);
        }));
    }

    @Test
    void embedsOnlyTheFirstAndLastPiecesOfGibberish() {
        try (SentenceEncoder wide = SentenceEncoder.open(CACHE, 1000)) {
            String head = "kxwgpztxdzbt lwkjtwwtqgkg vqbdhxcmbltz qrqxsgpfcgtj lrmrvqxpwxrx knblzhnwxxfj xlmfdttdpdrg bmrrfczzcqxn";
            String tail = "wlvkcmbdfzwc jrmzlgcnnpgq qsvqzwfzvlrk mrlvmwnbrxnb qzxgcnsppzlt bxcbplsmxznh phnpzlmqfbxg mvklknhrffzn";
            assertTrue(wide.pieces(head) > SentenceEncoder.MAX_PIECES / 2, "the test needs words of many pieces");
            assertTrue(wide.pieces(tail) > SentenceEncoder.MAX_PIECES / 2, "the test needs words of many pieces");
            String mashed = head + " " + tail;
            String longer = head + " qwxzrtplkjh vbnmzxcqwrt " + tail;

            assertArrayEquals(wide.encode(mashed), wide.encode(longer), 1e-6f);
        }
    }

    @Test
    void encodesAListLikeOneByOne() {
        List<String> texts = List.of("hello", "", "what does an NLP engineer build?", "salary of an MLOps engineer",
                "how do I get into AI", "thanks!", "bye", "\u200b", "prompt engineering jobs",
                "is a PhD needed", "portfolio projects", "interview questions", "remote work", "courses",
                "books to read", "certificates", "career change from web dev", "junior roles");

        float[][] all = encoder.encodeAll(texts);

        assertEquals(texts.size(), all.length);
        for (int i = 0; i < texts.size(); i++) {
            assertArrayEquals(encoder.encode(texts.get(i)), all[i], 1e-6f, texts.get(i));
        }
    }

    @Test
    void identifiesTheModelByItsContent() {
        // The CRCs of model and tokenizer, known without loading either (a saved matcher is found meanwhile).
        assertTrue(encoder.modelId().matches("all-minilm-l6-v2-q:[0-9a-f]{1,8}-[0-9a-f]{1,8}"), encoder.modelId());
        assertEquals(SentenceEncoder.modelIdentity(), encoder.modelId());
        try (SentenceEncoder another = SentenceEncoder.open(CACHE, 1000)) {
            assertEquals(encoder.modelId(), another.modelId());
            assertFalse(another.maxInputChars() == encoder.maxInputChars());
        }
    }

    @Test
    void refusesAnInputLimitBelowOne() {
        EmbeddingException error = assertThrows(EmbeddingException.class, () -> SentenceEncoder.open(CACHE, 0));
        assertTrue(error.getMessage().contains("maxInputChars must be at least 1"), error.getMessage());
    }
}
