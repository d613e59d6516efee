package dev.drillbit.quiz;

import java.util.List;

/** The end of a quiz: standings best first (points, then accuracy, then who answered first). Immutable. */
public record QuizSummary(
        String sessionId,
        Owner owner,
        int questionsShown,
        int questionsTotal,
        List<Standing> standings,
        EndReason reason) {
    public QuizSummary {
        standings = List.copyOf(standings);
    }
}
