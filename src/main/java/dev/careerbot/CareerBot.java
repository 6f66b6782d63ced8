package dev.careerbot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.careerbot.channel.ChatAdapter;
import dev.careerbot.channel.console.ConsoleChat;
import dev.careerbot.config.BotConfig;
import dev.careerbot.config.ConfigException;
import dev.careerbot.config.ConfigLoader;
import dev.careerbot.config.MatcherMode;
import dev.careerbot.config.MatcherSettings;
import dev.careerbot.config.OperationsSettings;
import dev.careerbot.config.SetupCheck;
import dev.careerbot.conversation.Conversation;
import dev.careerbot.embedding.MatcherFeatures;
import dev.careerbot.evaluation.BatchAnswerer;
import dev.careerbot.evaluation.ConversationAnswerer;
import dev.careerbot.evaluation.CrossValidation;
import dev.careerbot.evaluation.EvalCommand;
import dev.careerbot.evaluation.EvalReport;
import dev.careerbot.evaluation.EvaluationException;
import dev.careerbot.evaluation.JsonLines;
import dev.careerbot.evaluation.MatchCommand;
import dev.careerbot.evaluation.MatcherAnswerer;
import dev.careerbot.intent.FeatureSet;
import dev.careerbot.intent.IntentMatcher;
import dev.careerbot.intent.LabelledExample;
import dev.careerbot.knowledge.KnowledgeBase;
import dev.careerbot.knowledge.KnowledgeException;
import dev.careerbot.knowledge.KnowledgeLoader;
import dev.careerbot.logging.LogFormat;
import dev.careerbot.metrics.PhaseTimes;
import dev.careerbot.operations.Operations;
import dev.careerbot.unanswered.ReviewCommand;
import dev.careerbot.unanswered.UnansweredLog;
import dev.careerbot.unanswered.UnansweredLogException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Predicate;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The command-line entry point: parses the command, loads config and knowledge, and runs the
 * console chat, the platform adapters, or one of the tools ({@code match}, {@code eval},
 * {@code check}).
 */
public final class CareerBot {

    private static final Logger log = LoggerFactory.getLogger(CareerBot.class);

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> environment;
    private final Clock clock;
    /** Made on first use: the chat and run commands need no JSON, and Jackson's databind is 200 classes to load. */
    private ObjectMapper json;

    CareerBot(InputStream in, PrintStream out, PrintStream err, Map<String, String> environment, Clock clock) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.environment = Map.copyOf(environment);
        this.clock = clock;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        int status = new CareerBot(System.in, out, err, System.getenv(), Clock.systemUTC()).run(args);
        out.flush();
        System.exit(status);
    }

    /** Runs one command and returns the process exit status. */
    int run(String[] args) {
        try {
            CommandLine commandLine = CommandLine.parse(args);
            if (commandLine.flag("--help") || commandLine.command().equals(Optional.of("help"))) {
                usage(out);
                return 0;
            }
            return switch (commandLine.command().orElse("")) {
                case "chat" -> chat(commandLine);
                case "run" -> runAdapters(commandLine);
                case "match" -> match(commandLine);
                case "eval" -> eval(commandLine);
                case "check" -> check(commandLine);
                case "review" -> review(commandLine);
                default -> defaultCommand(commandLine);
            };
        } catch (CommandLine.UsageException wrong) {
            err.println("careerbot: " + wrong.getMessage());
            usage(err);
            return 2;
        } catch (ConfigException | KnowledgeException problem) {
            err.println("careerbot: cannot start; fix these and try again (java -jar careerbot.jar check lists them all):");
            err.println(problem.getMessage());
            return 1;
        } catch (EvaluationException | UnansweredLogException problem) {
            err.println("careerbot: " + problem.getMessage());
            return 1;
        }
    }

    private ObjectMapper json() {
        if (json == null) {
            json = new ObjectMapper();
        }
        return json;
    }

    private static void usage(PrintStream stream) {
        stream.println("""
                usage: java -jar careerbot.jar [command] [options]
                  (no command)         run the enabled platforms, or chat here when none is enabled
                  chat                 talk to the bot in this terminal
                  run                  start every enabled platform adapter
                  match                answer JSON lines from stdin: {"text": ..., "session": ...}
                  eval --test FILE     score a labelled file: accuracy, out-of-scope recall, latency
                  eval --cross-validate  score the knowledge base on its own examples, 5 folds
                  check                validate the config and the knowledge base
                  review [--top N]     group the questions the bot could not answer, with the closest intent
                options:
                  --config FILE        the config (else $CAREERBOT_CONFIG, ./config/careerbot.yml, the bundled one)
                  --explain            show the matcher's top candidates and scores
                  --train FILE         match/eval: train on {"text","intent"} lines instead of the knowledge base
                  --val FILE           match/eval with --train: tune the out-of-scope threshold on this file
                  --mode MODE          match/eval: lexical, semantic or hybrid instead of matcher.mode
                  --json               eval: print the report as JSON
                  --file FILE          review: read this unanswered file instead of the configured one""");
    }

    private Loaded load(CommandLine commandLine) {
        return load(commandLine, config -> false);
    }

    /**
     * Reads the config and the knowledge base; a problem in either stops here. When
     * {@code startMatchers} says so for the config, the sentence encoder starts loading on its
     * own thread as soon as the config is read, while the knowledge base is.
     */
    private Loaded load(CommandLine commandLine, Predicate<BotConfig> startMatchers) {
        PhaseTimes phases = new PhaseTimes();
        ConfigLoader.Loaded config = phases.time(PhaseTimes.START, "config", () -> new ConfigLoader(environment)
                .load(commandLine.option("--config").map(Path::of)));
        config.warnings().forEach(warning -> log.warn("{}", warning));
        Optional<KnowledgeMatchers> matchers = Optional.empty();
        if (startMatchers.test(config.config())) {
            // Only the console chat starts them here: its terminal shows the conversation only,
            // information goes to the log file, warnings stay.
            LogFormat.consoleWarningsOnly(config.config().matcher().cacheDirectory().resolve("chat.log"));
            matchers = Optional.of(KnowledgeMatchers.start(config.config().matcher(), phases));
        }
        KnowledgeLoader.Loaded knowledge = phases.time(PhaseTimes.START, "knowledge base",
                () -> new KnowledgeLoader().load(config.config().knowledgeBase()));
        knowledge.warnings().forEach(warning -> log.warn("{}", warning));
        return new Loaded(config.config(), knowledge.base(), phases, matchers);
    }

    private record Loaded(BotConfig config, KnowledgeBase knowledge, PhaseTimes phases,
            Optional<KnowledgeMatchers> startedMatchers) {

        KnowledgeMatchers matchers() {
            return startedMatchers.orElseGet(() -> KnowledgeMatchers.start(config.matcher(), phases));
        }
    }

    /** The start-up phases in the order they are reported. */
    private static final List<String> PHASES = List.of("config", "knowledge base", "encoder", "matcher", "adapters",
            "applied");

    private Conversation conversation(Loaded loaded) {
        return new Conversation(loaded.knowledge(), loaded.matchers().initial(loaded.knowledge()),
                loaded.config().sessions(), clock);
    }

    /** Logs the phases of the start once, with the time since the process began. */
    private static void logStarted(PhaseTimes phases, String what) {
        long sinceProcessStart = ProcessHandle.current().info().startInstant()
                .map(start -> java.time.Duration.between(start, java.time.Instant.now()).toMillis()).orElse(-1L);
        log.info("{} {} ms after the process started: {}", what, sinceProcessStart,
                phases.describe(PhaseTimes.START, PHASES.toArray(String[]::new)));
    }

    private int defaultCommand(CommandLine commandLine) {
        Loaded loaded = load(commandLine, config -> !config.anyPlatformEnabled());
        return loaded.config().anyPlatformEnabled() ? runAdapters(loaded) : chat(loaded, commandLine);
    }

    private int chat(CommandLine commandLine) {
        return chat(load(commandLine, config -> true), commandLine);
    }

    private int chat(Loaded loaded, CommandLine commandLine) {
        Conversation conversation = conversation(loaded);
        logStarted(loaded.phases(), "Console chat ready");
        new ConsoleChat(conversation, JsonLines.lenientReader(in), out, commandLine.flag("--explain")).run();
        return 0;
    }

    private int runAdapters(CommandLine commandLine) {
        return runAdapters(load(commandLine));
    }

    private int runAdapters(Loaded loaded) {
        if (!loaded.config().anyPlatformEnabled()) {
            err.println("careerbot: no platform is enabled in " + loaded.config().source()
                    + ": set adapters.telegram.enabled or adapters.discord.enabled to true (see README),"
                    + " or use the chat command to talk here.");
            return 1;
        }
        // Fail fast: the port is bound before any model loads, and the adapters check their tokens
        // with the platforms while the matcher loads (or trains) on its own thread.
        PhaseTimes phases = loaded.phases();
        CompletableFuture<KnowledgeMatchers> matchers = new CompletableFuture<>();
        CompletableFuture<Conversation> conversation = new CompletableFuture<>();
        // A reload waits for the first conversation, so the matchers are there by then.
        Operations operations = Operations.start(loaded.config(), conversation,
                knowledge -> matchers.join().apply(knowledge), clock, phases);
        operations.metrics().phases(phases, List.of(PhaseTimes.START, PhaseTimes.RELOAD), PHASES);
        List<ChatAdapter> adapters = Adapters.enabled(loaded.config(), operations.responder(),
                operations.adapterServices());
        List<ChatAdapter> started = new CopyOnWriteArrayList<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            operations.shutdown(started);
            stopped.countDown();
        }, "careerbot-shutdown"));
        try {
            operations.serve(adapters);
            startMatcher(loaded, matchers, conversation);
            phases.time(PhaseTimes.START, "adapters", () -> {
                for (ChatAdapter adapter : adapters) {
                    adapter.start();
                    started.add(adapter);
                    log.info("{} adapter started", adapter.name());
                }
                return null;
            });
            conversation.join();
            logStarted(phases, "Ready");
        } catch (RuntimeException failure) {
            Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            log.error("Could not start: {}", cause.getMessage());
            closeAll(started);
            operations.close();
            return 1;
        }
        try {
            stopped.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /**
     * Loads or trains the first matcher on its own thread, with one sentence encoder for the
     * bot's lifetime (a reload embeds only new examples with it).
     */
    private void startMatcher(Loaded loaded, CompletableFuture<KnowledgeMatchers> matchers,
            CompletableFuture<Conversation> conversation) {
        Thread thread = new Thread(() -> {
            try {
                KnowledgeMatchers started = loaded.matchers();
                matchers.complete(started);
                conversation.complete(new Conversation(loaded.knowledge(), started.initial(loaded.knowledge()),
                        loaded.config().sessions(), clock));
            } catch (RuntimeException | Error failure) {
                matchers.completeExceptionally(failure);
                conversation.completeExceptionally(failure);
            }
        }, "careerbot-matcher-start");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeAll(List<ChatAdapter> adapters) {
        for (ChatAdapter adapter : adapters) {
            try {
                adapter.close();
            } catch (RuntimeException failure) {
                log.warn("{} adapter did not close cleanly: {}", adapter.name(), failure.getMessage());
            }
        }
    }

    private BatchAnswerer answerer(CommandLine commandLine) {
        Optional<String> train = commandLine.option("--train");
        Optional<MatcherMode> mode = commandLine.option("--mode").map(word -> MatcherMode.fromConfig(word)
                .orElseThrow(() -> new CommandLine.UsageException("--mode must be lexical, semantic or hybrid, not " + word)));
        if (train.isEmpty()) {
            Loaded loaded = load(commandLine);
            if (mode.isPresent()) {
                BotConfig config = loaded.config();
                loaded = new Loaded(new BotConfig(config.source(), config.knowledgeBase(),
                        config.matcher().withMode(mode.get()), config.sessions(), config.telegram(), config.discord()),
                        loaded.knowledge(), loaded.phases(), Optional.empty());
            }
            Conversation conversation = conversation(loaded);
            logStarted(loaded.phases(), "Matcher ready");
            if (commandLine.flag("--explain")) {
                err.println("matcher thresholds: " + conversation.thresholds());
            }
            return new ConversationAnswerer(conversation);
        }
        JsonLines lines = new JsonLines(json());
        List<LabelledExample> examples = lines.examples(Path.of(train.get()));
        Optional<List<LabelledExample>> validation = commandLine.option("--val")
                .map(file -> lines.examples(Path.of(file)));
        MatcherSettings settings = MatcherSettings.defaults().withMode(mode.orElse(MatcherSettings.DEFAULT_MODE));
        IntentMatcher matcher = IntentMatcher.train(examples,
                IntentMatcher.Options.plain(MatcherSettings.DEFAULT_MAX_INPUT_CHARS), validation,
                MatcherFeatures.forSettings(settings, "training-file"));
        err.println("matcher: " + settings.mode().configName() + ", " + matcher.intents().size() + " intents, "
                + examples.size() + " examples; thresholds " + matcher.thresholds());
        return new MatcherAnswerer(matcher);
    }

    private int match(CommandLine commandLine) {
        new MatchCommand(answerer(commandLine), json(), commandLine.flag("--explain")).run(in, out);
        return 0;
    }

    private int eval(CommandLine commandLine) {
        EvalReport report;
        if (commandLine.flag("--cross-validate")) {
            report = crossValidation(commandLine);
        } else {
            Path test = Path.of(commandLine.option("--test").orElseThrow(() -> new CommandLine.UsageException(
                    "eval needs --test FILE, or --cross-validate to score the knowledge base on its own examples")));
            List<JsonLines.Question> questions = new JsonLines(json()).readAll(test);
            report = new EvalCommand(answerer(commandLine), System::nanoTime).run(questions);
        }
        try {
            out.println(commandLine.flag("--json")
                    ? json().writerWithDefaultPrettyPrinter().writeValueAsString(report)
                    : report.toText());
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("the report is plain data and always serialises", impossible);
        }
        return 0;
    }

    /** Each fold trains the matcher as the bot does: the configured (or --mode) features and thresholds. */
    private EvalReport crossValidation(CommandLine commandLine) {
        Loaded loaded = load(commandLine);
        MatcherSettings settings = commandLine.option("--mode").map(word -> MatcherMode.fromConfig(word).orElseThrow(
                () -> new CommandLine.UsageException("--mode must be lexical, semantic or hybrid, not " + word)))
                .map(mode -> loaded.config().matcher().withMode(mode)).orElse(loaded.config().matcher());
        FeatureSet features = MatcherFeatures.forSettings(settings, "knowledge");
        return new CrossValidation(CrossValidation.DEFAULT_FOLDS,
                knowledge -> IntentMatcher.forKnowledge(knowledge, settings, features), System::nanoTime)
                .report(loaded.knowledge());
    }

    private int review(CommandLine commandLine) {
        // review reads the unanswered log and the knowledge base, never a platform: no token needed.
        Map<String, String> noTokensNeeded = new java.util.HashMap<>(environment);
        List.of("TELEGRAM_TOKEN", "DISCORD_TOKEN").forEach(name -> noTokensNeeded.putIfAbsent(name, "unused-by-review"));
        Loaded loaded = new CareerBot(in, out, err, noTokensNeeded, clock).load(commandLine);
        OperationsSettings.Unanswered settings = loaded.config().operations().unanswered();
        if (commandLine.option("--file").isPresent()) {
            settings = new OperationsSettings.Unanswered(settings.enabled(), Path.of(commandLine.option("--file").get()),
                    settings.salt(), settings.maxFileBytes(), settings.keepFiles(), settings.retention());
        }
        int top;
        try {
            top = Integer.parseInt(commandLine.option("--top").orElse("20"));
        } catch (NumberFormatException e) {
            throw new CommandLine.UsageException("--top needs a whole number, for example --top 20");
        }
        if (!Files.exists(settings.file())) {
            // Nothing to review, and opening the log would create its salt: review only reads.
            out.println("No unanswered questions in " + settings.file() + " yet.");
            return 0;
        }
        IntentMatcher matcher = loaded.matchers().initial(loaded.knowledge());
        new ReviewCommand(new UnansweredLog(settings, clock), matcher).run(Math.max(1, top), out);
        return 0;
    }

    private int check(CommandLine commandLine) {
        ConfigLoader configs = new ConfigLoader(environment);
        SetupCheck.Report report = new SetupCheck(configs, new KnowledgeLoader())
                .run(commandLine.option("--config").map(Path::of));
        out.println("config:         " + report.config());
        out.println("knowledge base: " + report.knowledgeBase().orElse("(not reached)"));
        List<String> warnings = new ArrayList<>(report.warnings());
        if (report.passed()) {
            warnings.addAll(overlappingIntents(commandLine));
        }
        report.errors().forEach(error -> out.println("error: " + error));
        warnings.forEach(warning -> out.println("warning: " + warning));
        out.println(report.passed()
                ? "OK: " + warnings.size() + " warning(s), no errors."
                : report.errors().size() + " error(s), " + warnings.size() + " warning(s).");
        return report.passed() ? 0 : 1;
    }

    /**
     * Intents whose examples the matcher cannot separate, from a cross-validation of the n-gram
     * matcher with fixed thresholds (the overlap shows in its top candidates, and it loads no model).
     */
    private List<String> overlappingIntents(CommandLine commandLine) {
        BotConfig config = new ConfigLoader(environment).load(commandLine.option("--config").map(Path::of)).config();
        KnowledgeBase knowledge = new KnowledgeLoader().load(config.knowledgeBase()).base();
        MatcherSettings settings = config.matcher().withMode(MatcherMode.LEXICAL).withThresholds(0.5, 0.25);
        return new CrossValidation(CrossValidation.DEFAULT_FOLDS,
                fold -> IntentMatcher.forKnowledge(fold, settings), System::nanoTime)
                .overlaps(knowledge).stream().map(CrossValidation.Overlap::message).toList();
    }
}
