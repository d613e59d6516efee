package dev.drillbit.storage.flatfile;

import static dev.drillbit.daily.DailyFixtures.input;
import static dev.drillbit.daily.DailyFixtures.only;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drillbit.bank.QuestionBank;
import dev.drillbit.daily.DailyAction;
import dev.drillbit.daily.DailyFixtures;
import dev.drillbit.daily.DailyRun;
import dev.drillbit.daily.DailySchedule;
import dev.drillbit.daily.DailyScheduler;
import dev.drillbit.daily.RunStatus;
import dev.drillbit.quiz.Response;
import dev.drillbit.storage.DataFileException;
import dev.drillbit.storage.UnsupportedVersionException;
import dev.drillbit.testsupport.Fixtures;
import dev.drillbit.testsupport.ManualTime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daily files: a round trip, and damaged or foreign files from {@code src/test/resources/daily/<case>}. */
class FlatFileDailyRepositoryTest {

    /** The daily repository contract against the flat files. */
    @org.junit.jupiter.api.Nested
    class Contract extends dev.drillbit.daily.DailyRepositoryContract {
        @Override
        protected dev.drillbit.daily.DailyRepository open() {
            return FlatFileDailyRepository.open(dir);
        }
    }

    private final QuestionBank bank = DailyFixtures.bank();
    private final ManualTime clock = ManualTime.at("2026-01-05T12:00:00Z");

    @TempDir
    Path dir;

    private void fixture(String name) throws IOException {
        Path from = Fixtures.resource("daily/" + name);
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

    private Map<String, byte[]> contents() throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (!f.getFileName().toString().equals(FlatFileDailyRepository.LOCK)) {
                    out.put(dir.relativize(f).toString(), Files.readAllBytes(f));
                }
            }
        }
        return out;
    }

    private DailyScheduler open() {
        return DailyFixtures.open(dir, bank, clock);
    }

    @Test
    @DisplayName("a schedule file cut short stops start-up naming the file and line, and is left untouched")
    void damagedSchedules() throws IOException {
        fixture("damaged-schedules");
        Map<String, byte[]> before = contents();

        assertThatThrownBy(this::open)
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining(dir.resolve("schedules.json") + ":23: not valid JSON")
                .hasMessageContaining("Start-up stopped and the file was left untouched");
        assertThat(contents()).containsExactlyInAnyOrderEntriesOf(before);
        // and the lock was released: once the file is moved aside, the directory opens
        Files.move(dir.resolve("schedules.json"), dir.resolve("schedules.json.damaged"));
        open().close();
    }

    @Test
    @DisplayName("a schedule file from a newer release is refused, untouched")
    void newerVersion() throws IOException {
        fixture("newer-schedules");
        Map<String, byte[]> before = contents();

        assertThatThrownBy(this::open)
                .isInstanceOf(UnsupportedVersionException.class)
                .hasMessageContaining("schedules.json:1: format version 2 is newer than this drillbit understands");
        assertThat(contents()).containsExactlyInAnyOrderEntriesOf(before);
    }

    @Test
    @DisplayName("a schedule with a value no release writes (an unknown zone) is refused, naming the field")
    void badField() throws IOException {
        fixture("bad-zone");
        Map<String, byte[]> before = contents();

        assertThatThrownBy(this::open)
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining("schedules.json: field \"zone\" has an unreadable value \"Mars/Olympus\"");
        assertThat(contents()).containsExactlyInAnyOrderEntriesOf(before);
    }

    @Test
    @DisplayName("a damaged run file stops start-up naming the run file and field")
    void damagedRun() throws IOException {
        fixture("damaged-run");
        Map<String, byte[]> before = contents();

        assertThatThrownBy(this::open)
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining(
                        "100-10-2026-01-05.json: field \"status\" has an unreadable value " + "\"half-posted\"");
        assertThat(contents()).containsExactlyInAnyOrderEntriesOf(before);
    }

    @Test
    @DisplayName("a run file under another run's name is refused: its name is what prevents a second start")
    void misnamedRun() throws IOException {
        fixture("misnamed-run");

        assertThatThrownBy(this::open)
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining("holds run 100-10-2026-01-05 but is named 100-10-2026-01-06.json");
    }

    @Test
    @DisplayName(
            "everything round-trips: schedules, rotation, streaks, runs with answers; temp files from a crash are removed")
    void roundTrip() throws IOException {
        DailySchedule schedule = DailyFixtures.schedule(
                bank,
                input("09:00", "Europe/Berlin")
                        .withDays("mon-fri")
                        .withSteps("sql")
                        .withDifficulty("junior")
                        .withPingRole(77)
                        .withGroupMinimum(1)
                        .withReportDay("fri"),
                Instant.parse("2026-01-04T12:00:00Z"));
        DailyRun run;
        clock.advance(java.time.Duration.ofHours(-4)); // 08:00Z, 09:00 Berlin
        try (DailyScheduler scheduler = open()) {
            scheduler.set(schedule);
            run = only(scheduler.due(clock.instant()), DailyAction.StartRun.class)
                    .get(0)
                    .run();
            scheduler.started(run.id());
            scheduler.answer(run.id(), 501, 0, new Response.Truth(true));
        }
        Files.writeString(dir.resolve("schedules.json.tmp"), "{\"half\":");
        Files.writeString(dir.resolve("runs").resolve(run.id() + ".json.tmp"), "");

        try (DailyScheduler scheduler = open()) {
            assertThat(scheduler.schedule(schedule.id())).contains(schedule);
            assertThat(scheduler.run(run.id())).hasValueSatisfying(r -> {
                assertThat(r.questionIds()).isEqualTo(run.questionIds());
                assertThat(r.status()).isEqualTo(RunStatus.POSTED);
                assertThat(r.answers()).singleElement().satisfies(a -> {
                    assertThat(a.userId()).isEqualTo(501);
                    assertThat(a.questionId()).isEqualTo(run.questionIds().get(0));
                    assertThat(a.correct()).isTrue();
                });
            });
        }
        assertThat(dir.resolve("schedules.json.tmp")).doesNotExist();
        assertThat(dir.resolve("runs").resolve(run.id() + ".json.tmp")).doesNotExist();
    }
}
