package dev.careerbot;

import dev.careerbot.config.BotConfig;
import dev.careerbot.config.ConfigLoader;
import dev.careerbot.conversation.Conversation;
import dev.careerbot.knowledge.KnowledgeBase;
import dev.careerbot.knowledge.KnowledgeLoader;
import dev.careerbot.logging.LogFormat;
import dev.careerbot.operations.PhaseTimes;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every command does first: reads the config and the knowledge base (a problem in either
 * stops the command), starts the matchers, builds the conversation, and logs how long start-up took.
 */
final class Startup {

    private static final Logger log = LoggerFactory.getLogger(Startup.class);

    private final Map<String, String> environment;
    private final Clock clock;

    Startup(Map<String, String> environment, Clock clock) {
        this.environment = Map.copyOf(environment);
        this.clock = clock;
    }

    /** The same start-up with other environment variables. */
    Startup withEnvironment(Map<String, String> otherEnvironment) {
        return new Startup(otherEnvironment, clock);
    }

    Loaded load(CommandLine commandLine) {
        return load(commandLine, config -> false);
    }

    /**
     * Reads the config and the knowledge base; a problem in either stops here. When
     * {@code startMatchers} says so for the config, the sentence encoder starts loading on its
     * own thread as soon as the config is read, while the knowledge base is.
     */
    Loaded load(CommandLine commandLine, Predicate<BotConfig> startMatchers) {
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

    record Loaded(BotConfig config, KnowledgeBase knowledge, PhaseTimes phases,
            Optional<KnowledgeMatchers> startedMatchers) {

        KnowledgeMatchers matchers() {
            return startedMatchers.orElseGet(() -> KnowledgeMatchers.start(config.matcher(), phases));
        }
    }

    /** The start-up phases in the order they are reported. */
    static final List<String> PHASES = List.of("config", "knowledge base", "encoder", "matcher", "adapters",
            "applied");

    Conversation conversation(Loaded loaded) {
        return new Conversation(loaded.knowledge(), loaded.matchers().initial(loaded.knowledge()),
                loaded.config().sessions(), clock);
    }

    /** Logs the phases of the start once, with the time since the process began. */
    static void logStarted(PhaseTimes phases, String what) {
        long sinceProcessStart = ProcessHandle.current().info().startInstant()
                .map(start -> Duration.between(start, Instant.now()).toMillis()).orElse(-1L);
        log.info("{} {} ms after the process started: {}", what, sinceProcessStart,
                phases.describe(PhaseTimes.START, PHASES.toArray(String[]::new)));
    }
}
