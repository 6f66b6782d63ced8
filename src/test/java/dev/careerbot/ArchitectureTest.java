package dev.careerbot;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.careerbot.yaml.YamlSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering rules of the code base, checked on the compiled main classes. */
class ArchitectureTest {

    private static final String[] CORE = {
        "dev.careerbot.message..",
        "dev.careerbot.conversation..",
        "dev.careerbot.intent..",
        "dev.careerbot.knowledge..",
        "dev.careerbot.config..",
        "dev.careerbot.evaluation..",
        "dev.careerbot.yaml..",
        "dev.careerbot.logging..",
        "dev.careerbot.state"
    };

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.careerbot");
    }

    @Test
    void theCoreKnowsNothingOfTheChatPlatformLibraries() {
        ArchRule rule = noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage("net.dv8tion..", "org.telegram..")
                .because("the core must run and be tested without Discord or Telegram")
                .allowEmptyShould(true);
        rule.check(classes);
    }

    @Test
    void theCoreKnowsNothingOfTheAdapters() {
        ArchRule rule = noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage("dev.careerbot.channel..")
                .because("adapters depend on the core, never the other way round")
                .allowEmptyShould(true);
        rule.check(classes);
    }

    @Test
    void theCoreKnowsNothingOfTheOperationsAroundIt() {
        ArchRule rule = noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage("dev.careerbot.operations..",
                        "dev.careerbot.unanswered..", "io.micrometer..")
                .because("health, metrics, reload, rate limits and the unanswered log wrap the core from outside")
                .allowEmptyShould(true);
        rule.check(classes);
    }

    @Test
    void featurePackagesDependOnEachOtherWithoutCycles() {
        ArchRule rule = slices().matching("dev.careerbot.(*)..").should().beFreeOfCycles()
                .because("a package that needs a package needing it is one feature cut in two");
        rule.check(classes);
    }

    @Test
    void onlyConfigurationAndKnowledgeLoadingReadYaml() {
        ArchRule rule = noClasses().that().resideOutsideOfPackages("dev.careerbot.yaml..", "dev.careerbot.config..",
                        "dev.careerbot.knowledge..")
                .should().dependOnClassesThat(resideInAnyPackage("dev.careerbot.yaml..",
                        "com.fasterxml.jackson.dataformat.yaml..").and(not(type(YamlSource.class))))
                .because("the YAML reader is how config and knowledge base are loaded; the rest of the bot"
                        + " gets their typed values (and YamlSource, where a document comes from)")
                .allowEmptyShould(true);
        rule.check(classes);
    }

    @Test
    void privateFilesAndHashesDependOnNothingElseInTheBot() {
        ArchRule rule = noClasses().that().resideInAPackage("dev.careerbot.storage..")
                .should().dependOnClassesThat().resideOutsideOfPackages("dev.careerbot.storage..",
                        "dev.careerbot.message..", "java..")
                .because("the unanswered log and the adapters share it; it must not pull either in")
                .allowEmptyShould(true);
        rule.check(classes);
    }

    @Test
    void onlyTheRedisStoreKnowsRedis() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage("dev.careerbot.state.redis..")
                .should().dependOnClassesThat().resideInAnyPackage("redis.clients..")
                .because("the rest of the bot talks to the StateStore interface, memory or Redis alike");
        rule.check(classes);
    }

    @Test
    void theTelegramAdapterDoesNotUseTheDiscordAdapter() {
        ArchRule rule = noClasses().that().resideInAPackage("dev.careerbot.channel.telegram..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.careerbot.channel.discord..", "net.dv8tion..")
                .allowEmptyShould(true);
        rule.check(classes);
    }

    @Test
    void theDiscordAdapterDoesNotUseTheTelegramAdapter() {
        ArchRule rule = noClasses().that().resideInAPackage("dev.careerbot.channel.discord..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.careerbot.channel.telegram..", "org.telegram..")
                .allowEmptyShould(true);
        rule.check(classes);
    }

    @Test
    void theConsoleAdapterUsesNeitherPlatform() {
        ArchRule rule = noClasses().that().resideInAPackage("dev.careerbot.channel.console..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.careerbot.channel.telegram..", "dev.careerbot.channel.discord..",
                        "net.dv8tion..", "org.telegram..")
                .allowEmptyShould(true);
        rule.check(classes);
    }
}
