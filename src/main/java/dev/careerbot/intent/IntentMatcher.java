package dev.careerbot.intent;

import dev.careerbot.config.MatcherSettings;
import dev.careerbot.knowledge.Intent;
import dev.careerbot.knowledge.KnowledgeBase;
import dev.careerbot.knowledge.Subject;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Maps any message to an intent with a confidence in [0,1], or to {@code out_of_scope}: a
 * softmax classifier over word and character n-grams, trained on labelled examples (the
 * knowledge base's, or a data set such as CLINC150), with thresholds chosen on data. Thread-safe
 * and deterministic: the same examples give the same matcher.
 */
public final class IntentMatcher {

    private static final int CANDIDATES = 5;
    private static final float NEGATIVES_WEIGHT_IN_INTENTS = 2f;
    static final double RUNNER_UP_SHARE = 0.25;

    private final Model model;
    /** Set once, except in a {@link #retrain retrained} matcher: carried over, then its own. */
    private volatile Thresholds thresholds;
    private final String key;
    private final LanguageGuard languageGuard = new LanguageGuard();

    private IntentMatcher(Model model, Thresholds thresholds, String key) {
        this.model = model;
        this.thresholds = thresholds;
        this.key = key;
    }

    /**
     * How to build a matcher.
     *
     * @param maxInputChars how much of a message is read
     * @param synonyms phrase expansions applied before matching
     * @param extraVocabulary words the spelling corrector should know besides the examples'
     *     (subject aliases, for instance)
     * @param answerThreshold a fixed answer threshold, or empty to calibrate
     * @param clarifyThreshold a fixed clarify threshold, or empty to calibrate
     * @param clarifyBand whether there is a "Did you mean" band at all
     * @param keepRightAnswers true to set the threshold where 95% of the held-out questions
     *     answered right are still answered (benchmarks with a validation split), false for plain
     *     accuracy on the held-out questions
     * @param training classifier training knobs
     */
    public record Options(
            int maxInputChars,
            Map<String, String> synonyms,
            Collection<String> extraVocabulary,
            OptionalDouble answerThreshold,
            OptionalDouble clarifyThreshold,
            boolean clarifyBand,
            boolean keepRightAnswers,
            Training training) {

        public Options {
            synonyms = Map.copyOf(synonyms);
            extraVocabulary = List.copyOf(extraVocabulary);
        }

        /** Calibrated thresholds with a clarify band, default training. */
        public static Options calibrated(int maxInputChars, Map<String, String> synonyms,
                Collection<String> extraVocabulary) {
            return new Options(maxInputChars, synonyms, extraVocabulary, OptionalDouble.empty(),
                    OptionalDouble.empty(), true, false, Training.defaults());
        }

        /** For benchmarks such as CLINC150: no synonyms, no clarify band. */
        public static Options plain(int maxInputChars) {
            return new Options(maxInputChars, Map.of(), List.of(), OptionalDouble.empty(),
                    OptionalDouble.empty(), false, true, Training.defaults());
        }

        Options withFixedThresholds(double answer, double clarify) {
            return new Options(maxInputChars, synonyms, extraVocabulary, OptionalDouble.of(answer),
                    OptionalDouble.of(clarify), clarifyBand, keepRightAnswers, training);
        }
    }

    /**
     * Trains on the examples. Examples labelled {@code out_of_scope} are learnt as a class of
     * their own, so the matcher knows where its knowledge ends. Thresholds that the options leave
     * open are calibrated on {@code validation} when given, else by cross-validation over the
     * examples themselves.
     */
    public static IntentMatcher train(List<LabelledExample> examples, Options options,
            Optional<List<LabelledExample>> validation) {
        return train(examples, options, validation, FeatureSet.lexical());
    }

    /**
     * As {@link #train(List, Options, Optional)}, reading the given features. With a sentence
     * embedding, every example is embedded once here (the embedding may come from a cache) and
     * the vectors are shared by the cross-validation folds.
     */
    public static IntentMatcher train(List<LabelledExample> examples, Options options,
            Optional<List<LabelledExample>> validation, FeatureSet featureSet) {
        return train(new TrainingSet(examples, options, validation, featureSet));
    }

    /**
     * Trains on the set. The classifiers (the final one, one per cross-validation fold, and in
     * {@code semantic} mode an n-gram one beside each) are independent and train side by side on
     * the machine's cores; the result does not depend on their order.
     */
    public static IntentMatcher train(TrainingSet set) {
        Started started = start(set, false);
        try {
            Thresholds thresholds = started.thresholds().join();
            return new IntentMatcher(started.model().join().withoutExampleVectors(), thresholds, set.key());
        } catch (CompletionException failure) {
            throw unwrapped(failure);
        } finally {
            started.pool().shutdownNow();
        }
    }

    /** Training under way: the answering model and the thresholds, on their pool. */
    private record Started(ExecutorService pool, CompletableFuture<Model> model,
            CompletableFuture<Thresholds> thresholds) {}

    /**
     * Starts training on a pool of one thread per core (the classifiers are independent and
     * train side by side).
     *
     * @param foldsAfterModel start the cross-validation folds only once the answering model is
     *     trained, so that until then they take no core from it
     */
    private static Started start(TrainingSet set, boolean foldsAfterModel) {
        List<LabelledExample> examples = set.examples();
        if (examples.stream().noneMatch(example -> !example.isOutOfScope())) {
            throw new IllegalArgumentException("the matcher needs at least one in-scope example");
        }
        int cores = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(cores, task -> {
            Thread thread = new Thread(task, "matcher-training");
            thread.setDaemon(true);
            return thread;
        });
        try {
            SentenceVectors sentences = SentenceVectors.of(set.features(), examples, set.options());
            CompletableFuture<Model> model = Model.build(examples, set.options(), sentences, pool);
            CompletableFuture<Thresholds> thresholds = foldsAfterModel
                    ? model.thenCompose(trained -> thresholds(set, model, sentences, pool))
                    : thresholds(set, model, sentences, pool);
            return new Started(pool, model, thresholds);
        } catch (RuntimeException failure) {
            pool.shutdownNow();
            throw failure instanceof CompletionException completion ? unwrapped(completion) : failure;
        }
    }

    /**
     * A matcher retrained after an edit of the examples, and when it gets its own thresholds.
     *
     * @param matcher answers as soon as its classifiers are trained, with the thresholds carried
     *     over from the matcher it replaces until its own are chosen
     * @param calibrated completes with the same matcher once its own thresholds are in place:
     *     from then on it answers exactly as {@link IntentMatcher#train(TrainingSet)} would
     */
    public record Retrained(IntentMatcher matcher, CompletableFuture<IntentMatcher> calibrated) {}

    /**
     * As {@link #train(TrainingSet)}, but returns once the classifiers are trained (about a fifth
     * of the work): choosing the thresholds by cross-validation, five more classifiers, follows in
     * the background while the matcher answers with {@code carriedOver}, the thresholds of the
     * matcher it replaces, chosen on nearly the same examples. A set whose thresholds are
     * configured, or tuned on a validation split, is trained whole.
     */
    public static Retrained retrain(TrainingSet set, Thresholds carriedOver) {
        if (set.options().answerThreshold().isPresent() || set.validation().isPresent()) {
            IntentMatcher whole = train(set);
            return new Retrained(whole, CompletableFuture.completedFuture(whole));
        }
        Started started = start(set, true);
        IntentMatcher matcher;
        try {
            matcher = new IntentMatcher(started.model().join().withoutExampleVectors(),
                    new Thresholds(carriedOver.answer(), carriedOver.clarify(),
                            "carried over from the previous matcher until cross-validation chooses its own"),
                    set.key());
        } catch (CompletionException failure) {
            started.pool().shutdownNow();
            throw unwrapped(failure);
        }
        CompletableFuture<IntentMatcher> calibrated = started.thresholds().thenApply(thresholds -> {
            matcher.thresholds = thresholds;
            return matcher;
        });
        // Done: the threads end once idle (no interrupt, so the matcher can still be saved on
        // one). Failed or cancelled: interrupt the folds still training (they stop at the next
        // epoch).
        calibrated.whenComplete((done, failure) -> {
            if (failure == null) {
                started.pool().shutdown();
            } else {
                started.pool().shutdownNow();
            }
        });
        return new Retrained(matcher, calibrated);
    }

    private static RuntimeException unwrapped(CompletionException failure) {
        return failure.getCause() instanceof RuntimeException cause ? cause : failure;
    }

    /**
     * Writes the trained matcher: thresholds, and per model its labels, known words, n-gram
     * dictionary and weights. {@link MatcherFile} puts the key and a checksum around it.
     */
    void write(DataOutput out) throws IOException {
        Thresholds written = thresholds;
        out.writeDouble(written.answer());
        out.writeDouble(written.clarify());
        out.writeUTF(written.origin());
        model.write(out);
    }

    /**
     * Reads what {@link #write} wrote for this training set (its key already checked).
     *
     * @throws IOException when the bytes do not make a matcher
     */
    static IntentMatcher read(DataInput in, long bytes, TrainingSet set) throws IOException {
        double answer = in.readDouble();
        double clarify = in.readDouble();
        String origin = in.readUTF();
        Thresholds thresholds;
        try {
            thresholds = new Thresholds(answer, clarify, origin);
        } catch (IllegalArgumentException impossible) {
            throw new IOException(impossible.getMessage(), impossible);
        }
        SentenceVectors sentences = SentenceVectors.of(set.features(), List.of(), set.options());
        Model model = Model.read(in, bytes, set.options(), sentences);
        return new IntentMatcher(model, thresholds, set.key());
    }

    /** The key of the training set this matcher was trained on (see {@link TrainingSet#key()}). */
    public String key() {
        return key;
    }

    /**
     * The n-gram ({@code lexical}) matcher of a knowledge base, whatever {@code settings.mode()}
     * says: no model to load, for tests and tools. The bot itself passes the features of its
     * configured mode to {@link #forKnowledge(KnowledgeBase, MatcherSettings, FeatureSet)}.
     */
    public static IntentMatcher forKnowledge(KnowledgeBase knowledge, MatcherSettings settings) {
        return forKnowledge(knowledge, settings, FeatureSet.lexical());
    }

    /**
     * The matcher of a knowledge base: trained on every intent's examples, with the out-of-scope
     * examples as a class of their own, the synonyms applied, subject aliases and titles known to
     * the spelling corrector, and thresholds from the settings or calibrated by cross-validation,
     * reading the given features (see {@code embedding.MatcherFeatures} for the configured ones).
     */
    public static IntentMatcher forKnowledge(KnowledgeBase knowledge, MatcherSettings settings,
            FeatureSet features) {
        return train(trainingSet(knowledge, settings, features));
    }

    /**
     * What the matcher of a knowledge base is trained on (see
     * {@link #forKnowledge(KnowledgeBase, MatcherSettings, FeatureSet)}): the examples, synonyms,
     * subject names and aliases, intent titles and the settings; nothing of the answers.
     */
    public static TrainingSet trainingSet(KnowledgeBase knowledge, MatcherSettings settings, FeatureSet features) {
        List<LabelledExample> examples = new ArrayList<>();
        for (Intent intent : knowledge.intents()) {
            if (!intent.id().equals(KnowledgeBase.OUT_OF_SCOPE)) {
                intent.examples().forEach(example -> examples.add(LabelledExample.of(example, intent.id())));
            }
        }
        knowledge.outOfScopeExamples().forEach(example ->
                examples.add(LabelledExample.of(example, KnowledgeBase.OUT_OF_SCOPE)));
        List<String> vocabulary = new ArrayList<>();
        for (Subject subject : knowledge.subjects()) {
            vocabulary.add(subject.name());
            vocabulary.addAll(subject.aliases());
        }
        knowledge.intents().forEach(intent -> vocabulary.add(intent.title()));
        Options options = new Options(settings.maxInputChars(), knowledge.synonyms(), vocabulary,
                settings.answerThreshold(), settings.clarifyThreshold(), true, false, Training.defaults());
        return new TrainingSet(examples, options, Optional.empty(), features);
    }

    /** The thresholds: configured, tuned on the validation split, or chosen by cross-validation. */
    private static CompletableFuture<Thresholds> thresholds(TrainingSet set, CompletableFuture<Model> model,
            SentenceVectors sentences, ExecutorService pool) {
        Options options = set.options();
        if (options.answerThreshold().isPresent()) {
            double answer = options.answerThreshold().getAsDouble();
            double clarify = !options.clarifyBand() ? answer
                    : Math.min(answer, options.clarifyThreshold().orElse(answer / 2));
            return CompletableFuture.completedFuture(new Thresholds(answer, clarify, "configured"));
        }
        if (set.validation().isPresent()) {
            List<LabelledExample> validation = set.validation().get();
            return model.thenApply(trained -> {
                List<Observation> observations = new ArrayList<>();
                for (LabelledExample example : validation) {
                    observations.add(trained.observe(example));
                }
                return chosen(observations, options, "tuned on " + validation.size() + " validation examples");
            });
        }
        return crossValidate(set.examples(), options, sentences, pool).thenApply(observations ->
                chosen(observations, options, "cross-validated on " + set.examples().size() + " examples"));
    }

    private static Thresholds chosen(List<Observation> observations, Options options, String origin) {
        ThresholdSearch.Objective objective = options.keepRightAnswers()
                ? ThresholdSearch.Objective.KEEP_RIGHT_ANSWERS
                : ThresholdSearch.Objective.ACCURACY;
        Thresholds chosen = ThresholdSearch.choose(observations, options.clarifyBand(), objective, origin);
        if (options.clarifyBand() && options.clarifyThreshold().isPresent()) {
            return new Thresholds(chosen.answer(),
                    Math.min(chosen.answer(), options.clarifyThreshold().getAsDouble()), origin);
        }
        return chosen;
    }

    /** The held-out observations of every fold, in fold order; the folds train side by side. */
    private static CompletableFuture<List<Observation>> crossValidate(List<LabelledExample> examples,
            Options options, SentenceVectors sentences, ExecutorService pool) {
        int folds = examples.size() > 5000 ? 3 : 5;
        Map<String, Integer> seenPerLabel = new HashMap<>();
        int[] foldOf = new int[examples.size()];
        for (int i = 0; i < examples.size(); i++) {
            int seen = seenPerLabel.merge(examples.get(i).label(), 1, Integer::sum);
            foldOf[i] = seen % folds;
        }
        Options fixed = options.withFixedThresholds(1, 1);
        List<CompletableFuture<List<Observation>>> perFold = new ArrayList<>();
        for (int fold = 0; fold < folds; fold++) {
            List<LabelledExample> training = new ArrayList<>();
            List<LabelledExample> heldOut = new ArrayList<>();
            for (int i = 0; i < examples.size(); i++) {
                (foldOf[i] == fold ? heldOut : training).add(examples.get(i));
            }
            if (training.stream().allMatch(LabelledExample::isOutOfScope)) {
                continue;
            }
            perFold.add(Model.build(training, fixed, sentences, pool).thenApplyAsync(model -> {
                List<Observation> observations = new ArrayList<>(heldOut.size());
                for (LabelledExample example : heldOut) {
                    observations.add(model.observe(example));
                }
                return observations;
            }, pool));
        }
        return CompletableFuture.allOf(perFold.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<Observation> observations = new ArrayList<>();
            perFold.forEach(fold -> observations.addAll(fold.join()));
            return observations;
        });
    }

    public Thresholds thresholds() {
        return thresholds;
    }

    /** The intents this matcher can answer, in training order. */
    public List<String> intents() {
        return model.labels().stream().filter(label -> !label.equals(KnowledgeBase.OUT_OF_SCOPE)).toList();
    }

    /**
     * The message's words as the matcher reads them, stemmed: the readable prefix only, noise
     * removed, synonyms applied, misspellings corrected. For spotting subjects and cue words.
     */
    public List<String> terms(String text) {
        return stemmed(model.tokens(model.normalizer().readablePrefix(text == null ? "" : text)));
    }

    private static List<String> stemmed(List<String> tokens) {
        List<String> terms = new ArrayList<>(tokens.size());
        tokens.forEach(token -> terms.add(TextNormalizer.stem(token)));
        return terms;
    }

    /**
     * Matches one message; never throws, whatever the text. The match carries the message's
     * {@link #terms} as read here, so nothing downstream reads the message again.
     */
    public Match match(String text) {
        String readable = model.normalizer().readablePrefix(text == null ? "" : text);
        List<String> written = model.normalizer().tokens(readable);
        if (written.isEmpty()) {
            return Match.nothing(Decision.EMPTY);
        }
        // The words as written: spelling correction would already have made "qué" or "hace" English.
        if (languageGuard.isOtherLanguage(readable, written)) {
            return Match.nothing(Decision.OTHER_LANGUAGE);
        }
        List<String> tokens = model.corrected(written);
        return decide(tokens, written, readable).withTerms(stemmed(tokens));
    }

    private Match decide(List<String> tokens, List<String> written, String readable) {
        Scores scores = model.scores(tokens, written, readable);
        List<Candidate> candidates = scores.candidates(CANDIDATES);
        if (candidates.isEmpty()) {
            return Match.nothing(Decision.OUT_OF_SCOPE);
        }
        double confidence = candidates.get(0).score();
        if (scores.outOfScopeWins() || !scores.hasKnownFeatures()) {
            return new Match(Decision.OUT_OF_SCOPE, KnowledgeBase.OUT_OF_SCOPE, confidence, candidates, scores.outOfScopeScore());
        }
        Thresholds current = thresholds;
        boolean inBand = confidence >= current.clarify() && candidates.size() >= 2;
        if (confidence >= current.answer() || (inBand && !ambiguous(confidence, candidates.get(1).score()))) {
            return new Match(Decision.ANSWER, candidates.get(0).intent(), confidence, candidates, scores.outOfScopeScore());
        }
        if (inBand) {
            return new Match(Decision.CLARIFY, candidates.get(0).intent(), confidence, candidates, scores.outOfScopeScore());
        }
        return new Match(Decision.OUT_OF_SCOPE, KnowledgeBase.OUT_OF_SCOPE, confidence, candidates, scores.outOfScopeScore());
    }

    /**
     * Whether a message between the thresholds is worth a "Did you mean X or Y?": only when the
     * runner-up scores at least {@value #RUNNER_UP_SHARE} of the top candidate; otherwise the
     * top candidate is the one plausible reading and is answered.
     */
    static boolean ambiguous(double top, double runnerUp) {
        return runnerUp >= top * RUNNER_UP_SHARE;
    }

    /** What one held-out or validation example looked like to a model. */
    record Observation(double confidence, double runnerUp, boolean outOfScopeWins, boolean topCorrect,
            boolean topTwoCorrect, boolean expectsOutOfScope) {}

    /** Class scores of one message: probabilities, or a geometric mean of two models' (see {@link Model#scores}). */
    private record Scores(List<String> labels, double[] probabilities, int outOfScopeIndex,
            boolean hasKnownFeatures) {

        List<Candidate> candidates(int limit) {
            List<Candidate> all = new ArrayList<>();
            for (int c = 0; c < probabilities.length; c++) {
                if (c != outOfScopeIndex) {
                    all.add(new Candidate(labels.get(c), probabilities[c]));
                }
            }
            all.sort(Comparator.comparingDouble(Candidate::score).reversed()
                    .thenComparing(Candidate::intent));
            return List.copyOf(all.subList(0, Math.min(limit, all.size())));
        }

        double outOfScopeScore() {
            return outOfScopeIndex < 0 ? 0 : probabilities[outOfScopeIndex];
        }

        boolean outOfScopeWins() {
            if (outOfScopeIndex < 0) {
                return false;
            }
            double oos = probabilities[outOfScopeIndex];
            for (int c = 0; c < probabilities.length; c++) {
                if (c != outOfScopeIndex && probabilities[c] >= oos) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The trained pieces: text handling, features, classifier and its labels. */
    private record Model(TextNormalizer normalizer, SpellingCorrector speller,
            FeatureExtractor features, SentenceVectors sentences, SoftmaxClassifier classifier,
            List<String> labels, int outOfScopeIndex, Optional<Model> lexicalOpinion) {

        /**
         * Starts training the model on the pool: the features are fitted and the classifier
         * trained in one task, the n-gram opinion (in {@code semantic} mode) in another.
         */
        static CompletableFuture<Model> build(List<LabelledExample> examples, Options options,
                SentenceVectors sentences, ExecutorService pool) {
            CompletableFuture<Model> own = CompletableFuture.supplyAsync(
                    () -> buildAlone(examples, options, sentences), pool);
            if (sentences.readsNgrams()) {
                return own;
            }
            CompletableFuture<Model> lexical = build(examples, options,
                    SentenceVectors.of(FeatureSet.lexical(), examples, options), pool);
            return own.thenCombine(lexical, (model, opinion) -> model.withLexicalOpinion(opinion));
        }

        private static Model buildAlone(List<LabelledExample> examples, Options options, SentenceVectors sentences) {
            TextNormalizer normalizer = new TextNormalizer(options.maxInputChars(), options.synonyms());
            List<List<String>> tokenised = new ArrayList<>(examples.size());
            Map<String, Integer> frequencies = new HashMap<>();
            for (LabelledExample example : examples) {
                List<String> tokens = normalizer.tokens(example.text());
                tokenised.add(tokens);
                tokens.forEach(token -> frequencies.merge(token, 1, Integer::sum));
            }
            for (String phrase : options.extraVocabulary()) {
                normalizer.tokens(phrase).forEach(token -> frequencies.merge(token, 1, Integer::sum));
            }
            Map<String, Integer> labelIndex = new LinkedHashMap<>();
            int[] labels = new int[examples.size()];
            for (int i = 0; i < examples.size(); i++) {
                labels[i] = labelIndex.computeIfAbsent(examples.get(i).label(), key -> labelIndex.size());
            }
            // The n-gram dictionary only where the classifier reads n-grams: the semantic
            // classifier would carry a block of weights that no input ever touches.
            FeatureExtractor features = FeatureExtractor.fit(sentences.readsNgrams() ? tokenised : List.of());
            List<InputVector> vectors = new ArrayList<>(examples.size());
            for (int i = 0; i < examples.size(); i++) {
                vectors.add(sentences.combine(features.vector(tokenised.get(i)), examples.get(i).text(), tokenised.get(i)));
            }
            SoftmaxClassifier classifier = SoftmaxClassifier.train(vectors, labels,
                    balancedOutOfScopeWeights(labels, labelIndex), features.size(), sentences.dimension(),
                    labelIndex.size(), options.training());
            List<String> labelList = List.copyOf(labelIndex.keySet());
            return new Model(normalizer, new SpellingCorrector(frequencies), features, sentences,
                    classifier, labelList, labelList.indexOf(KnowledgeBase.OUT_OF_SCOPE), Optional.empty());
        }

        void write(DataOutput out) throws IOException {
            out.writeInt(labels.size());
            for (String label : labels) {
                out.writeUTF(label);
            }
            Map<String, Integer> words = new java.util.TreeMap<>(speller.frequencies());
            out.writeInt(words.size());
            for (Map.Entry<String, Integer> word : words.entrySet()) {
                out.writeUTF(word.getKey());
                out.writeInt(word.getValue());
            }
            List<String> names = features.names();
            out.writeInt(names.size());
            for (String name : names) {
                out.writeUTF(name);
            }
            classifier.write(out);
            out.writeBoolean(lexicalOpinion.isPresent());
            if (lexicalOpinion.isPresent()) {
                lexicalOpinion.get().write(out);
            }
        }

        static Model read(DataInput in, long bytes, Options options, SentenceVectors sentences) throws IOException {
            List<String> labels = new ArrayList<>();
            for (int i = count(in, bytes); i > 0; i--) {
                labels.add(in.readUTF());
            }
            Map<String, Integer> frequencies = new HashMap<>();
            for (int i = count(in, bytes); i > 0; i--) {
                frequencies.put(in.readUTF(), in.readInt());
            }
            List<String> names = new ArrayList<>();
            for (int i = count(in, bytes); i > 0; i--) {
                names.add(in.readUTF());
            }
            FeatureExtractor features = FeatureExtractor.of(names);
            SoftmaxClassifier classifier = SoftmaxClassifier.read(in, bytes);
            if (labels.isEmpty() || Set.copyOf(labels).size() != labels.size()
                    || classifier.classes() != labels.size() || classifier.sparseWidth() != features.size()
                    || features.size() != names.size() || classifier.denseWidth() != sentences.dimension()) {
                throw new IOException("the labels, dictionary and weights do not fit together");
            }
            Optional<Model> lexical = Optional.empty();
            if (in.readBoolean()) {
                Model opinion = read(in, bytes, options, SentenceVectors.of(FeatureSet.lexical(), List.of(), options));
                if (!opinion.labels().equals(labels)) {
                    throw new IOException("the two classifiers disagree on the labels");
                }
                lexical = Optional.of(opinion);
            }
            if (lexical.isPresent() == sentences.readsNgrams()) {
                throw new IOException("the saved models do not fit matcher mode " + sentences.featureSet().name());
            }
            List<String> labelList = List.copyOf(labels);
            return new Model(new TextNormalizer(options.maxInputChars(), options.synonyms()),
                    new SpellingCorrector(frequencies), features, sentences, classifier, labelList,
                    labelList.indexOf(KnowledgeBase.OUT_OF_SCOPE), lexical);
        }

        private static int count(DataInput in, long bytes) throws IOException {
            int count = in.readInt();
            if (count < 0 || count > bytes) {
                throw new IOException("impossible count " + count);
            }
            return count;
        }

        Model withLexicalOpinion(Model lexical) {
            return new Model(normalizer, speller, features, sentences, classifier, labels, outOfScopeIndex,
                    Optional.of(lexical));
        }

        /** The model as it answers after training: the example vectors are not needed any more. */
        Model withoutExampleVectors() {
            return new Model(normalizer, speller, features, sentences.withoutExamples(), classifier, labels,
                    outOfScopeIndex, lexicalOpinion.map(Model::withoutExampleVectors));
        }

        /**
         * Every example weighs 1, except out-of-scope negatives: together they weigh as much as
         * the examples of two average intents (they cover far more ground than one intent), so a
         * long list of negatives does not make the bot shy.
         */
        private static float[] balancedOutOfScopeWeights(int[] labels, Map<String, Integer> labelIndex) {
            float[] weights = new float[labels.length];
            java.util.Arrays.fill(weights, 1f);
            Integer outOfScope = labelIndex.get(KnowledgeBase.OUT_OF_SCOPE);
            if (outOfScope == null || labelIndex.size() < 2) {
                return weights;
            }
            int negatives = 0;
            for (int label : labels) {
                negatives += label == outOfScope ? 1 : 0;
            }
            float averageIntent = (float) (labels.length - negatives) / (labelIndex.size() - 1);
            float weight = Math.min(1f, NEGATIVES_WEIGHT_IN_INTENTS * averageIntent / negatives);
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == outOfScope) {
                    weights[i] = weight;
                }
            }
            return weights;
        }

        List<String> tokens(String text) {
            return corrected(normalizer.tokens(text));
        }

        /** The normalised words with misspellings corrected. */
        List<String> corrected(List<String> raw) {
            List<String> corrected = new ArrayList<>(raw.size());
            for (String token : raw) {
                corrected.add(speller.correct(token));
            }
            return corrected;
        }

        /**
         * The class probabilities; with a lexical opinion (the {@code semantic} mode), the
         * geometric mean of both models' probabilities per class, so an intent scores high only
         * when the embedding and the n-grams both find it: their mistakes are largely different
         * ones, and this is what recognises out-of-scope questions better.
         */
        Scores scores(List<String> tokens, List<String> written, String text) {
            InputVector vector = sentences.combine(features.vector(tokens), text, written);
            double[] probabilities = classifier.probabilities(vector);
            if (lexicalOpinion.isPresent()) {
                Model lexical = lexicalOpinion.get();
                double[] lexicalProbabilities = lexical.classifier()
                        .probabilities(InputVector.ngramsOnly(lexical.features().vector(tokens)));
                for (int c = 0; c < probabilities.length; c++) {
                    probabilities[c] = Math.sqrt(probabilities[c] * lexicalProbabilities[c]);
                }
            }
            return new Scores(labels, probabilities, outOfScopeIndex, !vector.isEmpty());
        }

        Observation observe(LabelledExample example) {
            List<String> written = normalizer.tokens(example.text());
            List<String> tokens = corrected(written);
            boolean expectsOutOfScope = example.isOutOfScope();
            if (tokens.isEmpty()) {
                return new Observation(0, 0, true, false, false, expectsOutOfScope);
            }
            Scores scores = scores(tokens, written, example.text());
            List<Candidate> candidates = scores.candidates(2);
            boolean topCorrect = !candidates.isEmpty() && example.labels().contains(candidates.get(0).intent());
            boolean topTwoCorrect = topCorrect
                    || (candidates.size() > 1 && example.labels().contains(candidates.get(1).intent()));
            double confidence = candidates.isEmpty() ? 0 : candidates.get(0).score();
            double runnerUp = candidates.size() < 2 ? 0 : candidates.get(1).score();
            return new Observation(confidence, runnerUp, scores.outOfScopeWins() || !scores.hasKnownFeatures(),
                    topCorrect, topTwoCorrect, expectsOutOfScope);
        }
    }
}
