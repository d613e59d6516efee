package dev.drillbit.progress.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The leaderboard order, without a store. */
class RankingTest {
    private static final LeaderboardPeriod.Window ALL = new LeaderboardPeriod.Window(Instant.EPOCH, Instant.MAX);

    private static Leaderboard rank(List<Ranking.Standing> standings, long requester) {
        return Ranking.rank(1, LeaderboardPeriod.ALL_TIME, Optional.empty(), ZoneOffset.UTC, ALL, standings, requester);
    }

    @Test
    @DisplayName("more points first; on a tie, who reached the total first; then the lower user id")
    void order() {
        List<Ranking.Standing> standings = List.of(
                new Ranking.Standing(5, 30, 2_000),
                new Ranking.Standing(4, 30, 2_000),
                new Ranking.Standing(3, 30, 1_000),
                new Ranking.Standing(2, 50, 9_000));

        assertThat(rank(standings, 0).top())
                .extracting(LeaderboardEntry::userId)
                .containsExactly(2L, 3L, 4L, 5L);
    }

    @Test
    @DisplayName("members without points in the period are not ranked")
    void noPointsNoPlace() {
        Leaderboard board = rank(List.of(new Ranking.Standing(1, 0, 0), new Ranking.Standing(2, 5, 0)), 1);

        assertThat(board.ranked()).isEqualTo(1);
        assertThat(board.requester()).isEmpty();
    }

    @Test
    @DisplayName("ten are listed; the requester sees their own place below them")
    void requesterBelowTheTop() {
        List<Ranking.Standing> standings = new ArrayList<>();
        for (long u = 1; u <= 15; u++) {
            standings.add(new Ranking.Standing(u, 100 - u, 0));
        }

        Leaderboard board = rank(standings, 13);

        assertThat(board.top()).hasSize(Leaderboard.TOP);
        assertThat(board.ranked()).isEqualTo(15);
        assertThat(board.requester()).contains(new LeaderboardEntry(13, 13, 87));
    }
}
