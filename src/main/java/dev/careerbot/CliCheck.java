package dev.careerbot;

import dev.careerbot.config.BotConfig;
import dev.careerbot.config.ConfigLoader;
import dev.careerbot.config.MatcherMode;
import dev.careerbot.config.MatcherSettings;
import dev.careerbot.config.SetupCheck;
import dev.careerbot.evaluation.CrossValidation;
import dev.careerbot.intent.IntentMatcher;
import dev.careerbot.knowledge.KnowledgeBase;
import dev.careerbot.knowledge.KnowledgeLoader;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code check}: validates the config and the knowledge base, every problem at once. */
final class CliCheck {

    private final Map<String, String> environment;
    private final PrintStream out;

    CliCheck(Map<String, String> environment, PrintStream out) {
        this.environment = Map.copyOf(environment);
        this.out = out;
    }

    int run(CommandLine commandLine) {
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
