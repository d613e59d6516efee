package dev.drillbit.storage.flatfile;

import static dev.drillbit.progress.Answers.GUILD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbit.progress.Answers;
import dev.drillbit.progress.stats.Leaderboard;
import dev.drillbit.progress.stats.LeaderboardEntry;
import dev.drillbit.progress.stats.LeaderboardPeriod;
import dev.drillbit.testsupport.ManualTime;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Now is Monday 2026-03-02 03:00 UTC: still Sunday evening in New York, Monday noon in Tokyo. Member 1
 * scored 10 at 01:00 UTC, member 2 scored 20 late on Sunday 1 March UTC, member 3 scored 40 on Saturday
 * 28 February 16:00 UTC (already 1 March in Tokyo), member 4 scored 5 a week earlier.
 */
class LeaderboardTest {
    private final ManualTime time = ManualTime.at("2026-03-02T03:00:00Z");

    @TempDir
    Path dir;

    private FlatFileScoreStore store;

    @BeforeEach
    void record() {
        store = FlatFileScoreStore.open(StoreOptions.defaults(dir).withClock(time));
        store.record(Answers.right(1, 10, "2026-03-02T01:00:00Z")).join();
        store.record(Answers.right(2, 20, "2026-03-01T23:30:00Z")).join();
        store.record(Answers.right(3, 40, "2026-02-28T16:00:00Z")).join();
        store.record(Answers.right(4, 5, "2026-02-20T12:00:00Z")).join();
    }

    @org.junit.jupiter.api.AfterEach
    void close() {
        store.close();
    }

    private String board(LeaderboardPeriod period, String zone) {
        return store.leaderboard(GUILD, period, Optional.empty(), 0, ZoneId.of(zone)).top().stream()
                .map(e -> e.userId() + ":" + e.points())
                .collect(Collectors.joining(" "));
    }

    @ParameterizedTest(name = "{0} in {1}: {2}")
    @CsvSource({
        "TODAY,    UTC,              1:10",
        "WEEK,     UTC,              1:10",
        "MONTH,    UTC,              2:20 1:10",
        "ALL_TIME, UTC,              3:40 2:20 1:10 4:5",
        "TODAY,    America/New_York, 2:20 1:10",
        "WEEK,     America/New_York, 3:40 2:20 1:10",
        "MONTH,    America/New_York, 2:20 1:10",
        "TODAY,    Asia/Tokyo,       2:20 1:10",
        "WEEK,     Asia/Tokyo,       2:20 1:10",
        "MONTH,    Asia/Tokyo,       3:40 2:20 1:10",
        "ALL_TIME, Asia/Tokyo,       3:40 2:20 1:10 4:5"
    })
    @DisplayName("periods follow midnight, Monday and the first of the month in the guild's zone")
    void periodsInZones(LeaderboardPeriod period, String zone, String expected) {
        assertThat(board(period, zone)).isEqualTo(expected);
    }

    @Test
    @DisplayName("crossing midnight starts a new day; crossing Monday starts a new week")
    void crossingMidnight() {
        time.advance(java.time.Duration.ofHours(21)); // Tuesday 00:00 UTC
        assertThat(board(LeaderboardPeriod.TODAY, "UTC")).isEmpty();
        assertThat(board(LeaderboardPeriod.WEEK, "UTC")).isEqualTo("1:10");
        // Monday 19:00 in New York: Sunday's answers left both the day and the week there
        assertThat(board(LeaderboardPeriod.TODAY, "America/New_York")).isEmpty();
        assertThat(board(LeaderboardPeriod.WEEK, "America/New_York")).isEmpty();
        assertThat(board(LeaderboardPeriod.MONTH, "America/New_York")).isEqualTo("2:20 1:10");
    }

    @Test
    @DisplayName("a Berlin day is 23 hours long on the last Sunday of March")
    void dstDayWindow() {
        time.advance(java.time.Duration.between(time.instant(), Instant.parse("2026-03-29T21:45:00Z")));
        store.record(Answers.right(5, 7, "2026-03-29T21:30:00Z")).join(); // 23:30 CEST, 29 March
        store.record(Answers.right(6, 9, "2026-03-29T22:15:00Z")).join(); // 00:15 CEST, 30 March
        store.record(Answers.right(7, 3, "2026-03-28T23:05:00Z")).join(); // 00:05 CET, 29 March

        Leaderboard today =
                store.leaderboard(GUILD, LeaderboardPeriod.TODAY, Optional.empty(), 0, ZoneId.of("Europe/Berlin"));

        assertThat(today.window().from()).isEqualTo(Instant.parse("2026-03-28T23:00:00Z"));
        assertThat(today.window().until()).isEqualTo(Instant.parse("2026-03-29T22:00:00Z"));
        assertThat(today.top()).extracting(LeaderboardEntry::userId).containsExactly(5L, 7L);
    }

    @Test
    void oneRoadmapStep() {
        store.record(Answers.right(4, "caching", 50, Instant.parse("2026-03-02T02:00:00Z")))
                .join();
        store.record(Answers.right(1, "caching", 20, Instant.parse("2026-02-02T02:00:00Z")))
                .join();

        assertThat(store.leaderboard(GUILD, LeaderboardPeriod.ALL_TIME, Optional.of("caching"), 1, ZoneOffset.UTC)
                        .top())
                .containsExactly(new LeaderboardEntry(1, 4, 50), new LeaderboardEntry(2, 1, 20));
        assertThat(store.leaderboard(GUILD, LeaderboardPeriod.TODAY, Optional.of("caching"), 1, ZoneOffset.UTC)
                        .top())
                .containsExactly(new LeaderboardEntry(1, 4, 50));
        assertThat(store.leaderboard(GUILD, LeaderboardPeriod.TODAY, Optional.of("nosuchstep"), 1, ZoneOffset.UTC)
                        .top())
                .isEmpty();
    }

    @Test
    @DisplayName("period boards survive a snapshot and reopen")
    void periodsAfterReopen() {
        store.close();
        store = FlatFileScoreStore.open(StoreOptions.defaults(dir).withClock(time));
        assertThat(board(LeaderboardPeriod.MONTH, "Asia/Tokyo")).isEqualTo("3:40 2:20 1:10");
        assertThat(board(LeaderboardPeriod.WEEK, "America/New_York")).isEqualTo("3:40 2:20 1:10");
    }
}
