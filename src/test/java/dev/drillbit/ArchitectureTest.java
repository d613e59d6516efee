package dev.drillbit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The domain stays plain Java; only the adapter speaks Discord; only storage touches member data on disk. */
@AnalyzeClasses(packages = "dev.drillbit", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainNeverImportsJda = noClasses()
            .that()
            .resideInAnyPackage(
                    "dev.drillbit.bank..",
                    "dev.drillbit.quiz..",
                    "dev.drillbit.progress..",
                    "dev.drillbit.learning..",
                    "dev.drillbit.insights..",
                    "dev.drillbit.daily..",
                    "dev.drillbit.interview..",
                    "dev.drillbit.session..",
                    "dev.drillbit.packs..",
                    "dev.drillbit.cluster..",
                    "dev.drillbit.storage..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("net.dv8tion..")
            .because("the domain is plain Java; the discord package is the only adapter");

    /**
     * Metrics are counted where the bot meets the world: the Discord adapter and the wiring. Storage hears of
     * its commits through its own plain {@code CommitObserver}; the domain counts nothing.
     */
    @ArchTest
    static final ArchRule onlyTheAdapterAndTheWiringMeter = noClasses()
            .that()
            .resideOutsideOfPackages("dev.drillbit.discord..", "dev.drillbit.app..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.micrometer..", "io.prometheus..")
            .because("metrics are an edge concern; the domain stays plain Java");

    /**
     * Member data is read and written in {@code storage*} only, behind ports. Files are touched elsewhere
     * only by this allow-list, none of which holds member data:
     */
    @ArchTest
    static final ArchRule filesAndJdbcOnlyInStorage = noClasses()
            .that()
            .resideOutsideOfPackages(
                    "dev.drillbit.storage..",
                    // the question bank: loaded from a folder or the jar, and its problems name the file
                    "dev.drillbit.bank..",
                    // the configuration file and the folders it names
                    "dev.drillbit.config..",
                    // the command line and the wiring: folders given as options, handed to storage.flatfile
                    "dev.drillbit.app..",
                    // the local Discord stand-in keeps its world and messages in its own folder
                    "dev.drillbit.playground..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("java.nio.file..", "java.sql..", "javax.sql..")
            .because("storage is a detail behind ports: a second implementation must need no change elsewhere");

    @ArchTest
    static final ArchRule onlyTheWiringNamesAConcreteStore = noClasses()
            .that()
            .resideOutsideOfPackages("dev.drillbit.storage..", "dev.drillbit.app..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.drillbit.storage.flatfile..", "dev.drillbit.storage.postgres..")
            .because("all wiring is in app; discord and the domain see the ports only");

    @ArchTest
    static final ArchRule discordImportsNoConcreteStore = noClasses()
            .that()
            .resideInAPackage("dev.drillbit.discord..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.drillbit.storage..")
            .because("the adapter records through the ports in progress, learning and daily");

    @ArchTest
    static final ArchRule bankDependsOnNothingOfOurs = noClasses()
            .that()
            .resideInAPackage("dev.drillbit.bank..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "dev.drillbit.quiz..",
                    "dev.drillbit.progress..",
                    "dev.drillbit.learning..",
                    "dev.drillbit.insights..",
                    "dev.drillbit.storage..",
                    "dev.drillbit.daily..",
                    "dev.drillbit.interview..",
                    "dev.drillbit.packs..",
                    "dev.drillbit.discord..",
                    "dev.drillbit.app..",
                    "dev.drillbit.config..",
                    "dev.drillbit.playground..");

    @ArchTest
    static final ArchRule quizDependsOnlyOnTheBank = noClasses()
            .that()
            .resideInAPackage("dev.drillbit.quiz..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "dev.drillbit.progress..",
                    "dev.drillbit.daily..",
                    "dev.drillbit.learning..",
                    "dev.drillbit.insights..",
                    "dev.drillbit.storage..",
                    "dev.drillbit.interview..",
                    "dev.drillbit.discord..",
                    "dev.drillbit.app..",
                    "dev.drillbit.config..",
                    "dev.drillbit.playground..");

    @ArchTest
    static final ArchRule progressNeverReachesUp = noClasses()
            .that()
            .resideInAPackage("dev.drillbit.progress..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "dev.drillbit.daily..",
                    "dev.drillbit.interview..",
                    "dev.drillbit.insights..",
                    "dev.drillbit.storage..",
                    "dev.drillbit.discord..",
                    "dev.drillbit.app..",
                    "dev.drillbit.config..",
                    "dev.drillbit.playground..");

    @ArchTest
    static final ArchRule interviewUsesOnlyTheDomainBelowIt = noClasses()
            .that()
            .resideInAPackage("dev.drillbit.interview..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "dev.drillbit.daily..",
                    "dev.drillbit.discord..",
                    "dev.drillbit.app..",
                    "dev.drillbit.config..",
                    "dev.drillbit.playground..")
            .because("mock interviews are domain: bank, quiz and progress only; the adapter renders them");

    @ArchTest
    static final ArchRule sessionDependsOnlyOnTheBank = noClasses()
            .that()
            .resideInAPackage("dev.drillbit.session..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "dev.drillbit.quiz..",
                    "dev.drillbit.interview..",
                    "dev.drillbit.progress..",
                    "dev.drillbit.daily..",
                    "dev.drillbit.discord..",
                    "dev.drillbit.app..",
                    "dev.drillbit.config..",
                    "dev.drillbit.playground..")
            .because("the session plumbing serves quiz and interview alike and knows neither");
}
