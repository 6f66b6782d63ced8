package dev.careerbot;

import dev.careerbot.config.OperationsSettings;
import dev.careerbot.intent.IntentMatcher;
import dev.careerbot.unanswered.ReviewCommand;
import dev.careerbot.unanswered.UnansweredLog;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** {@code review}: groups the questions the bot could not answer, with the closest intent. */
final class CliReview {

    private final Startup startup;
    private final Map<String, String> environment;
    private final PrintStream out;
    private final Clock clock;

    CliReview(Startup startup, Map<String, String> environment, PrintStream out, Clock clock) {
        this.startup = startup;
        this.environment = Map.copyOf(environment);
        this.out = out;
        this.clock = clock;
    }

    int run(CommandLine commandLine) {
        // review reads the unanswered log and the knowledge base, never a platform: no token needed
        // (placeholders of each platform's token form, so that the config loader accepts them).
        Map<String, String> noTokensNeeded = new HashMap<>(environment);
        noTokensNeeded.putIfAbsent("TELEGRAM_TOKEN", "0:unused-by-review-unused-by-review");
        noTokensNeeded.putIfAbsent("DISCORD_TOKEN", "unused.by.review");
        Startup.Loaded loaded = startup.withEnvironment(noTokensNeeded).load(commandLine);
        OperationsSettings.Unanswered settings = loaded.config().operations().unanswered();
        if (commandLine.option("--file").isPresent()) {
            settings = settings.withFile(Path.of(commandLine.option("--file").get()));
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
}
