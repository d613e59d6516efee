package dev.drillbit.app;

import dev.drillbit.bank.BankLoader;
import dev.drillbit.bank.Problem;
import dev.drillbit.bank.QuestionBank;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

/** Loads the question bank for a command that needs it, or prints every problem and why it stopped. */
final class BankCheck {
    private BankCheck() {}

    /** The bank, or empty after printing each problem and "{@code what} did not start" to {@code err}. */
    static Optional<QuestionBank> load(Path questions, PrintWriter err, String what) {
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
