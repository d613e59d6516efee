package dev.drillbit.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbit.bank.Difficulty;
import dev.drillbit.bank.QuestionType;
import dev.drillbit.insights.Flag;
import dev.drillbit.insights.FlagReason;
import dev.drillbit.progress.Answer;
import dev.drillbit.storage.flatfile.FlatFileFlagStore;
import dev.drillbit.storage.flatfile.FlatFileScoreStore;
import dev.drillbit.storage.flatfile.StoreOptions;
import dev.drillbit.testsupport.Fixtures;
import dev.drillbit.testsupport.ManualTime;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
    private static final Instant T0 = Instant.parse("2026-03-10T12:00:00Z");

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out), new PrintWriter(err));
    }

    private Path config() throws Exception {
        Path config = dir.resolve("config.json");
        Files.writeString(
                config,
                "{\"questionsDir\": \""
                        + Fixtures.resource("bank/good").toString().replace("\\", "/") + "\"}");
        return config;
    }

    @Test
    void reportQuestionsFlagsAPreferredDistractorAndExitsZero() throws Exception {
        // GIVEN 20 answers to t-sql-1 (B is right): 12 chose C, 8 chose B; while the store is still open
        Path data = dir.resolve("data");
        try (FlatFileScoreStore store =
                FlatFileScoreStore.open(StoreOptions.defaults(data).withClock(new ManualTime(T0)))) {
            for (int u = 0; u < 20; u++) {
                boolean right = u < 8;
                store.record(new Answer(
                                        1,
                                        u,
                                        "t-sql-1",
                                        "sql",
                                        Difficulty.MID,
                                        QuestionType.MULTIPLE_CHOICE,
                                        right,
                                        Optional.empty(),
                                        right ? 20 : 0,
                                        T0)
                                .withChoice(right ? 1 : 2))
                        .join();
            }

            // WHEN
            int code = run("report", "questions", "--config", config().toString(), "--data", data.toString());

            // THEN
            assertThat(code).isZero();
            assertThat(out.toString())
                    .startsWith("Question quality: 1 questions answered, 1 look broken")
                    .contains("t-sql-1 [sql, mid, multiple_choice] 20 answers, 40% right; option C chosen 12 times, "
                            + "the right answer B 8 times");
        }
    }

    @Test
    void reportQuestionsListsMembersReportsOnShippedQuestionsWithCountsAndReasons() throws Exception {
        // GIVEN two members reported t-sql-1 (one with a note), and a server's own question was reported too
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        try (FlatFileFlagStore flags = FlatFileFlagStore.open(data.resolve("flags"))) {
            flags.put(new Flag(1, "t-sql-1", 7, FlagReason.OUTDATED, Optional.of("SQL:2023 says otherwise"), T0));
            flags.put(new Flag(2, "t-sql-1", 8, FlagReason.TYPO, Optional.empty(), T0));
            flags.put(new Flag(1, "g1:mine", 7, FlagReason.TYPO, Optional.empty(), T0));
        }

        // WHEN
        int code = run("report", "questions", "--config", config().toString(), "--data", data.toString());

        // THEN
        assertThat(code).isZero();
        assertThat(out.toString())
                .contains("Reported by members (1 question):\n  t-sql-1  2 members: typo 1, outdated 1\n"
                        + "    \"SQL:2023 says otherwise\"\n")
                .doesNotContain("g1:mine");
    }

    @Test
    void aMissingDataFolderIsRefused() throws Exception {
        int code = run(
                "report",
                "questions",
                "--config",
                config().toString(),
                "--data",
                dir.resolve("none").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("No data folder at");
    }
}
