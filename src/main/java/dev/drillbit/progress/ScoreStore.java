package dev.drillbit.progress;

import dev.drillbit.progress.stats.Leaderboard;
import dev.drillbit.progress.stats.LeaderboardPeriod;
import dev.drillbit.progress.stats.MemberStats;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Where answers are recorded and scores read back. The flat-file store is the default; a database-backed
 * one can implement the same contract.
 *
 * <p>Contract for implementations: thread-safe, callable from many threads at once. A future returned by
 * {@link #record} or {@link #forget} completes only once the event is durable and visible to queries
 * (read your own writes); it completes exceptionally when the event could not be made durable, and then
 * the caller must not tell the member it was counted. Futures may complete on the store's own thread:
 * attach long-running callbacks with the {@code *Async} variants.
 */
public interface ScoreStore extends AutoCloseable {

    /** Records an answer; completes with the event as stored, id assigned. */
    CompletableFuture<AnswerEvent> record(Answer answer);

    /**
     * Erases a member's data in a guild (answers, points, streaks there; for {@link MemberRef#PERSONAL}, the
     * person's own review deck, seen questions and reminder, and what they answered outside servers): when the
     * future completes it is gone from queries and from storage, except that a failure to tidy storage after
     * the erasure is durable may leave it there until the next attempt (the implementation logs that). Later
     * answers by the same member count afresh.
     */
    CompletableFuture<Forgotten> forget(long guildId, long userId);

    /**
     * A guild's leaderboard for a period in {@code zone}, optionally for one roadmap step, with the
     * requester's own place.
     */
    Leaderboard leaderboard(
            long guildId, LeaderboardPeriod period, Optional<String> step, long requesterId, ZoneId zone);

    /** A member's figures in a guild, empty if the store holds nothing for them there. */
    Optional<MemberStats> memberStats(long guildId, long userId);

    /** Every answer the member gave in the guild that is still kept, oldest first (for export). */
    List<AnswerEvent> history(long guildId, long userId);

    /**
     * The guilds where the store holds anything about the user (answers, points, or, under
     * {@link MemberRef#PERSONAL}, their own learning), ascending: what {@code /me export} and
     * {@code /me forget} reach.
     */
    List<Long> guildsOf(long userId);

    /** Stops taking events, makes every accepted one durable, and releases files. Idempotent. */
    @Override
    void close();
}
