package dev.drillbit.quiz;

import dev.drillbit.bank.Question;

/** The result of moving a quiz on after a question. */
public sealed interface Advance {

    /** The next question is now current. */
    record Next(Question question, int position) implements Advance {}

    /** That was the last question; the session has ended. */
    record Finished(QuizSummary summary) implements Advance {}

    /** Nothing happened: an old button, a question still open, or someone else's quiz. */
    record Refused(AnswerOutcome why) implements Advance {}
}
