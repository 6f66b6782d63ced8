package dev.careerbot;

import dev.careerbot.config.MatcherSettings;
import dev.careerbot.embedding.MatcherFeatures;
import dev.careerbot.intent.FeatureSet;
import dev.careerbot.intent.IntentMatcher;
import dev.careerbot.intent.MatcherStore;
import dev.careerbot.intent.TrainingSet;
import dev.careerbot.knowledge.KnowledgeBase;
import dev.careerbot.operations.PhaseTimes;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's matcher for a knowledge base, for the whole run: the configured features with their
 * sentence encoder (one for the run, starting on its own thread), and the matcher store. A
 * matcher is loaded when one was saved or bundled for these examples and settings, else trained
 * and saved; a reload whose examples, synonyms, names and titles are unchanged (only answers,
 * buttons or links edited) keeps the matcher it has, without training or reading anything, and
 * one that changed them gets a matcher that answers as soon as its classifiers are trained, with
 * the thresholds of the one it replaces until its own are chosen ({@link MatcherStore}).
 */
final class KnowledgeMatchers implements Function<KnowledgeBase, IntentMatcher> {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeMatchers.class);

    private final MatcherSettings settings;
    private final MatcherStore store;
    private final PhaseTimes phases;
    private final CompletableFuture<Void> encoderReady;
    private volatile FeatureSet features;
    private final AtomicReference<IntentMatcher> latest = new AtomicReference<>();
    /** The calibration of the last retrained matcher, if it is still running. */
    private final AtomicReference<CompletableFuture<IntentMatcher>> calibrating =
            new AtomicReference<>(CompletableFuture.completedFuture(null));

    private KnowledgeMatchers(MatcherSettings settings, MatcherStore store, PhaseTimes phases,
            MatcherFeatures.Starting starting) {
        this.settings = settings;
        this.store = store;
        this.phases = phases;
        this.encoderReady = starting.encoderReady();
        this.features = starting.features();
    }

    /** Starts the sentence encoder of the configured mode, if any, on its own thread. */
    static KnowledgeMatchers start(MatcherSettings settings, PhaseTimes phases) {
        long started = System.nanoTime();
        MatcherFeatures.Starting starting = MatcherFeatures.start(settings, "knowledge");
        if (!starting.features().name().equals("lexical")) {
            starting.encoderReady().whenComplete((ready, failed) ->
                    phases.record(PhaseTimes.START, "encoder", Duration.ofNanos(System.nanoTime() - started)));
        }
        return new KnowledgeMatchers(settings, MatcherStore.in(settings.cacheDirectory().resolve("matchers")),
                phases, starting);
    }

    /**
     * The first matcher, with the encoder started: if the encoder cannot start, the lexical
     * matcher instead (with a log line saying why).
     */
    IntentMatcher initial(KnowledgeBase knowledge) {
        return phases.time(PhaseTimes.START, "matcher", () -> {
            try {
                IntentMatcher matcher = obtain(knowledge);
                encoderReady.join();
                return matcher;
            } catch (RuntimeException unavailable) {
                if (features.name().equals("lexical")) {
                    throw unavailable;
                }
                features = MatcherFeatures.lexicalInstead(settings, unavailable);
                return obtain(knowledge);
            }
        });
    }

    /** The matcher of a reloaded knowledge base (on the reload thread). */
    @Override
    public IntentMatcher apply(KnowledgeBase knowledge) {
        return phases.time(PhaseTimes.RELOAD, "matcher", () -> {
            IntentMatcher current = latest.get();
            TrainingSet set = IntentMatcher.trainingSet(knowledge, settings, features);
            if (current == null) {
                return obtain(set);
            }
            if (current.key().equals(set.key())) {
                log.info("Matcher kept: the examples, synonyms, subjects and titles are unchanged");
                return current;
            }
            // A newer edit supersedes a calibration still running: its cores go to this retrain.
            calibrating.get().cancel(true);
            MatcherStore.Obtained obtained = store.matcher(name(set), set, current);
            calibrating.set(obtained.calibrated());
            return record(set, obtained);
        });
    }

    private IntentMatcher obtain(KnowledgeBase knowledge) {
        return obtain(IntentMatcher.trainingSet(knowledge, settings, features));
    }

    private IntentMatcher obtain(TrainingSet set) {
        return record(set, store.matcher(name(set), set));
    }

    private IntentMatcher record(TrainingSet set, MatcherStore.Obtained obtained) {
        log.info("Matcher ({}, {} intents) {}", set.features().name(), obtained.matcher().intents().size(),
                obtained.origin());
        latest.set(obtained.matcher());
        return obtained.matcher();
    }

    private static String name(TrainingSet set) {
        return "knowledge-" + set.features().name();
    }

    /** The features in use ({@code lexical} after a fallback). */
    FeatureSet features() {
        return features;
    }
}
