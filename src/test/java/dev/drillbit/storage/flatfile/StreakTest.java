package dev.drillbit.storage.flatfile;

import static dev.drillbit.progress.Answers.GUILD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbit.progress.Answers;
import dev.drillbit.progress.stats.MemberStats;
import dev.drillbit.testsupport.ManualTime;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Streak days are cut in the guild's zone, here Europe/Berlin, around its clock changes. */
class StreakTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @TempDir
    Path dir;

    private FlatFileScoreStore open(ManualTime time) {
        return FlatFileScoreStore.open(
                StoreOptions.defaults(dir).withClock(time).withZones(g -> BERLIN));
    }

    @Test
    @DisplayName("October's 25-hour Sunday: three Berlin days in a row, though 48.7 hours lie between the first two")
    void longDayInOctober() {
        ManualTime time = ManualTime.at("2026-10-27T09:00:00Z");
        try (FlatFileScoreStore store = open(time)) {
            store.record(Answers.right(1, 5, "2026-10-23T22:10:00Z")).join(); // Sat 24 Oct 00:10 CEST
            store.record(Answers.right(1, 5, "2026-10-25T22:50:00Z")).join(); // Sun 25 Oct 23:50 CET
            store.record(Answers.right(1, 5, "2026-10-26T22:50:00Z")).join(); // Mon 26 Oct 23:50 CET

            MemberStats s = store.memberStats(GUILD, 1).orElseThrow();
            assertThat(s.currentStreak()).isEqualTo(3);
            assertThat(s.bestStreak()).isEqualTo(3);

            time.advance(Duration.ofDays(1)); // Wednesday: Tuesday was missed
            assertThat(store.memberStats(GUILD, 1).orElseThrow().currentStreak())
                    .isZero();
            assertThat(store.memberStats(GUILD, 1).orElseThrow().bestStreak()).isEqualTo(3);
        }
    }

    @Test
    @DisplayName("March's 23-hour Sunday: answers 24 hours apart can skip a Berlin day")
    void shortDayInMarch() {
        ManualTime time = ManualTime.at("2026-03-30T10:00:00Z");
        try (FlatFileScoreStore store = open(time)) {
            store.record(Answers.right(1, 5, "2026-03-28T22:30:00Z")).join(); // Sat 28 Mar 23:30 CET
            store.record(Answers.right(1, 5, "2026-03-29T22:30:00Z")).join(); // Mon 30 Mar 00:30 CEST

            MemberStats s = store.memberStats(GUILD, 1).orElseThrow();
            assertThat(s.currentStreak()).isEqualTo(1);
            assertThat(s.bestStreak()).isEqualTo(1);
        }
    }
}
