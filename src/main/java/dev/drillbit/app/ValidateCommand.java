package dev.drillbit.app;

import dev.drillbit.bank.BankLoader;
import dev.drillbit.bank.BankStats;
import dev.drillbit.bank.Problem;
import dev.drillbit.config.Config;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code drillbit validate [DIR]}: checks every question file and prints every problem. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = "Check the roadmap and every question pack; print each problem as file:line:column: message.")
final class ValidateCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Parameters(
            arity = "0..1",
            paramLabel = "DIR",
            description = "Question folder (default: questionsDir, or the bank shipped in the jar when unset).")
    Path dir;

    @Option(names = "--stats", description = "Print counts per step by type and difficulty.")
    boolean stats;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Config config = common.load();
        PrintWriter out = spec.commandLine().getOut();
        Path questions = dir != null ? dir : BankCheck.folder(config);
        BankLoader.Result result = new BankLoader().load(questions);
        if (!result.ok()) {
            result.problems().stream().map(Problem::render).forEach(out::println);
            long files =
                    result.problems().stream().map(Problem::file).distinct().count();
            out.println(result.problems().size() + (result.problems().size() == 1 ? " problem" : " problems") + " in "
                    + files + (files == 1 ? " file" : " files"));
            out.flush();
            return ExitCodes.INVALID;
        }
        BankStats bankStats = new BankStats(result.bank().orElseThrow());
        if (stats) {
            out.print(bankStats.table());
            out.println(bankStats.coverage());
        }
        out.println(bankStats.summary());
        out.flush();
        return ExitCodes.OK;
    }
}
