package dev.drillbit.progress.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The streak rule on epoch days, without a store. */
class StreakRuleTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static Streak answeredOn(int... days) {
        return Arrays.stream(days).boxed().reduce(Streak.NONE, Streak::answeredOn, (a, b) -> b);
    }

    @ParameterizedTest(name = "answers on days {0}: current {1}, best {2}")
    @CsvSource({
        "'10',             1, 1",
        "'10 11 12',       3, 3",
        "'10 10 10',       1, 1",
        "'10 11 13',       1, 2",
        "'10 11 12 20 21', 2, 3",
        "'10 12 11',       1, 1"
    })
    @DisplayName(
            "consecutive days extend the run, the same day counts once, a gap restarts it, a late day changes nothing")
    void runs(String days, int current, int best) {
        Streak streak = answeredOn(Arrays.stream(days.trim().split("\\s+"))
                .mapToInt(Integer::parseInt)
                .toArray());

        assertThat(streak.current()).isEqualTo(current);
        assertThat(streak.best()).isEqualTo(best);
    }

    @Test
    @DisplayName("the run is still current the day after the last answer, and over after a missed day")
    void currentAsOfToday() {
        Streak streak = answeredOn(10, 11, 12);

        assertThat(streak.currentOn(12)).isEqualTo(3);
        assertThat(streak.currentOn(13)).isEqualTo(3);
        assertThat(streak.currentOn(14)).isZero();
        assertThat(Streak.NONE.currentOn(14)).isZero();
    }

    @Test
    @DisplayName(
            "October's 25-hour Sunday in Berlin: three local days in a row, though 48.7 hours lie between the first two")
    void longDayInOctober() {
        int saturday = Streak.dayOf(Instant.parse("2026-10-23T22:10:00Z"), BERLIN); // Sat 24 Oct 00:10 CEST
        int sunday = Streak.dayOf(Instant.parse("2026-10-25T22:50:00Z"), BERLIN); // Sun 25 Oct 23:50 CET
        int monday = Streak.dayOf(Instant.parse("2026-10-26T22:50:00Z"), BERLIN); // Mon 26 Oct 23:50 CET

        assertThat(answeredOn(saturday, sunday, monday).current()).isEqualTo(3);
    }

    @Test
    @DisplayName("March's 23-hour Sunday in Berlin: answers 24 hours apart can skip a local day")
    void shortDayInMarch() {
        int saturday = Streak.dayOf(Instant.parse("2026-03-28T22:30:00Z"), BERLIN); // Sat 28 Mar 23:30 CET
        int monday = Streak.dayOf(Instant.parse("2026-03-29T22:30:00Z"), BERLIN); // Mon 30 Mar 00:30 CEST

        assertThat(answeredOn(saturday, monday).current()).isEqualTo(1);
    }
}
