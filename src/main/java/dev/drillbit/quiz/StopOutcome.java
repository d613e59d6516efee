package dev.drillbit.quiz;

/** The result of asking to stop a quiz. */
public sealed interface StopOutcome {

    /** The quiz ended; its standings so far. */
    record Stopped(QuizSummary summary) implements StopOutcome {}

    /** No such quiz is running (finished, stopped, expired). */
    record NotRunning() implements StopOutcome {}

    /** The quiz runs, but this member may not stop it ({@link QuizSession#mayStop}). */
    record NotAllowed(QuizSession session) implements StopOutcome {}
}
