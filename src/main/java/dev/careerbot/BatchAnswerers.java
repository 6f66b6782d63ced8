package dev.careerbot;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.careerbot.config.BotConfig;
import dev.careerbot.config.MatcherMode;
import dev.careerbot.config.MatcherSettings;
import dev.careerbot.conversation.Conversation;
import dev.careerbot.embedding.MatcherFeatures;
import dev.careerbot.evaluation.BatchAnswerer;
import dev.careerbot.evaluation.ConversationAnswerer;
import dev.careerbot.evaluation.JsonLines;
import dev.careerbot.evaluation.MatcherAnswerer;
import dev.careerbot.intent.IntentMatcher;
import dev.careerbot.intent.LabelledExample;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What {@code match} and {@code eval} answer with: the bot's conversation (the knowledge base, in
 * the configured or {@code --mode} matcher mode) or a matcher trained on {@code --train}.
 */
final class BatchAnswerers {

    private final Startup startup;
    private final ObjectMapper json;
    private final PrintStream err;

    BatchAnswerers(Startup startup, ObjectMapper json, PrintStream err) {
        this.startup = startup;
        this.json = json;
        this.err = err;
    }

    /** The matcher mode {@code --mode} asks for, if it is given. */
    static Optional<MatcherMode> mode(CommandLine commandLine) {
        return commandLine.option("--mode").map(word -> MatcherMode.fromConfig(word)
                .orElseThrow(() -> new CommandLine.UsageException("--mode must be lexical, semantic or hybrid, not " + word)));
    }

    BatchAnswerer answerer(CommandLine commandLine) {
        Optional<String> train = commandLine.option("--train");
        Optional<MatcherMode> mode = mode(commandLine);
        if (train.isEmpty()) {
            Startup.Loaded loaded = startup.load(commandLine);
            if (mode.isPresent()) {
                BotConfig config = loaded.config();
                loaded = new Startup.Loaded(config.withMatcher(config.matcher().withMode(mode.get())),
                        loaded.knowledge(), loaded.phases(), Optional.empty());
            }
            Conversation conversation = startup.conversation(loaded);
            Startup.logStarted(loaded.phases(), "Matcher ready");
            if (commandLine.flag("--explain")) {
                err.println("matcher thresholds: " + conversation.thresholds());
            }
            return new ConversationAnswerer(conversation);
        }
        JsonLines lines = new JsonLines(json);
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
}
