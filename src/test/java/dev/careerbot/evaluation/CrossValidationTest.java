package dev.careerbot.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.careerbot.config.MatcherMode;
import dev.careerbot.config.MatcherSettings;
import dev.careerbot.intent.IntentMatcher;
import dev.careerbot.knowledge.KnowledgeBase;
import dev.careerbot.knowledge.KnowledgeLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrossValidationTest {

    private static final MatcherSettings FIXED =
            MatcherSettings.defaults().withMode(MatcherMode.LEXICAL).withThresholds(0.5, 0.25);

    @TempDir
    Path folder;

    private final CrossValidation fiveFolds =
            new CrossValidation(5, knowledge -> IntentMatcher.forKnowledge(knowledge, FIXED), System::nanoTime);

    private KnowledgeBase load(String intents) throws IOException {
        Path file = Files.writeString(folder.resolve("knowledge.yml"), "intents:\n" + intents + intent("out_of_scope",
                "what is the weather today", "tell me a joke", "recommend a movie", "how do i bake bread",
                "who won the game", "capital of france", "translate this", "play some music", "book a taxi",
                "what time is it"));
        return new KnowledgeLoader().load(file).base();
    }

    private static String intent(String id, String... examples) {
        return "  - id: " + id + "\n    title: " + id + "\n    examples:\n"
                + List.of(examples).stream().map(example -> "      - " + example).collect(Collectors.joining("\n"))
                + "\n    answer: About " + id + ".\n    related: [out_of_scope]\n";
    }

    /** Ten copies of a question, each with its own last word: held out, only the shared words remain. */
    private static String[] copies(String question, String lastWords) {
        return lastWords.chars().mapToObj(letter -> question + " " + (char) letter).toArray(String[]::new);
    }

    @Test
    void scoresEveryExampleAndNegativeOnceWithAMatcherThatNeverSawIt() throws IOException {
        KnowledgeBase knowledge = load(intent("salary", "how much do ai engineers earn", "what is the salary",
                "pay for ml engineers", "how much money can i make", "average ai salary", "is the pay good",
                "what do they get paid", "salary range for juniors", "how well paid is it", "compensation in ai")
                + intent("python", "do i need python", "should i learn python first", "is python required",
                "python or java for ai", "how much python", "which python libraries", "python skills for ml",
                "is python enough", "learn python for machine learning", "python for data work"));
        EvalReport report = fiveFolds.report(knowledge);
        assertEquals(30, report.total(), "20 examples and 10 negatives, each held out once");
        assertEquals(10, report.perIntent().get("salary").support());
        assertTrue(report.inScopeAccuracy() > 0.5, () -> "two distinct intents are mostly told apart: " + report.toText());
    }

    @Test
    void findsTwoIntentsWhoseExamplesCannotBeToldApart() throws IOException {
        KnowledgeBase knowledge = load(intent("pay", copies("how much does an ai engineer earn", "abcdefghij"))
                + intent("salary", copies("how much does an ai engineer earn", "klmnopqrst"))
                + intent("python", "do i need python", "should i learn python first", "is python required",
                "python or java for ai", "how much python", "which python libraries", "python skills for ml",
                "is python enough", "learn python for machine learning", "python for data work"));
        List<CrossValidation.Overlap> overlaps = fiveFolds.overlaps(knowledge);
        assertTrue(overlaps.stream().anyMatch(overlap -> overlap.intent().id().equals("pay")
                && overlap.takenFor().id().equals("salary")
                || overlap.intent().id().equals("salary") && overlap.takenFor().id().equals("pay")), overlaps::toString);
        assertTrue(overlaps.stream().noneMatch(overlap -> overlap.intent().id().equals("python")), overlaps::toString);
        String message = overlaps.get(0).message();
        assertTrue(message.startsWith(folder.resolve("knowledge.yml") + ":"), message);
        assertTrue(message.contains("make their examples more distinct, or merge the two intents"), message);
    }

    @Test
    void needsAtLeastTwoFolds() {
        assertThrows(IllegalArgumentException.class, () -> new CrossValidation(1, knowledge -> null, System::nanoTime));
    }
}
