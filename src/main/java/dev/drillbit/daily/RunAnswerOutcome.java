package dev.drillbit.daily;

import dev.drillbit.progress.Answer;
import dev.drillbit.quiz.Verdict;

/** What became of a member's answer to a daily run. Immutable. */
public sealed interface RunAnswerOutcome
        permits RunAnswerOutcome.Accepted,
                RunAnswerOutcome.AlreadyAnswered,
                RunAnswerOutcome.Closed,
                RunAnswerOutcome.NoSuchRun,
                RunAnswerOutcome.NotAQuestion {

    /**
     * Judged and kept durably with the run. {@code answer} is for the score store: the adapter records it
     * there (member streaks and leaderboards live there) before telling the member.
     */
    record Accepted(Verdict verdict, int points, Answer answer) implements RunAnswerOutcome {}

    /** The member already answered this question of this run. */
    record AlreadyAnswered(RunAnswer earlier) implements RunAnswerOutcome {}

    /** The window closed, or the run failed or was closed. */
    record Closed(DailyRun run) implements RunAnswerOutcome {}

    record NoSuchRun(String runId) implements RunAnswerOutcome {}

    /** No question at that position, or a response of another kind (a stale button). */
    record NotAQuestion(String runId, int position) implements RunAnswerOutcome {}
}
