package dev.careerbot.config;

import dev.careerbot.knowledge.KnowledgeLoader;
import dev.careerbot.yaml.YamlSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the {@code check} command runs: every error and warning of the config and of the
 * knowledge base it names, each as {@code file:line: what is wrong and how to fix it}.
 */
public final class SetupCheck {

    /**
     * The outcome of a check.
     *
     * @param config the config file that was checked, as messages name it
     * @param knowledgeBase the knowledge base that was checked, empty when the config did not get
     *     that far
     * @param errors problems that stop the bot from starting
     * @param warnings things that work but should be improved
     */
    public record Report(String config, Optional<String> knowledgeBase, List<String> errors, List<String> warnings) {

        public Report {
            errors = List.copyOf(errors);
            warnings = List.copyOf(warnings);
        }

        /** True when the bot would start with this setup. */
        public boolean passed() {
            return errors.isEmpty();
        }
    }

    private final ConfigLoader configLoader;
    private final KnowledgeLoader knowledgeLoader;

    public SetupCheck(ConfigLoader configLoader, KnowledgeLoader knowledgeLoader) {
        this.configLoader = configLoader;
        this.knowledgeLoader = knowledgeLoader;
    }

    /** Checks the config found as {@code run} would find it (see {@link ConfigLoader#locate}). */
    public Report run(Optional<Path> explicitConfig) {
        YamlSource source;
        try {
            source = configLoader.locate(explicitConfig);
        } catch (ConfigException e) {
            return new Report(explicitConfig.map(Path::toString).orElse("(config)"), Optional.empty(), e.problems(),
                    List.of());
        }
        return run(source);
    }

    /** Checks the given config and the knowledge base it names. */
    public Report run(YamlSource config) {
        ConfigLoader.Report configReport = configLoader.check(config);
        List<String> errors = new ArrayList<>(configReport.errors());
        List<String> warnings = new ArrayList<>(configReport.warnings());
        Optional<YamlSource> knowledge = configReport.knowledgeBase().filter(YamlSource::exists);
        knowledge.ifPresent(source -> {
            KnowledgeLoader.Report knowledgeReport = knowledgeLoader.check(source);
            errors.addAll(knowledgeReport.errors());
            warnings.addAll(knowledgeReport.warnings());
        });
        return new Report(config.name(), knowledge.map(YamlSource::name), errors, warnings);
    }
}
