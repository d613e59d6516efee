package dev.drillbit.app;

import dev.drillbit.bank.BankLoader;
import dev.drillbit.bank.Problem;
import dev.drillbit.bank.QuestionBank;
import dev.drillbit.bank.ShippedBank;
import dev.drillbit.config.Config;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

/** Loads the question bank for a command that needs it, or prints every problem and why it stopped. */
final class BankCheck {
    private BankCheck() {}

    /** The question folder to use: the config's {@code questionsDir} when set, else the bank in the jar. */
    static Path folder(Config config) {
        return config.questionsPath().orElseGet(ShippedBank::folder);
    }

    /** The bank, or empty after printing each problem and "{@code what} did not start" to {@code err}. */
    static Optional<QuestionBank> load(Config config, PrintWriter err, String what) {
        Path questions = folder(config);
        BankLoader.Result result = new BankLoader().load(questions);
        if (result.ok()) {
            return result.bank();
        }
        result.problems().stream().map(Problem::render).forEach(err::println);
        err.println(what + " did not start: fix the question files above (java -jar drillbit.jar validate).");
        err.flush();
        return Optional.empty();
    }
}
