package dev.careerbot.channel.discord;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** JDA is a detail of this package: nothing else in CareerBot touches it. */
class DiscordPackageBoundaryTest {

    @Test
    void onlyTheDiscordAdapterUsesJda() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.careerbot");

        noClasses().that().resideOutsideOfPackage("dev.careerbot.channel.discord..")
                .should().dependOnClassesThat().resideInAPackage("net.dv8tion..")
                .check(classes);
    }

    @Test
    void thePublicFaceOfTheAdapterShowsNoJdaType() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.careerbot.channel.discord");

        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
                .that().arePublic()
                .should().haveSimpleNameStartingWith("Discord")
                .check(classes);
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods()
                .that().arePublic().and().areDeclaredInClassesThat().arePublic()
                .should().haveRawReturnType(com.tngtech.archunit.base.DescribedPredicate.describe("no JDA type",
                        (com.tngtech.archunit.core.domain.JavaClass type) -> !type.getPackageName().startsWith("net.dv8tion")))
                .check(classes);
    }
}
