package dev.careerbot.evaluation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.careerbot.TestData;
import dev.careerbot.config.BotConfig;
import dev.careerbot.config.ConfigLoader;
import dev.careerbot.config.MatcherMode;
import dev.careerbot.config.MatcherSettings;
import dev.careerbot.conversation.Conversation;
import dev.careerbot.embedding.MatcherFeatures;
import dev.careerbot.intent.IntentMatcher;
import dev.careerbot.knowledge.KnowledgeBase;
import dev.careerbot.knowledge.KnowledgeLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Latency per message as {@code eval} measures it (the whole conversation: matching, follow-ups,
 * the reply as plain text), per matcher mode, on messages of real length, on the short dev
 * questions and on hostile input, five rounds after a warm-up, then a profile of where the time
 * goes ({@link StageProfile}). Also writes every answer to {@code target/latency/answers-MODE.tsv}
 * so that two runs (before and after a change) can be compared line by line.
 *
 * <p>Run with {@code mvn -o -Pbenchmark test -Dtest=LatencyBenchmark [-Dmodes=lexical,semantic]}.
 */
@Tag("benchmark")
class LatencyBenchmark {

    private static final int WARM_UP_ROUNDS = 3;
    private static final int MEASURED_ROUNDS = 5;
    private static final int HOSTILE_PER_KIND = 20;
    private static final double PROFILE_SECONDS = 2.0;
    private static final Path OUT = Path.of("target", "latency");

    @Test
    void reportsLatencyPerModeOnRealLengthShortAndHostileMessages() throws IOException {
        BotConfig config = new ConfigLoader(Map.of()).load(Optional.of(ConfigLoader.DEFAULT_CONFIG)).config();
        KnowledgeBase knowledge = new KnowledgeLoader().load(config.knowledgeBase()).base();
        Map<String, List<JsonLines.Question>> sets = messageSets();
        Files.createDirectories(OUT);
        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "Latency per message as eval measures it; %d cores, %s %s; "
                        + "%d warm-up + %d measured rounds; load average at start %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), WARM_UP_ROUNDS, MEASURED_ROUNDS, loadAverage()));
        sets.forEach((name, questions) -> report.append(String.format(Locale.ROOT, "  set %-22s %4d messages, "
                + "median %d chars, longest %d%n", name, questions.size(), medianLength(questions), longest(questions))));
        for (String mode : System.getProperty("modes", "lexical,semantic").split(",")) {
            MatcherSettings settings = config.matcher().withMode(MatcherMode.fromConfig(mode).orElseThrow());
            IntentMatcher matcher = IntentMatcher.forKnowledge(knowledge, settings,
                    MatcherFeatures.forSettings(settings, "knowledge"));
            Conversation conversation = new Conversation(knowledge, matcher, config.sessions(), Clock.systemUTC());
            report.append(measure(mode, conversation, sets));
        }
        report.append("load average at the end ").append(loadAverage()).append('\n');
        System.out.print(report);
        Files.writeString(OUT.resolve("report.txt"), report);
        assertTrue(report.length() > 0);
    }

    private static String measure(String mode, Conversation conversation, Map<String, List<JsonLines.Question>> sets)
            throws IOException {
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            sets.values().forEach(questions -> answerAll(conversation, questions));
        }
        Map<String, long[]> nanos = new LinkedHashMap<>();
        Map<String, List<String>> perRound = new LinkedHashMap<>();
        sets.keySet().forEach(name -> nanos.put(name, new long[sets.get(name).size() * MEASURED_ROUNDS]));
        for (int round = 0; round < MEASURED_ROUNDS; round++) {
            for (Map.Entry<String, List<JsonLines.Question>> set : sets.entrySet()) {
                long[] times = answerAll(conversation, set.getValue());
                System.arraycopy(times, 0, nanos.get(set.getKey()), round * times.length, times.length);
                Arrays.sort(times);
                perRound.computeIfAbsent(set.getKey(), key -> new ArrayList<>()).add(
                        String.format(Locale.ROOT, "%.2f/%.2f", millis(times, 50), millis(times, 99)));
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%nmode %s: p50 / p99 / max in ms over %d rounds (per round p50/p99)%n",
                mode, MEASURED_ROUNDS));
        for (Map.Entry<String, long[]> set : nanos.entrySet()) {
            long[] all = set.getValue().clone();
            Arrays.sort(all);
            out.append(String.format(Locale.ROOT, "  %-22s %7.3f %7.3f %7.3f   (%s)%n", set.getKey(),
                    millis(all, 50), millis(all, 99), all[all.length - 1] / 1e6,
                    String.join(" ", perRound.get(set.getKey()))));
        }
        out.append(String.format(Locale.ROOT, "  where the time goes (share of profiler samples; µs per message from"
                + " the mean)%n"));
        for (Map.Entry<String, List<JsonLines.Question>> set : sets.entrySet()) {
            long[] times = nanos.get(set.getKey());
            double meanMicros = Arrays.stream(times).average().orElse(0) / 1e3;
            double roundSeconds = meanMicros * set.getValue().size() / 1e6;
            int rounds = (int) Math.max(1, Math.min(200, Math.ceil(PROFILE_SECONDS / Math.max(roundSeconds, 1e-6))));
            StageProfile profile = StageProfile.of(() -> {
                for (int round = 0; round < rounds; round++) {
                    answerAll(conversation, set.getValue());
                }
            });
            out.append(String.format(Locale.ROOT, "    %s (mean %.1f µs, %d samples over %d rounds)%n",
                    set.getKey(), meanMicros, profile.total(), rounds));
            out.append(profile.describe(meanMicros));
        }
        writeAnswers(mode, conversation, sets);
        return out.toString();
    }

    /** Every set answered as {@code eval} would: a fresh answerer, so sessions start empty. */
    private static long[] answerAll(Conversation conversation, List<JsonLines.Question> questions) {
        ConversationAnswerer answerer = new ConversationAnswerer(conversation);
        long[] nanos = new long[questions.size()];
        for (int i = 0; i < questions.size(); i++) {
            JsonLines.Question question = questions.get(i);
            long start = System.nanoTime();
            answerer.answer(question.text(), question.session());
            nanos[i] = System.nanoTime() - start;
        }
        return nanos;
    }

    private static void writeAnswers(String mode, Conversation conversation, Map<String, List<JsonLines.Question>> sets)
            throws IOException {
        StringBuilder lines = new StringBuilder();
        for (Map.Entry<String, List<JsonLines.Question>> set : sets.entrySet()) {
            ConversationAnswerer answerer = new ConversationAnswerer(conversation);
            int index = 0;
            for (JsonLines.Question question : set.getValue()) {
                Outcome outcome = answerer.answer(question.text(), question.session());
                lines.append(String.format(Locale.ROOT, "%s\t%d\t%s\t%.6f\t%s\t%s%n", set.getKey(), index++,
                        outcome.intent(), outcome.confidence(), outcome.clarify(), outcome.explanation()));
            }
        }
        Files.writeString(OUT.resolve("answers-" + mode + ".tsv"), lines);
    }

    private static Map<String, List<JsonLines.Question>> messageSets() {
        JsonLines lines = new JsonLines(new ObjectMapper());
        List<JsonLines.Question> longQuestions = lines.readAll(TestData.file("eval/long-questions.jsonl"));
        Map<String, List<JsonLines.Question>> sets = new LinkedHashMap<>();
        sets.put("long questions", longQuestions);
        sets.put("dev questions (short)", lines.readAll(TestData.devQuestions()));
        Random random = new Random(14);
        sets.put("gibberish, 1,000 chars", hostile(() -> gibberish(random, 1000)));
        sets.put("pasted text, 4,000 chars", hostile(() -> pasted(random, longQuestions, 4000)));
        sets.put("emoji", hostile(() -> emoji(random, longQuestions)));
        sets.put("other scripts", hostile(() -> otherScript(random)));
        return sets;
    }

    private static List<JsonLines.Question> hostile(java.util.function.Supplier<String> text) {
        List<JsonLines.Question> questions = new ArrayList<>();
        for (int i = 0; i < HOSTILE_PER_KIND; i++) {
            questions.add(new JsonLines.Question(text.get(), Optional.empty(), List.of(), Optional.empty()));
        }
        return questions;
    }

    /** Keyboard mashing: letter runs of 2 to 14 characters, now and then a digit or punctuation. */
    static String gibberish(Random random, int length) {
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            int word = 2 + random.nextInt(13);
            for (int i = 0; i < word; i++) {
                text.append((char) ('a' + random.nextInt(26)));
            }
            int gap = random.nextInt(10);
            text.append(gap == 0 ? ", " : gap == 1 ? "7 " : gap == 2 ? "? " : " ");
        }
        return text.substring(0, length);
    }

    /** Real questions run together, as a pasted message: English words, most of them known. */
    private static String pasted(Random random, List<JsonLines.Question> questions, int length) {
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            text.append(questions.get(random.nextInt(questions.size())).text()).append(' ');
        }
        return text.substring(0, length);
    }

    private static final String[] EMOJI = {"😀", "🚀", "🤖", "🔥", "👍", "🙏", "💡", "🧠", "📈", "✨", "❤️", "👩‍💻"};

    /** Half: a real question strewn with emoji; half: a row of up to 400 emoji alone. */
    private static String emoji(Random random, List<JsonLines.Question> questions) {
        StringBuilder text = new StringBuilder();
        if (random.nextBoolean()) {
            for (String word : questions.get(random.nextInt(questions.size())).text().split(" ")) {
                text.append(word).append(' ');
                if (random.nextInt(3) == 0) {
                    text.append(EMOJI[random.nextInt(EMOJI.length)]).append(' ');
                }
            }
        } else {
            int count = 1 + random.nextInt(400);
            for (int i = 0; i < count; i++) {
                text.append(EMOJI[random.nextInt(EMOJI.length)]);
            }
        }
        return text.toString();
    }

    private static final int[][] SCRIPTS = {{0x0430, 0x044f}, {0x03b1, 0x03c9}, {0x0627, 0x064a}, {0x4e00, 0x9fa5},
        {0x0905, 0x0939}, {0x3041, 0x3093}};

    /** Words in another script (Cyrillic, Greek, Arabic, CJK, Devanagari, Hiragana), 50 to 1,000 characters. */
    private static String otherScript(Random random) {
        int[] range = SCRIPTS[random.nextInt(SCRIPTS.length)];
        int length = 50 + random.nextInt(951);
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            int word = 1 + random.nextInt(9);
            for (int i = 0; i < word; i++) {
                text.appendCodePoint(range[0] + random.nextInt(range[1] - range[0] + 1));
            }
            text.append(' ');
        }
        return text.toString();
    }

    private static double millis(long[] sorted, double percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
    }

    private static int medianLength(List<JsonLines.Question> questions) {
        int[] lengths = questions.stream().mapToInt(question -> question.text().length()).sorted().toArray();
        return lengths[lengths.length / 2];
    }

    private static int longest(List<JsonLines.Question> questions) {
        return questions.stream().mapToInt(question -> question.text().length()).max().orElse(0);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException | UncheckedIOException unreadable) {
            return "unknown";
        }
    }
}
