package dev.drillbit.progress.stats;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * A guild's leaderboard for a period. Only members with points in the period are ranked. Order: points
 * descending, then whoever reached their points first (for all time, the time of their last scoring
 * answer; for a day, week or month, the quarter-hour of their last scoring answer in it), then the lower
 * user id. The order is total, so ranks are unique and stable between calls. Immutable.
 *
 * @param window the instants counted
 * @param ranked how many members have points in the period
 * @param top the first ten (fewer when fewer are ranked)
 * @param requester the asking member's own place, empty when they have no points in the period
 */
public record Leaderboard(
        long guildId,
        LeaderboardPeriod period,
        Optional<String> step,
        ZoneId zone,
        LeaderboardPeriod.Window window,
        int ranked,
        List<LeaderboardEntry> top,
        Optional<LeaderboardEntry> requester) {
    public static final int TOP = 10;

    public Leaderboard {
        top = List.copyOf(top);
    }
}
