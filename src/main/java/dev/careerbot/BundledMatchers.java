package dev.careerbot;

import dev.careerbot.config.BotConfig;
import dev.careerbot.config.ConfigLoader;
import dev.careerbot.config.MatcherMode;
import dev.careerbot.config.MatcherSettings;
import dev.careerbot.embedding.EmbeddingCache;
import dev.careerbot.embedding.MatcherFeatures;
import dev.careerbot.intent.FeatureSet;
import dev.careerbot.intent.IntentMatcher;
import dev.careerbot.intent.MatcherStore;
import dev.careerbot.knowledge.KnowledgeBase;
import dev.careerbot.knowledge.KnowledgeLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;

/**
 * A build step ({@code prepare-package}, see pom.xml): trains the matchers of the bundled
 * knowledge base with the bundled config's settings, one per matcher mode, into the jar's
 * {@value MatcherStore#BUNDLED_FOLDER}, so a first start with the shipped knowledge base trains
 * nothing, and the examples' sentence vectors into {@value EmbeddingCache#BUNDLED_FOLDER}, so the
 * first retrain after an edit embeds only the edited examples. Nothing is checked in: every build
 * trains them from the current knowledge base.
 *
 * <p>Usage: {@code BundledMatchers CONFIG OUTPUT_FOLDER CACHE_FOLDER}.
 */
public final class BundledMatchers {

    private BundledMatchers() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: BundledMatchers CONFIG OUTPUT_FOLDER CACHE_FOLDER");
            System.exit(2);
        }
        BotConfig config = new ConfigLoader(Map.of()).load(Optional.of(Path.of(args[0]))).config();
        KnowledgeBase knowledge = new KnowledgeLoader().load(config.knowledgeBase()).base();
        Path output = Path.of(args[1]);
        Files.createDirectories(output);
        MatcherSettings settings = config.matcher().withCacheDirectory(Path.of(args[2]));
        for (MatcherMode mode : MatcherMode.values()) {
            long started = System.nanoTime();
            FeatureSet features = MatcherFeatures.forSettings(settings.withMode(mode), "knowledge");
            if (!features.name().equals(mode.configName())) {
                throw new IllegalStateException("the build cannot start the sentence encoder for " + mode.configName());
            }
            IntentMatcher matcher = IntentMatcher.train(IntentMatcher.trainingSet(knowledge, settings.withMode(mode),
                    features));
            Path file = output.resolve("knowledge-" + mode.configName() + ".matcher");
            MatcherStore.write(file, matcher);
            System.out.printf("bundled matcher %s: %d intents, %d bytes, trained in %d ms%n", file,
                    matcher.intents().size(), Files.size(file), (System.nanoTime() - started) / 1_000_000);
        }
        // The examples' vectors too, so that the first retrain after an edit embeds only the edit.
        Path vectors = settings.cacheDirectory().resolve("vectors").resolve("knowledge.vectors");
        Path bundledVectors = output.resolveSibling("vectors").resolve("knowledge.vectors");
        Files.createDirectories(bundledVectors.getParent());
        Files.copy(vectors, bundledVectors, StandardCopyOption.REPLACE_EXISTING);
        System.out.printf("bundled vectors %s: %d bytes%n", bundledVectors, Files.size(bundledVectors));
    }
}
