package dev.careerbot.intent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.careerbot.BundledBot;
import dev.careerbot.config.MatcherSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trained matchers saved and reused only for exactly their inputs; damaged files never used. */
class MatcherStoreTest {

    private static final List<String> QUESTIONS = List.of("computr vison enginer skils", "what does an NLP engineer do",
            "what is the capital of peru", "how much do ml engineers earn", "hello", "");

    @TempDir
    Path folder;

    private static TrainingSet knowledgeSet() {
        return IntentMatcher.trainingSet(BundledBot.knowledge(), MatcherSettings.defaults(), FeatureSet.lexical());
    }

    private MatcherStore store() {
        return new MatcherStore(Optional.of(folder), ClassLoader.getPlatformClassLoader());
    }

    @Test
    void aSavedMatcherAnswersExactlyAsTheTrainedOne() {
        TrainingSet set = knowledgeSet();
        IntentMatcher trained = store().matcher("knowledge-lexical", set).matcher();

        MatcherStore.Obtained loaded = store().saved("knowledge-lexical", set).orElseThrow();

        assertTrue(loaded.origin().startsWith("loaded from"), loaded.origin());
        assertEquals(trained.thresholds(), loaded.matcher().thresholds());
        for (String question : QUESTIONS) {
            assertEquals(trained.match(question), loaded.matcher().match(question), question);
            assertEquals(trained.terms(question), loaded.matcher().terms(question), question);
        }
    }

    @Test
    void anEditedExampleMakesTheSavedMatcherStale() {
        TrainingSet set = knowledgeSet();
        store().matcher("knowledge-lexical", set);
        List<LabelledExample> edited = new ArrayList<>(set.examples());
        edited.set(0, LabelledExample.of(edited.get(0).text() + " please", edited.get(0).label()));
        TrainingSet changed = new TrainingSet(edited, set.options(), set.validation(), set.features());

        assertNotEquals(set.key(), changed.key());
        assertTrue(store().saved("knowledge-lexical", changed).isEmpty());
    }

    @Test
    void aTruncatedOrTamperedFileIsIgnoredAndTrainedAgain() throws IOException {
        TrainingSet set = knowledgeSet();
        IntentMatcher trained = store().matcher("knowledge-lexical", set).matcher();
        Path file = folder.resolve("knowledge-lexical.matcher");
        byte[] intact = Files.readAllBytes(file);

        Files.write(file, java.util.Arrays.copyOf(intact, intact.length / 2));
        assertTrue(store().saved("knowledge-lexical", set).isEmpty(), "truncated");

        byte[] tampered = intact.clone();
        tampered[intact.length / 2] ^= 0x40;
        Files.write(file, tampered);
        assertTrue(store().saved("knowledge-lexical", set).isEmpty(), "tampered");

        MatcherStore.Obtained again = store().matcher("knowledge-lexical", set);
        assertTrue(again.origin().startsWith("trained"), again.origin());
        assertEquals(trained.match("what does an NLP engineer do"), again.matcher().match("what does an NLP engineer do"));
        assertTrue(store().saved("knowledge-lexical", set).isPresent(), "rewritten intact");
    }

    @Test
    void trainingIsRepeatableSoTheKeyNamesOneMatcher() {
        TrainingSet set = knowledgeSet();
        byte[] first = MatcherFile.encode(IntentMatcher.train(set));
        byte[] second = MatcherFile.encode(IntentMatcher.train(set));

        assertTrue(java.util.Arrays.equals(first, second), "same inputs, same bytes");
    }

    @Test
    void aRetrainAnswersAtOnceWithThePreviousThresholdsThenBecomesExactlyTheTrainedMatcher() throws Exception {
        TrainingSet before = knowledgeSet();
        IntentMatcher previous = store().matcher("knowledge-lexical", before).matcher();
        List<LabelledExample> edited = new ArrayList<>(before.examples());
        edited.add(LabelledExample.of("what is a kettle", edited.get(0).label()));
        TrainingSet after = new TrainingSet(edited, before.options(), before.validation(), before.features());

        MatcherStore.Obtained retrained = store().matcher("knowledge-lexical", after, previous);

        assertTrue(retrained.origin().startsWith("retrained"), retrained.origin());
        assertEquals(after.key(), retrained.matcher().key());
        IntentMatcher.Retrained direct = IntentMatcher.retrain(after, previous.thresholds());
        assertEquals(previous.thresholds().answer(), direct.matcher().thresholds().answer());
        assertEquals(previous.thresholds().clarify(), direct.matcher().thresholds().clarify());
        IntentMatcher calibrated = direct.calibrated().get(60, java.util.concurrent.TimeUnit.SECONDS);
        assertSame(direct.matcher(), calibrated);
        IntentMatcher trained = IntentMatcher.train(after);
        assertEquals(trained.thresholds(), calibrated.thresholds());
        assertTrue(java.util.Arrays.equals(MatcherFile.encode(trained), MatcherFile.encode(calibrated)),
                "once calibrated, byte for byte the matcher training gives");
        for (String question : QUESTIONS) {
            assertEquals(trained.match(question), calibrated.match(question), question);
        }
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (store().saved("knowledge-lexical", after).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(store().saved("knowledge-lexical", after).isPresent(), "saved once its thresholds were chosen");
    }

    @Test
    void aRetrainWithConfiguredThresholdsIsTrainedWholeAndSavedAtOnce() {
        TrainingSet before = knowledgeSet();
        IntentMatcher previous = IntentMatcher.train(before);
        List<LabelledExample> edited = new ArrayList<>(before.examples());
        edited.add(LabelledExample.of("what is a saucepan", edited.get(0).label()));
        TrainingSet after = new TrainingSet(edited, before.options().withFixedThresholds(0.6, 0.3),
                before.validation(), before.features());

        MatcherStore.Obtained retrained = store().matcher("knowledge-lexical", after, previous);

        assertTrue(retrained.origin().startsWith("trained in"), retrained.origin());
        assertTrue(retrained.calibrated().isDone());
        assertEquals(0.6, retrained.matcher().thresholds().answer());
        assertTrue(store().saved("knowledge-lexical", after).isPresent(), "saved before the call returns");
    }

    @Test
    void aRetrainSupersededByANewerEditStopsCalibratingAndSavesNothing() throws Exception {
        TrainingSet before = knowledgeSet();
        IntentMatcher previous = IntentMatcher.train(before);
        List<LabelledExample> edited = new ArrayList<>(before.examples());
        edited.add(LabelledExample.of("what is a teapot", edited.get(0).label()));
        TrainingSet after = new TrainingSet(edited, before.options(), before.validation(), before.features());

        MatcherStore.Obtained retrained = store().matcher("knowledge-lexical", after, previous);
        assertTrue(retrained.calibrated().cancel(true), "still calibrating");

        long deadline = System.nanoTime() + 20_000_000_000L;
        while (trainingThreadsAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertFalse(trainingThreadsAlive(), "the folds stopped");
        assertEquals(previous.thresholds().answer(), retrained.matcher().thresholds().answer());
        assertTrue(store().saved("knowledge-lexical", after).isEmpty(), "nothing saved");
        assertEquals(IntentMatcher.train(after).match("what does an NLP engineer do").intent(),
                retrained.matcher().match("what does an NLP engineer do").intent());
    }

    private static boolean trainingThreadsAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(thread -> thread.isAlive() && thread.getName().equals("matcher-training"));
    }

    @Test
    void trainingOnAnInterruptedThreadStopsAtTheNextEpoch() {
        List<InputVector> inputs = List.of(new InputVector(SparseVector.EMPTY, new float[] {1, 0}),
                new InputVector(SparseVector.EMPTY, new float[] {0, 1}));
        Thread.currentThread().interrupt();
        try {
            assertThrows(java.util.concurrent.CancellationException.class, () -> SoftmaxClassifier.train(inputs,
                    new int[] {0, 1}, new float[] {1, 1}, 0, 2, 2, Training.defaults()));
        } finally {
            Thread.interrupted();
        }
        assertEquals(2, SoftmaxClassifier.train(inputs, new int[] {0, 1}, new float[] {1, 1}, 0, 2, 2,
                Training.defaults()).classes(), "trains when not interrupted");
    }
}
