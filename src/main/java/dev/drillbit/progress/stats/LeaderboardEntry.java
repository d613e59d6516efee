package dev.drillbit.progress.stats;

/** One place on a leaderboard; ranks start at 1 and are never shared. Immutable. */
public record LeaderboardEntry(int rank, long userId, long points) {}
