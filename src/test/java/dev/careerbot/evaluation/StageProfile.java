package dev.careerbot.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the time of one piece of work goes: a Java Flight Recorder recording of execution and
 * native-method samples (every millisecond) around the work only, so nothing of start-up or
 * training is counted, each sample put in the stage of the innermost project (or model) frame
 * on its stack. A sample whose stack passes through {@code IntentMatcher.terms} is marked as such,
 * so work done a second time for the same message shows apart.
 */
final class StageProfile {

    /** Class-name prefixes to stages, tried for each frame from the innermost outwards. */
    private static final Map<String, String> STAGES = stages();

    private final Map<String, Integer> samples;
    private final int total;

    private StageProfile(Map<String, Integer> samples) {
        this.samples = samples;
        this.total = samples.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static Map<String, String> stages() {
        Map<String, String> stages = new LinkedHashMap<>();
        stages.put("dev.careerbot.intent.SpellingCorrector", "spelling correction");
        stages.put("dev.careerbot.intent.TextNormalizer", "normalisation");
        stages.put("dev.careerbot.intent.PhraseReplacer", "normalisation");
        stages.put("dev.careerbot.intent.LanguageGuard", "language guard");
        stages.put("dev.careerbot.intent.FeatureExtractor", "n-gram features");
        stages.put("dev.careerbot.intent.SparseVector", "n-gram features");
        stages.put("dev.careerbot.intent.SoftmaxClassifier", "classifiers");
        stages.put("ai.onnxruntime", "embedding: model (ONNX Runtime)");
        stages.put("ai.djl", "embedding: tokenizer");
        stages.put("dev.langchain4j", "embedding: other");
        stages.put("dev.careerbot.embedding", "embedding: other");
        stages.put("dev.careerbot.intent.SentenceVectors", "embedding: other");
        stages.put("dev.careerbot.intent.IntentMatcher", "matcher: candidates and decision");
        stages.put("dev.careerbot.conversation.SubjectSpotter", "follow-ups: subject spotting");
        stages.put("dev.careerbot.conversation", "conversation: follow-ups, reply");
        stages.put("dev.careerbot.message", "reply as plain text (eval)");
        stages.put("dev.careerbot.evaluation", "reply as plain text (eval)");
        return stages;
    }

    /** Runs the work under a recording and attributes the samples taken on this thread. */
    static StageProfile of(Runnable work) {
        Path file;
        try {
            file = Files.createTempFile("latency-profile", ".jfr");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(1)).withStackTrace();
            recording.enable("jdk.NativeMethodSample").withPeriod(Duration.ofMillis(1)).withStackTrace();
            recording.setToDisk(true);
            recording.start();
            work.run();
            recording.stop();
            recording.dump(file);
            long thread = Thread.currentThread().getId();
            Map<String, Integer> samples = new TreeMap<>();
            for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
                if (event.getThread("sampledThread") == null
                        || event.getThread("sampledThread").getJavaThreadId() != thread) {
                    continue;
                }
                samples.merge(stageOf(event.getStackTrace()), 1, Integer::sum);
            }
            return new StageProfile(samples);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file left behind is harmless
            }
        }
    }

    private static String stageOf(RecordedStackTrace trace) {
        if (trace == null) {
            return "other";
        }
        List<RecordedFrame> frames = trace.getFrames();
        String stage = null;
        boolean viaTerms = false;
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            if (stage == null) {
                for (Map.Entry<String, String> entry : STAGES.entrySet()) {
                    if (type.startsWith(entry.getKey())) {
                        stage = entry.getValue();
                        break;
                    }
                }
            }
            viaTerms |= type.equals("dev.careerbot.intent.IntentMatcher") && frame.getMethod().getName().equals("terms");
        }
        String named = stage == null ? "other (JDK, harness)" : stage;
        return viaTerms ? named + ", again in terms()" : named;
    }

    int total() {
        return total;
    }

    /**
     * One line per stage, largest first: its share of the samples and, given the mean time of one
     * message, the microseconds per message that share stands for.
     */
    String describe(double meanMicrosPerMessage) {
        StringBuilder out = new StringBuilder();
        samples.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(entry -> out.append(String.format(Locale.ROOT, "      %-48s %5.1f%%  %8.1f µs%n",
                        entry.getKey(), 100.0 * entry.getValue() / total,
                        meanMicrosPerMessage * entry.getValue() / total)));
        return out.toString();
    }
}
