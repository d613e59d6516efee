package dev.drillbit.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbit.testsupport.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void validatePrintsTheSummaryOfAGoodBank() {
        int code = run("validate", Fixtures.resource("bank/good").toString());

        assertThat(code).isZero();
        assertThat(out.toString())
                .isEqualTo("OK: 9 questions in 3 steps; by type: multiple_choice 3, true_false 2,"
                        + " short_answer 2, open 2; by difficulty: junior 4, mid 3, senior 2\n");
    }

    @Test
    void validateStatsPrintsTheTable() {
        int code = run("validate", "--stats", Fixtures.resource("bank/good").toString());

        assertThat(code).isZero();
        assertThat(out.toString())
                .contains("step                     total    mc    tf short  open junior    mid senior source variants")
                .contains("sql                          3     1     1     1     0      1      1      1      3        1")
                .contains("all                          9     3     2     2     2      4      3      2      9        2")
                .contains("Sources: 9 of 9 questions; test variants: 2 of 2 short answers");
    }

    @Test
    void validatePrintsEveryProblemAndExitsTwo() {
        Fixtures.bankWith("wrong-type", dir);

        int code = run("validate", dir.toString());

        assertThat(code).isEqualTo(2);
        assertThat(out.toString())
                .isEqualTo(
                        dir.resolve("sql.json")
                                + ":16:17: question t-sql-1 answer must be a whole number, found a string\n1 problem in 1 file\n");
    }

    @Test
    void validateReadsTheQuestionFolderFromTheConfig() throws Exception {
        Path config = dir.resolve("c.json");
        Files.writeString(config, "{\"questionsDir\": \"" + Fixtures.resource("bank/good") + "\"}");

        assertThat(run("validate", "--config", config.toString())).isZero();
        assertThat(out.toString()).startsWith("OK: 9 questions");
    }

    @Test
    void aBadConfigIsOneClearLineAndExitTwo() throws Exception {
        Path config = dir.resolve("c.json");
        Files.writeString(config, "{\"quiz\": {\"idleMinutes\": -1}}");

        assertThat(run("validate", "--config", config.toString())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo(config + ": \"quiz.idleMinutes\" is -1; it must be 1 to 1440\n");
    }

    @Test
    void anUnknownOptionIsAUsageErrorWithoutAStackTrace() {
        assertThat(run("validate", "--nope")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option: '--nope'").doesNotContain("at dev.drillbit");
    }

    @Test
    void badRateLimitsForThePlaygroundAreAUsageErrorNamingThem() {
        int code = run("playground", "--rate-limits", "speed=3");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("unknown rate limit speed").doesNotContain("at dev.drillbit");
    }
}
