package dev.careerbot;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.careerbot.config.ConfigException;
import dev.careerbot.evaluation.EvaluationException;
import dev.careerbot.knowledge.KnowledgeException;
import dev.careerbot.unanswered.UnansweredLogException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * The command-line entry point: parses the command line and hands it to the command it names
 * ({@link CliChat}, {@link CliRun}, {@link CliMatch}, {@link CliEval}, {@link CliCheck},
 * {@link CliReview}), each wired here with what it needs; without a command, {@code run} when a
 * platform is enabled, else {@code chat}.
 */
public final class CareerBot {

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> environment;
    private final Clock clock;
    private final Startup startup;

    CareerBot(InputStream in, PrintStream out, PrintStream err, Map<String, String> environment, Clock clock) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.environment = Map.copyOf(environment);
        this.clock = clock;
        this.startup = new Startup(environment, clock);
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
                case "chat" -> new CliChat(startup, in, out).run(commandLine);
                case "run" -> new CliRun(startup, err, clock).run(commandLine);
                case "match" -> {
                    // Jackson's databind is about 200 classes: only the commands that read or write JSON load it.
                    ObjectMapper json = new ObjectMapper();
                    yield new CliMatch(new BatchAnswerers(startup, json, err), json, in, out).run(commandLine);
                }
                case "eval" -> {
                    ObjectMapper json = new ObjectMapper();
                    yield new CliEval(startup, new BatchAnswerers(startup, json, err), json, out).run(commandLine);
                }
                case "check" -> new CliCheck(environment, out).run(commandLine);
                case "review" -> new CliReview(startup, environment, out, clock).run(commandLine);
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

    private int defaultCommand(CommandLine commandLine) {
        Startup.Loaded loaded = startup.load(commandLine, config -> !config.anyPlatformEnabled());
        return loaded.config().anyPlatformEnabled()
                ? new CliRun(startup, err, clock).run(loaded)
                : new CliChat(startup, in, out).run(loaded, commandLine);
    }
}
