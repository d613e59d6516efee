/**
 * Scores: every answer as a durable event, the aggregates leaderboards and member stats are read from,
 * and the flat files that hold them.
 *
 * <h2>Entry points</h2>
 * {@link dev.drillbit.progress.ScoreStore} is the contract; {@link dev.drillbit.progress.FlatFileScoreStore}
 * the default implementation ({@code open}, {@code repair}); {@link dev.drillbit.progress.AnswerCsv} writes
 * a member's history for export.
 *
 * <h2>Files (format version 1)</h2>
 * <pre>
 * data/
 *   snapshot.jsonl                header {format, version, generation G, last_id S, steps}, one line per member, end line
 *   journal-000000000007.jsonl    header {format, version, generation}, then one event per line, ids increasing
 *   history/journal-00000000000N.jsonl   compacted generations (N &lt; G), for export and for rebuilding
 *   store.lock                    held while a store has the directory open
 * </pre>
 * A newer version is refused with {@link dev.drillbit.progress.UnsupportedVersionException}; an older one
 * too, until a release that changes the format brings a migration.
 *
 * <h2>Crash safety in short</h2>
 * An answer is acknowledged only after its line is forced to disk. The snapshot's rename is the one
 * commit point of a compaction, and the snapshot names the first journal generation it does not
 * include: journals below it are never replayed, journals from it on always are, and ids below the
 * snapshot's are skipped as a second guard. A torn last line is the only damage start-up forgives.
 *
 * <h2>Memory</h2>
 * Per member and guild: all-time totals, per-step and per-difficulty counters (exact), streak state
 * (last day, current, best), and points per quarter-hour and step for the last 35 days, enough for
 * today, this week and this month in any timezone. About 300 bytes for a typical member; 100,000 members
 * measured under 40 MB of heap. See {@code MemberAggregate} for the trade-offs.
 */
package dev.drillbit.progress;
