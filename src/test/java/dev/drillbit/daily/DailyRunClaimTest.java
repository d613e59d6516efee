package dev.drillbit.daily;

import static dev.drillbit.daily.DailyFixtures.CHANNEL;
import static dev.drillbit.daily.DailyFixtures.GUILD;
import static dev.drillbit.daily.DailyFixtures.input;
import static dev.drillbit.daily.DailyFixtures.only;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbit.bank.QuestionBank;
import dev.drillbit.storage.flatfile.FlatFileRunClaims;
import dev.drillbit.testsupport.ManualTime;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two processes that both believe they own a guild (a rebalance) each have its schedule; the run claims
 * they share decide which one starts the day's run. Berlin 09:00 on 2026-01-05 is 08:00Z.
 */
class DailyRunClaimTest {
    private static final Instant SET_AT = Instant.parse("2026-01-04T12:00:00Z");
    private static final Instant START = Instant.parse("2026-01-05T08:00:00Z");

    @TempDir
    Path dir;

    private final QuestionBank bank = DailyFixtures.bank();
    private final ManualTime clock = new ManualTime(SET_AT);

    private DailyScheduler process(RunClaims shared) {
        DailyScheduler scheduler = DailyScheduler.open(
                new InMemoryDailyRepository(new InMemoryDailyRepository.Data()),
                dev.drillbit.bank.GuildBanks.only(bank),
                null,
                clock,
                new Random(7),
                DailyScheduler.Settings.defaults(),
                shared);
        scheduler.set(DailyFixtures.schedule(bank, input("09:00", "Europe/Berlin"), SET_AT));
        return scheduler;
    }

    @Test
    void onlyTheProcessThatClaimsTheRunStartsIt() {
        // GIVEN two processes with the same schedule and one store of claims
        RunClaims shared = FlatFileRunClaims.open(dir);
        try (DailyScheduler first = process(shared);
                DailyScheduler second = process(shared)) {
            clock.advance(Duration.between(SET_AT, START));

            // WHEN both find the run due, the first a moment earlier, and keep looking
            int firstStarts =
                    only(first.due(clock.instant()), DailyAction.StartRun.class).size();
            int secondStarts = only(second.due(clock.instant()), DailyAction.StartRun.class)
                    .size();
            clock.advance(Duration.ofMinutes(1));
            secondStarts += only(second.due(clock.instant()), DailyAction.StartRun.class)
                    .size();

            // THEN the run is started once, by the first
            assertThat(firstStarts).isEqualTo(1);
            assertThat(secondStarts).isZero();
        }
    }

    @Test
    void startingByHandWhereAnotherProcessClaimedTheDaySaysSo() {
        RunClaims shared = FlatFileRunClaims.open(dir);
        try (DailyScheduler first = process(shared);
                DailyScheduler second = process(shared)) {
            clock.advance(Duration.between(SET_AT, START));
            first.due(clock.instant());

            DailyScheduler.StartNow byHand = second.startNow(new ScheduleId(GUILD, CHANNEL), clock.instant());

            assertThat(byHand)
                    .isEqualTo(new DailyScheduler.StartNow.ClaimedElsewhere(
                            new ScheduleId(GUILD, CHANNEL), LocalDate.parse("2026-01-05")));
        }
    }
}
