/**
 * The flat-file implementations of the storage ports: the score store's append-only journal, snapshot,
 * codec, repair, group-commit writer and compaction, and the small whole-file stores of the other ports.
 * Nothing outside {@code dev.drillbit.app} names these classes (ArchUnit holds that); the rest of the bot
 * sees the ports only.
 * <ul>
 *   <li>{@link dev.drillbit.storage.flatfile.FlatFileScoreStore}: {@link dev.drillbit.progress.ScoreStore} and
 *       {@link dev.drillbit.learning.LearningStore} (journal, group commit, compaction, recovery); its
 *       in-memory state is {@code Aggregates} of {@code MemberAggregate}s, written to the snapshot by
 *       {@code MemberLines}; the rules it applies (streaks, ranking, deck updates) are the pure classes
 *       of {@code progress.stats} and {@code learning}.
 *   <li>{@link dev.drillbit.storage.flatfile.FlatFileRepair} salvages damaged files;
 *       {@link dev.drillbit.storage.flatfile.FlatFileQuestionStats} counts answers without opening the store.
 *   <li>{@link dev.drillbit.storage.flatfile.FlatFileReminderClaims}: {@link dev.drillbit.learning.ReminderClaims}
 *       ({@code reminders-sent.json}).
 *   <li>{@link dev.drillbit.storage.flatfile.FlatFileDailyRepository}: {@link dev.drillbit.daily.DailyRepository}
 *       ({@code daily/schedules.json}, {@code daily/runs/}).
 * </ul>
 *
 * <h2>Files (journal format version 2, snapshot version 3)</h2>
 * <pre>
 * data/
 *   snapshot.jsonl                header {format, version, generation G, last_id S, steps, questions}, one line per member, end line
 *   journal-000000000007.jsonl    header {format, version, generation}, then one event per line, ids increasing
 *   history/journal-00000000000N.jsonl   compacted generations (N &lt; G), for export and for rebuilding
 *   store.lock                    held while a store has the directory open
 * </pre>
 * Events: {@code answer} (since version 2 with optional {@code elapsed}, {@code limit},
 * {@code choice} and {@code day}: the epoch day in the guild's zone when recorded, which streaks count on
 * replay; lines without it have their day cut in the guild's zone of the moment, as before it was kept.
 * No version bump for it: a reader that skips it counts streaks as it always did, nothing is misread), {@code forget}, and since version 2 {@code review} (a member's own card rating) and
 * {@code reminder}. A newer version is refused with {@link dev.drillbit.storage.UnsupportedVersionException};
 * version 1 is migrated as {@code FormatVersions} describes (journals read as they are, review decks
 * rebuilt from {@code history/} under a version 1 snapshot); anything older is refused.
 *
 * <h2>Review decks</h2>
 * The person's, not a server's: every answer and own rating, in any guild or outside servers, changes the
 * deck on the person's own member line (guild {@code 0}, {@code MemberRef.PERSONAL}, which also counts
 * what they answered outside servers); guild lines keep scores only. A version 2 snapshot's per-guild
 * decks are merged into it at open (see {@code FormatVersions}). Derived from the events like every aggregate, so they have the same durability and survive
 * compaction in the snapshot: a wrong answer (or an open question self-graded "missed it" or "partly")
 * adds the question; any later answer or own rating reschedules it with {@link dev.drillbit.learning.Fsrs}
 * (defaults: retention 0.9, whole days, no learning steps, no fuzz, so replay is deterministic).
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
 * measured under 40 MB of heap. The learning loop adds two bit sets over the question numbers (seen,
 * latest answer right: about 2 × 80 bytes for a bank of 600 questions) and about 46 bytes per review
 * card, stored as primitive arrays. See {@code MemberAggregate} and {@code ReviewDeck} for the
 * trade-offs. Replaying 1,000,000 journal events with decks ({@code ReplayBenchmarkTest}, opt-in) took
 * 3.0 to 3.7 s of CPU on a shared, loaded 2-core machine; in a profile the learning loop is about a sixth of
 * replay, decoding lines and finding the member the rest.
 */
package dev.drillbit.storage.flatfile;
