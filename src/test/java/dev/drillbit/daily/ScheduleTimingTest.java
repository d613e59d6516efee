package dev.drillbit.daily;

import static dev.drillbit.daily.DailyFixtures.input;
import static dev.drillbit.daily.DailyFixtures.only;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbit.bank.QuestionBank;
import dev.drillbit.testsupport.ManualTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When runs start: local time in three zones, and across clock changes in Berlin and New York. */
class ScheduleTimingTest {
    private final QuestionBank bank = DailyFixtures.bank();

    /** The scheduler's data, in memory: these tests are about its policy, not files. */
    private final InMemoryDailyRepository.Data data = new InMemoryDailyRepository.Data();

    @ParameterizedTest(name = "{1} {0} on {2} starts at {3}")
    @DisplayName("a local time of day maps to the right instant, clock changes included")
    @CsvSource({
        // ordinary days in three zones, winter and summer
        "Europe/Berlin,      09:00, 2026-01-14, 2026-01-14T08:00:00Z",
        "Europe/Berlin,      09:00, 2026-07-14, 2026-07-14T07:00:00Z",
        "America/New_York,   09:00, 2026-01-14, 2026-01-14T14:00:00Z",
        "America/New_York,   09:00, 2026-07-14, 2026-07-14T13:00:00Z",
        "Asia/Kolkata,       09:00, 2026-01-14, 2026-01-14T03:30:00Z",
        "Asia/Kolkata,       09:00, 2026-07-14, 2026-07-14T03:30:00Z",
        // 09:00 stays 09:00 local on both sides of each change
        "Europe/Berlin,      09:00, 2026-03-28, 2026-03-28T08:00:00Z",
        "Europe/Berlin,      09:00, 2026-03-29, 2026-03-29T07:00:00Z",
        "Europe/Berlin,      09:00, 2026-10-24, 2026-10-24T07:00:00Z",
        "Europe/Berlin,      09:00, 2026-10-25, 2026-10-25T08:00:00Z",
        "America/New_York,   09:00, 2026-03-07, 2026-03-07T14:00:00Z",
        "America/New_York,   09:00, 2026-03-08, 2026-03-08T13:00:00Z",
        "America/New_York,   09:00, 2026-10-31, 2026-10-31T13:00:00Z",
        "America/New_York,   09:00, 2026-11-01, 2026-11-01T14:00:00Z",
        // spring-forward gap: the first valid instant after it (03:00 local), not 03:30
        "Europe/Berlin,      02:30, 2026-03-29, 2026-03-29T01:00:00Z",
        "Europe/Berlin,      02:00, 2026-03-29, 2026-03-29T01:00:00Z",
        "America/New_York,   02:30, 2026-03-08, 2026-03-08T07:00:00Z",
        // fall-back overlap: the earlier of the two instants (summer offset)
        "Europe/Berlin,      02:30, 2026-10-25, 2026-10-25T00:30:00Z",
        "America/New_York,   01:30, 2026-11-01, 2026-11-01T05:30:00Z",
    })
    void instants(String zone, String time, String date, String expected) {
        Instant at = LocalTimes.instantOf(LocalDate.parse(date), LocalTime.parse(time), ZoneId.of(zone));

        assertThat(at).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest(name = "{1} {0} from {2}")
    @DisplayName("the scheduler starts each run at its local time, not a second early, on consecutive days")
    @CsvSource({
        "Europe/Berlin,    09:00, 2026-03-27T00:00:00Z, 2026-03-27T08:00:00Z, 2026-03-28T08:00:00Z, 2026-03-29T07:00:00Z, 2026-03-30T07:00:00Z",
        "Europe/Berlin,    09:00, 2026-10-23T00:00:00Z, 2026-10-23T07:00:00Z, 2026-10-24T07:00:00Z, 2026-10-25T08:00:00Z, 2026-10-26T08:00:00Z",
        "America/New_York, 09:00, 2026-03-06T00:00:00Z, 2026-03-06T14:00:00Z, 2026-03-07T14:00:00Z, 2026-03-08T13:00:00Z, 2026-03-09T13:00:00Z",
        "America/New_York, 09:00, 2026-10-30T00:00:00Z, 2026-10-30T13:00:00Z, 2026-10-31T13:00:00Z, 2026-11-01T14:00:00Z, 2026-11-02T14:00:00Z",
        "Asia/Kolkata,     09:00, 2026-03-27T00:00:00Z, 2026-03-27T03:30:00Z, 2026-03-28T03:30:00Z, 2026-03-29T03:30:00Z, 2026-03-30T03:30:00Z",
    })
    void consecutiveDays(String zone, String time, String from, String day1, String day2, String day3, String day4) {
        // GIVEN a daily schedule set before the first day
        ManualTime clock = ManualTime.at(from);
        try (DailyScheduler scheduler = DailyFixtures.open(data, bank, clock)) {
            scheduler.set(DailyFixtures.schedule(bank, input(time, zone), clock.instant()));

            // WHEN the heartbeat runs every minute for four days
            List<Instant> starts = startsWhileStepping(scheduler, clock, Duration.ofDays(4), Duration.ofMinutes(1));

            // THEN one run a day, each at the expected instant
            assertThat(starts)
                    .containsExactly(
                            Instant.parse(day1), Instant.parse(day2), Instant.parse(day3), Instant.parse(day4));
        }
    }

    @Test
    @DisplayName("02:30 on Berlin's spring-forward day runs once, at 03:00 CEST")
    void springForwardGap() {
        ManualTime clock = ManualTime.at("2026-03-28T12:00:00Z");
        try (DailyScheduler scheduler = DailyFixtures.open(data, bank, clock)) {
            scheduler.set(DailyFixtures.schedule(bank, input("02:30", "Europe/Berlin"), clock.instant()));

            List<Instant> starts = startsWhileStepping(scheduler, clock, Duration.ofHours(24), Duration.ofSeconds(30));

            assertThat(starts).containsExactly(Instant.parse("2026-03-29T01:00:00Z"));
        }
    }

    @Test
    @DisplayName("01:30 on New York's fall-back day runs once, at the earlier offset (EDT)")
    void fallBackOverlap() {
        ManualTime clock = ManualTime.at("2026-10-31T12:00:00Z");
        try (DailyScheduler scheduler = DailyFixtures.open(data, bank, clock)) {
            scheduler.set(DailyFixtures.schedule(bank, input("01:30", "America/New_York"), clock.instant()));

            List<Instant> starts = startsWhileStepping(scheduler, clock, Duration.ofHours(24), Duration.ofSeconds(30));

            assertThat(starts).containsExactly(Instant.parse("2026-11-01T05:30:00Z"));
        }
    }

    @Test
    @DisplayName("02:30 on Berlin's fall-back day runs once, at 02:30 CEST, not again an hour later")
    void fallBackOverlapBerlin() {
        ManualTime clock = ManualTime.at("2026-10-24T12:00:00Z");
        try (DailyScheduler scheduler = DailyFixtures.open(data, bank, clock)) {
            scheduler.set(DailyFixtures.schedule(bank, input("02:30", "Europe/Berlin"), clock.instant()));

            List<Instant> starts = startsWhileStepping(scheduler, clock, Duration.ofHours(24), Duration.ofSeconds(30));

            assertThat(starts).containsExactly(Instant.parse("2026-10-25T00:30:00Z"));
        }
    }

    @Test
    @DisplayName("mon-fri skips the weekend")
    void weekdaysOnly() {
        ManualTime clock = ManualTime.at("2026-01-09T00:00:00Z"); // a Friday
        try (DailyScheduler scheduler = DailyFixtures.open(data, bank, clock)) {
            scheduler.set(
                    DailyFixtures.schedule(bank, input("09:00", "Asia/Kolkata").withDays("mon-fri"), clock.instant()));

            List<Instant> starts = startsWhileStepping(scheduler, clock, Duration.ofDays(4), Duration.ofMinutes(5));

            assertThat(starts)
                    .containsExactly(Instant.parse("2026-01-09T03:30:00Z"), Instant.parse("2026-01-12T03:30:00Z"));
        }
    }

    /** Moves the clock in steps, calling {@code due} at each, acknowledging everything; returns the start instants. */
    static List<Instant> startsWhileStepping(DailyScheduler scheduler, ManualTime clock, Duration span, Duration step) {
        List<Instant> starts = new ArrayList<>();
        Instant end = clock.instant().plus(span);
        while (!clock.instant().isAfter(end)) {
            List<DailyAction> actions = scheduler.due(clock.instant());
            for (DailyAction.StartRun start : only(actions, DailyAction.StartRun.class)) {
                assertThat(start.run().scheduledAt()).isEqualTo(clock.instant());
                assertThat(start.late()).isFalse();
                starts.add(clock.instant());
                scheduler.started(start.run().id());
            }
            only(actions, DailyAction.CloseRun.class)
                    .forEach(c -> scheduler.closed(c.run().id()));
            clock.advance(step);
        }
        return starts;
    }
}
