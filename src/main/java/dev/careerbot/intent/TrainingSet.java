package dev.careerbot.intent;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Everything a trained matcher is a function of: the examples, the options, the validation
 * examples if any, and the features (with the sentence model's id). Its {@link #key()} names a
 * trained matcher on disk, so a saved one is used only for exactly these inputs.
 *
 * @param examples the training examples, in order
 * @param options how to build the matcher
 * @param validation examples to tune the thresholds on, or empty to cross-validate
 * @param features what the classifier reads
 */
public record TrainingSet(List<LabelledExample> examples, IntentMatcher.Options options,
        Optional<List<LabelledExample>> validation, FeatureSet features) {

    /**
     * The version of the saved matcher's layout. Changes to the training code need no bump: the
     * key also covers the matcher's own class files (see {@link #CODE}).
     */
    static final int FORMAT_VERSION = 1;

    /** The classes whose code decides what training produces. */
    private static final List<Class<?>> CODE = List.of(IntentMatcher.class, SoftmaxClassifier.class,
            FeatureExtractor.class, TextNormalizer.class, PhraseReplacer.class, SpellingCorrector.class,
            ThresholdSearch.class, SentenceVectors.class, TrainingSet.class, MatcherFile.class);

    public TrainingSet {
        examples = List.copyOf(examples);
        Objects.requireNonNull(options, "options");
        validation = validation.map(List::copyOf);
        Objects.requireNonNull(features, "features");
    }

    /** SHA-256 over the format version, the training code and every input, hex. */
    public String key() {
        MessageDigest digest = sha256();
        Hasher hash = new Hasher(digest);
        hash.text("careerbot-matcher").number(FORMAT_VERSION);
        CODE.forEach(type -> code(hash, type));
        hash.text(features.name()).number(features.ngrams() ? 1 : 0).text(Float.toString(features.sentenceWeight()));
        hash.text(features.sentences().map(s -> s.modelId() + "/" + s.dimension()).orElse("no sentence features"));
        hash.number(options.maxInputChars());
        Map<String, String> synonyms = new TreeMap<>(options.synonyms());
        hash.number(synonyms.size());
        synonyms.forEach((from, to) -> hash.text(from).text(to));
        hash.number(options.extraVocabulary().size());
        options.extraVocabulary().forEach(hash::text);
        hash.text(describe(options.answerThreshold())).text(describe(options.clarifyThreshold()));
        hash.number(options.clarifyBand() ? 1 : 0).number(options.keepRightAnswers() ? 1 : 0);
        Training training = options.training();
        hash.text(training.toString());
        examples(hash, examples);
        hash.number(validation.isPresent() ? 1 : 0);
        validation.ifPresent(list -> examples(hash, list));
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void examples(Hasher hash, List<LabelledExample> examples) {
        hash.number(examples.size());
        for (LabelledExample example : examples) {
            hash.text(example.text()).number(example.labels().size());
            example.labels().forEach(hash::text);
        }
    }

    private static String describe(OptionalDouble threshold) {
        return threshold.isPresent() ? Double.toString(threshold.getAsDouble()) : "auto";
    }

    /** The class file of the type and of every class nested in it. */
    private static void code(Hasher hash, Class<?> type) {
        hash.text(type.getName()).bytes(classBytes(type));
        Arrays.stream(type.getDeclaredClasses()).sorted(Comparator.comparing(Class::getName))
                .forEach(nested -> code(hash, nested));
    }

    private static byte[] classBytes(Class<?> type) {
        String resource = type.getName().replace('.', '/') + ".class";
        try (InputStream in = type.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("cannot read the class file " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the class file " + resource, e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** Feeds length-prefixed values to a digest, so that no two inputs hash the same bytes. */
    private record Hasher(MessageDigest digest) {

        Hasher number(long value) {
            digest.update(ByteBuffer.allocate(Long.BYTES).putLong(value).array());
            return this;
        }

        Hasher text(String value) {
            return bytes(value.getBytes(StandardCharsets.UTF_8));
        }

        Hasher bytes(byte[] value) {
            number(value.length);
            digest.update(value);
            return this;
        }
    }
}
