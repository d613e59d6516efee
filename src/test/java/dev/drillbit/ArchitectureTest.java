package dev.drillbit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The domain stays plain Java; only the adapter speaks Discord. */
@AnalyzeClasses(packages = "dev.drillbit", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainNeverImportsJda = noClasses()
            .that().resideInAnyPackage("dev.drillbit.bank..", "dev.drillbit.quiz..", "dev.drillbit.progress..",
                    "dev.drillbit.learning..", "dev.drillbit.insights..", "dev.drillbit.daily..",
                    "dev.drillbit.interview..", "dev.drillbit.storage..")
            .should().dependOnClassesThat().resideInAnyPackage("net.dv8tion..")
            .because("the domain is plain Java; the discord package is the only adapter");

    @ArchTest
    static final ArchRule bankDependsOnNothingOfOurs = noClasses()
            .that().resideInAPackage("dev.drillbit.bank..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.drillbit.quiz..", "dev.drillbit.progress..",
                    "dev.drillbit.daily..", "dev.drillbit.interview..", "dev.drillbit.discord..", "dev.drillbit.app..", "dev.drillbit.config..",
                    "dev.drillbit.playground..");

    @ArchTest
    static final ArchRule quizDependsOnlyOnTheBank = noClasses()
            .that().resideInAPackage("dev.drillbit.quiz..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.drillbit.progress..", "dev.drillbit.daily..",
                    "dev.drillbit.interview..", "dev.drillbit.discord..", "dev.drillbit.app..", "dev.drillbit.config..",
                    "dev.drillbit.playground..");

    @ArchTest
    static final ArchRule progressNeverReachesUp = noClasses()
            .that().resideInAPackage("dev.drillbit.progress..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.drillbit.daily..", "dev.drillbit.interview..",
                    "dev.drillbit.discord..", "dev.drillbit.app..", "dev.drillbit.config..", "dev.drillbit.playground..");

    @ArchTest
    static final ArchRule interviewUsesOnlyTheDomainBelowIt = noClasses()
            .that().resideInAPackage("dev.drillbit.interview..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.drillbit.daily..", "dev.drillbit.discord..",
                    "dev.drillbit.app..", "dev.drillbit.config..", "dev.drillbit.playground..")
            .because("mock interviews are domain: bank, quiz and progress only; the adapter renders them");
}
