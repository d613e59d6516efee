package dev.drillbit.storage.postgres;

import static dev.drillbit.storage.postgres.StoreParity.GUILD_KOLKATA;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drillbit.app.Main;
import dev.drillbit.daily.DailyFixtures;
import dev.drillbit.daily.DailyRepository;
import dev.drillbit.daily.DailyRun;
import dev.drillbit.daily.DailySchedule;
import dev.drillbit.daily.RunAnswer;
import dev.drillbit.daily.RunStatus;
import dev.drillbit.learning.LearningStore;
import dev.drillbit.progress.GuildZones;
import dev.drillbit.progress.MemberRef;
import dev.drillbit.storage.flatfile.FlatFileDailyRepository;
import dev.drillbit.storage.flatfile.FlatFileReminderClaims;
import dev.drillbit.storage.flatfile.FlatFileScoreStore;
import dev.drillbit.storage.flatfile.StoreOptions;
import dev.drillbit.storage.migration.FlatFileToPostgres;
import dev.drillbit.storage.migration.FlatFileToPostgres.Outcome;
import dev.drillbit.testsupport.Fixtures;
import dev.drillbit.testsupport.ManualTime;
import dev.drillbit.testsupport.Seeds;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code migrate-data}: a flat-file folder copied into PostgreSQL, proved equal, or nothing committed. */
class MigrateDataTest {
    private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");

    @RegisterExtension
    final FreshDatabase database = new FreshDatabase();

    @TempDir
    Path dir;

    private final ManualTime time = new ManualTime(T0);
    private final GuildZones zones = guild -> guild == GUILD_KOLKATA ? ZoneId.of("Asia/Kolkata") : ZoneOffset.UTC;

    /** A daily schedule in Kolkata for the second guild (so its streak days are cut there) and one run. */
    private DailyRepository.Stored writeDaily() throws IOException {
        DailySchedule schedule = DailyFixtures.schedule(
                DailyFixtures.bank(),
                dev.drillbit.daily.ScheduleInput.of(GUILD_KOLKATA, 500, 600, "09:00", "Asia/Kolkata"),
                T0.minusSeconds(86_400));
        DailyRepository.State state = DailyRepository.State.empty();
        state.schedules().put(schedule.id(), schedule);
        state.seen().put(GUILD_KOLKATA, java.util.Set.of("sql-001"));
        LocalDate date = LocalDate.parse("2026-03-02");
        Instant at = T0.plusSeconds(3 * 3600);
        DailyRun run = dev.drillbit.daily.DailyFixtures.run(
                schedule,
                date,
                at,
                List.of("sql-001"),
                RunStatus.CLOSED,
                new RunAnswer(3, 0, "sql-001", "sql", true, 10, at.plusSeconds(60)));
        try (FlatFileDailyRepository daily = FlatFileDailyRepository.open(dir.resolve("daily"))) {
            daily.writeState(state);
            daily.writeRun(run);
            return daily.load();
        }
    }

    private FlatFileScoreStore flat() {
        return FlatFileScoreStore.open(
                StoreOptions.defaults(dir).withClock(time).withZones(zones).withCompactEvery(150));
    }

    @Test
    @DisplayName("a history over several compactions copies with every figure equal, and both stores then agree")
    void copiesEverythingAndProvesIt() throws Exception {
        long seed = Seeds.of("migrate.seed", 20261204L);
        DailyRepository.Stored daily = writeDaily();
        try (FlatFileScoreStore flat = flat()) {
            StoreParity.play(new Random(seed), time, 800, List.of(flat));
        }
        MemberRef remindedToday = new MemberRef(GUILD_KOLKATA, 3);
        FlatFileReminderClaims.open(dir, zones).claim(List.of(remindedToday), time.instant());

        Outcome outcome = FlatFileToPostgres.copy(dir, database.db(), false, time);

        assertThat(outcome).isInstanceOf(Outcome.Copied.class);
        FlatFileToPostgres.Comparison comparison = ((Outcome.Copied) outcome).comparison();
        assertThat(comparison.rows()).as("seed %d", seed).allMatch(FlatFileToPostgres.Row::equal);
        assertThat(comparison.membersCompared()).isGreaterThan(20);
        assertThat(comparison.rows()).contains(new FlatFileToPostgres.Row("reminders sent today", 1, 1));
        assertThat(PostgresReminderClaims.open(database.db(), zones).claim(List.of(remindedToday), time.instant()))
                .as("no second reminder on the day of the move")
                .isEmpty();
        assertThat(comparison.events().answers())
                .as("answers of members never forgotten")
                .isGreaterThan(500);
        assertThat(Files.list(dir.resolve("history")).count())
                .as("the source had compacted generations")
                .isGreaterThan(2);
        try (LearningStore flat = flat();
                LearningStore pg = PostgresScoreStore.open(database.db(), time, zones)) {
            StoreParity.assertSame(flat, pg, time.instant());
            long lastFlatId = Stream.of(StoreParity.GUILD_UTC, GUILD_KOLKATA)
                    .flatMap(g -> java.util.stream.LongStream.rangeClosed(1, StoreParity.USERS)
                            .boxed()
                            .flatMap(u -> flat.history(g, u).stream()))
                    .mapToLong(e -> e.id())
                    .max()
                    .orElseThrow();
            long next = pg.record(StoreParity.answer(new Random(seed), time, GUILD_KOLKATA, 1))
                    .join()
                    .id();
            assertThat(next).as("new ids continue after the copied ones").isGreaterThan(lastFlatId);
        }
        try (PostgresDailyRepository pgDaily = PostgresDailyRepository.open(database.db())) {
            DailyRepository.Stored back = pgDaily.load();
            assertThat(back.state().schedules()).isEqualTo(daily.state().schedules());
            assertThat(back.state().seen()).isEqualTo(daily.state().seen());
            assertThat(back.runs()).isEqualTo(daily.runs());
        }
    }

    @Test
    @DisplayName("a target that holds data is refused and left as it was")
    void refusesANonEmptyTarget() throws Exception {
        try (FlatFileScoreStore flat = flat()) {
            StoreParity.play(new Random(7), time, 50, List.of(flat));
        }
        assertThat(FlatFileToPostgres.copy(dir, database.db(), false, time)).isInstanceOf(Outcome.Copied.class);
        long answers = count("answers");

        Outcome again = FlatFileToPostgres.copy(dir, database.db(), false, time);

        assertThat(again).isInstanceOf(Outcome.TargetNotEmpty.class);
        assertThat(((Outcome.TargetNotEmpty) again).rows()).containsEntry("answers", answers);
        assertThat(count("answers")).isEqualTo(answers);
    }

    @Test
    @DisplayName("with replace, a non-empty target is emptied and copied into in the same transaction")
    void replaceEmptiesTheTargetFirst() throws Exception {
        try (FlatFileScoreStore flat = flat()) {
            StoreParity.play(new Random(7), time, 50, List.of(flat));
        }
        FlatFileToPostgres.copy(dir, database.db(), false, time);
        long answers = count("answers");

        Outcome replaced = FlatFileToPostgres.copy(dir, database.db(), true, time);

        assertThat(replaced).isInstanceOf(Outcome.Copied.class);
        assertThat(count("answers")).isEqualTo(answers);
    }

    @Test
    @DisplayName("servers' packs (their text byte for byte) and members' reports of questions are copied too")
    void copiesPacksAndReports() throws Exception {
        // GIVEN
        Instant at = Instant.parse("2026-03-01T10:00:00Z");
        dev.drillbit.packs.StoredPack pack =
                new dev.drillbit.packs.StoredPack(GUILD_KOLKATA, "our-step", "{\r\n\t\"step\": \"our-step\" }", 7, at);
        dev.drillbit.insights.Flag flag = new dev.drillbit.insights.Flag(
                GUILD_KOLKATA,
                "g" + GUILD_KOLKATA + ":q-1",
                8,
                dev.drillbit.insights.FlagReason.TYPO,
                java.util.Optional.of("teh"),
                at);
        try (var packs = dev.drillbit.storage.flatfile.FlatFileServerPackStore.open(dir.resolve("packs"));
                var flags = dev.drillbit.storage.flatfile.FlatFileFlagStore.open(dir.resolve("flags"))) {
            packs.put(pack);
            flags.put(flag);
        }

        // WHEN
        Outcome outcome = FlatFileToPostgres.copy(dir, database.db(), false, time);

        // THEN
        assertThat(outcome).isInstanceOf(Outcome.Copied.class);
        assertThat(((Outcome.Copied) outcome).comparison().rows())
                .contains(
                        new FlatFileToPostgres.Row("server packs", 1, 1),
                        new FlatFileToPostgres.Row("question reports", 1, 1));
        assertThat(PostgresServerPackStore.open(database.db()).all()).containsExactly(pack);
        assertThat(PostgresFlagStore.open(database.db()).all()).containsExactly(flag);
    }

    @Test
    @DisplayName("members' suggestions keep their ids, text and review; review channels are copied; new ids follow")
    void copiesSuggestions() throws Exception {
        // GIVEN an approved and an open suggestion, and a review channel
        Instant at = Instant.parse("2026-03-01T10:00:00Z");
        dev.drillbit.packs.Suggestion open;
        dev.drillbit.packs.Suggestion approved;
        try (var files = dev.drillbit.storage.flatfile.FlatFileSuggestionStore.open(dir.resolve("suggestions"))) {
            approved = files.add(dev.drillbit.packs.Suggestion.draft(GUILD_KOLKATA, 7, "our-step", "{\r\n\"é\"}", at))
                    .approved("our-step", "{\"approved\": true}", at.plusSeconds(60));
            files.update(approved);
            open = files.add(dev.drillbit.packs.Suggestion.draft(GUILD_KOLKATA, 8, "sql", "{}", at.plusSeconds(5)));
            files.setReviewChannel(GUILD_KOLKATA, 4242);
        }

        // WHEN
        Outcome outcome = FlatFileToPostgres.copy(dir, database.db(), false, time);

        // THEN
        assertThat(outcome).isInstanceOf(Outcome.Copied.class);
        assertThat(((Outcome.Copied) outcome).comparison().rows())
                .contains(
                        new FlatFileToPostgres.Row("suggestions", 2, 2),
                        new FlatFileToPostgres.Row("review channels", 1, 1));
        PostgresSuggestionStore store = PostgresSuggestionStore.open(database.db());
        assertThat(store.find(GUILD_KOLKATA, approved.id())).contains(approved);
        assertThat(store.open(GUILD_KOLKATA)).containsExactly(open);
        assertThat(store.reviewChannel(GUILD_KOLKATA)).hasValue(4242);
        assertThat(store.add(dev.drillbit.packs.Suggestion.draft(GUILD_KOLKATA, 9, "sql", "{}", at))
                        .id())
                .isGreaterThan(open.id());
    }

    @Test
    @DisplayName("a snapshot whose events are gone cannot be proved: the copy differs and nothing is committed")
    void mismatchRollsBack() throws Exception {
        copyFixture("snapshot-only");

        Outcome outcome = FlatFileToPostgres.copy(dir, database.db(), false, time);

        assertThat(outcome).isInstanceOf(Outcome.Mismatch.class);
        FlatFileToPostgres.Comparison comparison = ((Outcome.Mismatch) outcome).comparison();
        assertThat(comparison.rows()).anyMatch(r -> !r.equal());
        assertThat(comparison.differences()).isNotEmpty();
        assertThat(count("answers") + count("member_scores") + count("review_cards"))
                .isZero();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"journal-only", "version-1", "answers-without-day", "empty-journal", "torn-tail"})
    @DisplayName("the data-file fixtures of earlier formats copy with equal totals")
    void fixturesCopy(String fixture) throws Exception {
        copyFixture(fixture);

        Outcome outcome = FlatFileToPostgres.copy(dir, database.db(), false, time);

        assertThat(outcome).isInstanceOf(Outcome.Copied.class);
        assertThat(((Outcome.Copied) outcome).comparison().rows()).allMatch(FlatFileToPostgres.Row::equal);
    }

    @Test
    @DisplayName("the command prints both sides, commits, and refuses a second run without --replace")
    void commandLine() throws Exception {
        copyFixture("version-1");
        Path config = writeConfig();

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(
                new String[] {"migrate-data", "--from-data", dir.toString(), "--to-config", config.toString()},
                new PrintWriter(out),
                new PrintWriter(err));

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains("flat files")
                .contains("PostgreSQL")
                .containsPattern("answers +\\d+ +\\d+  same")
                .contains("Committed:")
                .doesNotContain("DIFFERENT");
        StringWriter err2 = new StringWriter();
        int again = Main.run(
                new String[] {"migrate-data", "--from-data", dir.toString(), "--to-config", config.toString()},
                new PrintWriter(new StringWriter()),
                new PrintWriter(err2));
        assertThat(again).isEqualTo(1);
        assertThat(err2.toString())
                .startsWith("Nothing was copied: PostgreSQL at")
                .contains("--replace");
    }

    @Test
    @DisplayName("while the bot has the folder open, nothing is copied and the command says to stop it")
    void refusesWhileTheBotRuns() throws Exception {
        Path config = writeConfig();
        try (FlatFileScoreStore running = flat()) {
            StringWriter err = new StringWriter();
            int code = Main.run(
                    new String[] {"migrate-data", "--from-data", dir.toString(), "--to-config", config.toString()},
                    new PrintWriter(new StringWriter()),
                    new PrintWriter(err));

            assertThat(code).isEqualTo(1);
            assertThat(err.toString()).startsWith("Nothing was copied: ").contains("Stop the bot first");
            assertThat(err.toString().lines()).hasSize(1);
        }
    }

    private Path writeConfig() throws IOException {
        dev.drillbit.config.Config.Storage s = TestPostgres.storageConfigFor(database.db());
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        ObjectNode storage = root.putObject("storage");
        storage.put("type", "postgres").put("url", s.url()).put("user", s.user());
        if (s.password() != null) {
            storage.put("password", s.password());
        }
        Path config = dir.resolveSibling(dir.getFileName() + "-config.json");
        Files.writeString(config, json.writeValueAsString(root));
        return config;
    }

    private void copyFixture(String name) throws IOException {
        Path from = Fixtures.resource("progress/" + name);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path to = dir.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to);
                }
            }
        }
    }

    private long count(String table) {
        return Sql.query(database.db(), table, c -> {
            try (var st = c.createStatement();
                    var rs = st.executeQuery("SELECT count(*) FROM " + table)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
