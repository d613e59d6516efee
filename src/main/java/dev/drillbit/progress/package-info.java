/**
 * Answers as durable events and the storage ports they go through.
 *
 * <h2>Entry points</h2>
 * {@link dev.drillbit.progress.Answer} is what a quiz, a daily run, a review or an interview records;
 * {@link dev.drillbit.progress.AnswerEvent} is it as stored, with its id. {@link dev.drillbit.progress.ScoreStore}
 * is the port scores are recorded in and read from (its contract: a returned future completes once the event
 * is durable and visible); {@code dev.drillbit.learning.LearningStore} extends it with review decks and
 * reminders. {@link dev.drillbit.progress.AnswerCsv} writes a member's history export. The pure rules that
 * turn events into figures (ranking, periods, streaks, member stats) are in {@code dev.drillbit.progress.stats};
 * the implementations of the ports are in {@code dev.drillbit.storage.flatfile}.
 *
 * <p>The four journal events ({@link dev.drillbit.progress.JournalEntry}: answer, forget, review, reminder)
 * live here together because the interface is sealed, and a sealed interface's permitted classes must share
 * its package in an unnamed module.
 */
package dev.drillbit.progress;
