package dev.careerbot;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.careerbot.config.BotConfig;
import dev.careerbot.config.MatcherSettings;
import dev.careerbot.config.SessionSettings;
import dev.careerbot.config.DiscordSettings;
import dev.careerbot.config.TelegramSettings;
import dev.careerbot.conversation.Conversation;
import dev.careerbot.evaluation.BatchAnswerer;
import dev.careerbot.evaluation.ConversationAnswerer;
import dev.careerbot.evaluation.EvalCommand;
import dev.careerbot.evaluation.EvalReport;
import dev.careerbot.evaluation.EvaluationException;
import dev.careerbot.evaluation.JsonLines;
import dev.careerbot.evaluation.MatchCommand;
import dev.careerbot.evaluation.MatcherAnswerer;
import dev.careerbot.intent.IntentMatcher;
import dev.careerbot.intent.LabelledExample;
import dev.careerbot.knowledge.KnowledgeBase;
import dev.careerbot.knowledge.KnowledgeException;
import dev.careerbot.knowledge.KnowledgeLoader;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The command-line entry point: parses the command, loads config and knowledge, runs. */
public final class CareerBot {

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> environment;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    CareerBot(InputStream in, PrintStream out, PrintStream err, Map<String, String> environment, Clock clock) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.environment = Map.copyOf(environment);
        this.clock = clock;
    }

    public static void main(String[] args) {
        int status = new CareerBot(System.in, System.out, System.err, System.getenv(), Clock.systemUTC()).run(args);
        System.exit(status);
    }

    /** Runs one command and returns the process exit status. */
    int run(String[] args) {
        try {
            CommandLine commandLine = CommandLine.parse(args);
            String command = commandLine.command().orElse("chat");
            return switch (command) {
                case "match" -> match(commandLine);
                case "eval" -> eval(commandLine);
                default -> usage();
            };
        } catch (CommandLine.UsageException wrong) {
            err.println("careerbot: " + wrong.getMessage());
            usage();
            return 2;
        } catch (KnowledgeException | EvaluationException problem) {
            err.println(problem.getMessage());
            return 1;
        }
    }

    private int usage() {
        err.println("""
                usage: java -jar careerbot.jar [command] [options]
                  chat                 talk to the bot in this terminal (default without platforms)
                  run                  start every enabled platform adapter
                  match                answer JSON lines from stdin: {"text": ..., "session": ...}
                  eval --test FILE     score a labelled file and print accuracy and latency
                  check                validate the config and the knowledge base
                options: --config FILE, --explain, --train FILE, --val FILE, --json""");
        return 2;
    }

    private BatchAnswerer answerer(CommandLine commandLine) {
        Optional<String> train = commandLine.option("--train");
        if (train.isPresent()) {
            JsonLines lines = new JsonLines(json);
            List<LabelledExample> examples = lines.examples(Path.of(train.get()));
            Optional<List<LabelledExample>> validation = commandLine.option("--val")
                    .map(file -> lines.examples(Path.of(file)));
            IntentMatcher matcher = IntentMatcher.train(examples,
                    IntentMatcher.Options.plain(MatcherSettings.DEFAULT_MAX_INPUT_CHARS), validation);
            err.println("matcher: " + matcher.intents().size() + " intents; thresholds " + matcher.thresholds());
            return new MatcherAnswerer(matcher);
        }
        BotConfig config = config(commandLine);
        KnowledgeBase knowledge = new KnowledgeLoader().load(config.knowledgeBase()).base();
        Conversation conversation = Assembly.conversation(knowledge, config, clock);
        if (commandLine.flag("--explain")) {
            err.println("matcher thresholds: " + conversation.thresholds());
        }
        return new ConversationAnswerer(conversation);
    }

    private BotConfig config(CommandLine commandLine) {
        return new BotConfig("config/careerbot.yml", Path.of("config/knowledge.yml"), MatcherSettings.defaults(),
                SessionSettings.defaults(), TelegramSettings.disabled(), DiscordSettings.disabled());
    }

    private int match(CommandLine commandLine) {
        new MatchCommand(answerer(commandLine), json, commandLine.flag("--explain")).run(in, out);
        return 0;
    }

    private int eval(CommandLine commandLine) {
        Path test = Path.of(commandLine.option("--test")
                .orElseThrow(() -> new CommandLine.UsageException("eval needs --test FILE")));
        List<JsonLines.Question> questions = new JsonLines(json).readAll(test);
        EvalReport report = new EvalCommand(answerer(commandLine), System::nanoTime).run(questions);
        try {
            out.println(commandLine.flag("--json") ? json.writerWithDefaultPrettyPrinter().writeValueAsString(report)
                    : report.toText());
        } catch (com.fasterxml.jackson.core.JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
        return 0;
    }
}
