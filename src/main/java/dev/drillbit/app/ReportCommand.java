package dev.drillbit.app;

import dev.drillbit.bank.BankLoader;
import dev.drillbit.bank.Problem;
import dev.drillbit.config.Config;
import dev.drillbit.insights.QuestionFlags;
import dev.drillbit.insights.QuestionQuality;
import dev.drillbit.storage.flatfile.FlatFileFlagStore;
import dev.drillbit.storage.flatfile.FlatFileQuestionStats;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code drillbit report ...}: reports read from the data folder. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = "Reports read from the data folder.",
        subcommands = {ReportCommand.Questions.class})
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.INVALID;
    }

    /**
     * {@code drillbit report questions}: answer counts, success rates and chosen options per question, the
     * questions that look broken, and the shipped questions members reported ("Report a problem") with counts
     * and reasons. Reads the journals without opening the store (no lock, nothing
     * written), so it can run next to the bot.
     */
    @Command(
            name = "questions",
            mixinStandardHelpOptions = true,
            description = "Questions that look broken (low success, or a wrong option chosen more than the right "
                    + "one), then every answered question with its counts.")
    static final class Questions implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Option(
                names = "--min-answers",
                paramLabel = "N",
                defaultValue = "20",
                description = "Answers a question needs before it is judged (default: ${DEFAULT-VALUE}).")
        int minAnswers;

        @Option(
                names = "--low-success",
                paramLabel = "RATE",
                defaultValue = "0.25",
                description = "Success rate below which a question is flagged (default: ${DEFAULT-VALUE}).")
        double lowSuccess;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Config config = common.load();
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            QuestionQuality.Thresholds thresholds;
            try {
                thresholds = new QuestionQuality.Thresholds(minAnswers, lowSuccess);
            } catch (IllegalArgumentException e) {
                err.println(e.getMessage());
                return ExitCodes.INVALID;
            }
            BankLoader.Result bank = new BankLoader().load(BankCheck.folder(config));
            if (!bank.ok()) {
                bank.problems().stream().map(Problem::render).forEach(err::println);
                err.println("drillbit: the question bank has problems; run `validate` for details");
                return ExitCodes.INVALID;
            }
            Path data = config.dataPath();
            if (!Files.isDirectory(data)) {
                err.println("No data folder at " + data.toAbsolutePath() + "; give it with --data DIR");
                return ExitCodes.INVALID;
            }
            out.print(QuestionQuality.format(bank.bank().orElseThrow(), FlatFileQuestionStats.read(data), thresholds));
            out.println();
            out.print(
                    QuestionFlags.format(QuestionFlags.shippedTallies(FlatFileFlagStore.read(data.resolve("flags")))));
            out.flush();
            return ExitCodes.OK;
        }
    }
}
