package dev.drillbit.quiz;

import dev.drillbit.bank.QuestionFilter;

/** What became of a request to start a quiz. */
public sealed interface StartOutcome {

    /** Started; {@code available} is how many questions matched (fewer than asked means all were used). */
    record Started(QuizSession session, int available) implements StartOutcome {}

    /** That owner already has a quiz running; it was left alone. */
    record AlreadyRunning(QuizSession session) implements StartOutcome {}

    /** No question matches the filter. */
    record NoQuestions(QuestionFilter filter) implements StartOutcome {}
}
