package dev.drillbit.quiz;

/**
 * What happened when a group quiz's question closed at its deadline ({@link QuizEngine#closeDue}): the
 * question was revealed with its answers, and the quiz moved on to its next question or finished. The
 * adapter only renders it. Immutable.
 */
public sealed interface GroupStep {

    /** The quiz whose question closed. */
    QuizSession session();

    /** The closed question with every answer it got. */
    Reveal reveal();

    /** The next question is now current and open. */
    record Next(QuizSession session, Reveal reveal, int position) implements GroupStep {}

    /** That was the last question: the quiz ended and left the engine. */
    record Finished(QuizSession session, Reveal reveal, QuizSummary summary) implements GroupStep {}
}
