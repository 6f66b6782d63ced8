package dev.careerbot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.careerbot.config.MatcherSettings;
import dev.careerbot.embedding.MatcherFeatures;
import dev.careerbot.evaluation.CrossValidation;
import dev.careerbot.evaluation.EvalCommand;
import dev.careerbot.evaluation.EvalReport;
import dev.careerbot.evaluation.JsonLines;
import dev.careerbot.intent.FeatureSet;
import dev.careerbot.intent.IntentMatcher;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** {@code eval}: scores a labelled file, or cross-validates the knowledge base on its own examples. */
final class CliEval {

    private final Startup startup;
    private final BatchAnswerers answerers;
    private final ObjectMapper json;
    private final PrintStream out;

    CliEval(Startup startup, BatchAnswerers answerers, ObjectMapper json, PrintStream out) {
        this.startup = startup;
        this.answerers = answerers;
        this.json = json;
        this.out = out;
    }

    int run(CommandLine commandLine) {
        EvalReport report;
        if (commandLine.flag("--cross-validate")) {
            report = crossValidation(commandLine);
        } else {
            Path test = Path.of(commandLine.option("--test").orElseThrow(() -> new CommandLine.UsageException(
                    "eval needs --test FILE, or --cross-validate to score the knowledge base on its own examples")));
            List<JsonLines.Question> questions = new JsonLines(json).readAll(test);
            report = new EvalCommand(answerers.answerer(commandLine), System::nanoTime).run(questions);
        }
        try {
            out.println(commandLine.flag("--json")
                    ? json.writerWithDefaultPrettyPrinter().writeValueAsString(report)
                    : report.toText());
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("the report is plain data and always serialises", impossible);
        }
        return 0;
    }

    /** Each fold trains the matcher as the bot does: the configured (or --mode) features and thresholds. */
    private EvalReport crossValidation(CommandLine commandLine) {
        Startup.Loaded loaded = startup.load(commandLine);
        MatcherSettings settings = BatchAnswerers.mode(commandLine)
                .map(mode -> loaded.config().matcher().withMode(mode)).orElse(loaded.config().matcher());
        FeatureSet features = MatcherFeatures.forSettings(settings, "knowledge");
        return new CrossValidation(CrossValidation.DEFAULT_FOLDS,
                knowledge -> IntentMatcher.forKnowledge(knowledge, settings, features), System::nanoTime)
                .report(loaded.knowledge());
    }
}
