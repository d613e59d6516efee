package dev.drillbit.progress.stats;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Ranks a guild's members for a leaderboard, the one order every store uses: points descending, then
 * whoever reached their points first, then the lower user id. The order is total, so ranks are unique and
 * stable between calls. Pure and stateless.
 */
public final class Ranking {
    /** One member's points in the period and when they reached them (epoch ms). */
    public record Standing(long userId, long points, long reachedMs) {}

    static final Comparator<Standing> ORDER = Comparator.comparingLong(Standing::points)
            .reversed()
            .thenComparingLong(Standing::reachedMs)
            .thenComparingLong(Standing::userId);

    private Ranking() {}

    /**
     * The leaderboard of {@code standings}: members without points are left out, the first
     * {@link Leaderboard#TOP} are listed, and the requester's own place is found wherever it is.
     */
    public static Leaderboard rank(
            long guildId,
            LeaderboardPeriod period,
            Optional<String> step,
            ZoneId zone,
            LeaderboardPeriod.Window window,
            List<Standing> standings,
            long requesterId) {
        List<Standing> rows = new ArrayList<>();
        for (Standing s : standings) {
            if (s.points() > 0) {
                rows.add(s);
            }
        }
        rows.sort(ORDER);
        List<LeaderboardEntry> top = new ArrayList<>();
        Optional<LeaderboardEntry> mine = Optional.empty();
        for (int i = 0; i < rows.size(); i++) {
            Standing r = rows.get(i);
            LeaderboardEntry entry = new LeaderboardEntry(i + 1, r.userId(), r.points());
            if (i < Leaderboard.TOP) {
                top.add(entry);
            }
            if (r.userId() == requesterId) {
                mine = Optional.of(entry);
            }
        }
        return new Leaderboard(guildId, period, step, zone, window, rows.size(), top, mine);
    }
}
