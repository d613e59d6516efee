/**
 * The storage ports on PostgreSQL, chosen with {@code storage.type = "postgres"}:
 * {@link dev.drillbit.storage.postgres.PostgresScoreStore} (scores and the learning loop, one writer that
 * batches events into shared commits), {@link dev.drillbit.storage.postgres.PostgresReminderClaims} and
 * {@link dev.drillbit.storage.postgres.PostgresDailyRepository}, all over one
 * {@link dev.drillbit.storage.postgres.PostgresDatabase} (a HikariCP pool; the schema is brought up to date
 * by the Flyway migrations in {@code db/migration} when it opens). Each passes the same contract tests as
 * the flat files. Nothing outside {@code dev.drillbit.app} names these classes, and JDBC stays in
 * {@code storage*}.
 *
 * <h2>Tables</h2>
 * <pre>
 * answers            every answer kept (id from the event_ids sequence, streak day as recorded)
 * member_scores      all-time totals and streak state per guild and member: the all-time board, /stats
 * member_steps       per step: answered, right, points, first answer id (order of steps in /stats)
 * forgets            the id, guild and time of each forget, not whom (the member's rows are deleted with it)
 * member_questions   seen questions and whether the latest answer was right (the person's: guild_id 0)
 * review_cards       the review deck, FSRS state per question (the person's: guild_id 0; V7 merged the
 *                    per-guild decks of earlier versions)
 * reviews            members' own ratings, as events (guild_id where given)
 * reminders          people with the review reminder on (guild_id 0)
 * reminder_claims    the last day each member was reminded
 * daily_*            schedules, group state, rotation, runs and run answers
 * </pre>
 *
 * <h2>Not yet</h2>
 * Copying a flat-file data folder in ({@code migrate-data}), benchmarks, the SIGKILL crash test and a
 * database restart while members answer; several bot processes on one database are not supported yet
 * (the daily repository's advisory lock refuses a second, and two writers adding the same card at once
 * could lose one rating).
 */
package dev.drillbit.storage.postgres;
