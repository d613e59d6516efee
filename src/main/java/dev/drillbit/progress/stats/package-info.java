/**
 * Pure rules over answers: leaderboard periods and ranking, streaks, member stats. No files, no clocks of
 * their own (the caller passes "now"), no locks: every class here is tested without a disk and is shared by
 * every score store implementation.
 */
package dev.drillbit.progress.stats;
