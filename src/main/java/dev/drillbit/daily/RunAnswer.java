package dev.drillbit.daily;

import java.time.Instant;

/**
 * One member's answer to one question of a run, as kept in the run's file so that results survive a
 * restart. The member's free text is never kept. Immutable.
 *
 * @param position the question's 0-based place in the run
 * @param step the question's roadmap step at the time (kept so a later bank change cannot move it)
 */
public record RunAnswer(
        long userId, int position, String questionId, String step, boolean correct, int points, Instant at) {}
