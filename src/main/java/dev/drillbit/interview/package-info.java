/**
 * Mock interviews: a few open and short-answer questions for a level (and optionally one roadmap step),
 * one at a time with a time limit; the candidate types an answer or just thinks, sees the model answer or
 * the accepted answer, ticks the key points they covered, and ends with a report and a transcript.
 *
 * <h2>Entry points</h2>
 * {@link dev.drillbit.interview.MockInterviews} runs sessions (start, submit, grade, stop) for a thin
 * adapter; {@link dev.drillbit.interview.InterviewReport} and {@link dev.drillbit.interview.Transcript}
 * are what it renders. Each graded question is recorded in the {@link dev.drillbit.learning.LearningStore}
 * as an answer with 0 points (it counts in accuracy, roadmap progress and the review deck, not in
 * leaderboards), so misses join the member's review deck like quiz misses.
 *
 * <p>Plain Java: no Discord types (an ArchUnit rule says so).
 */
package dev.drillbit.interview;
