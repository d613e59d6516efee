package dev.drillbit.quiz;

import dev.drillbit.bank.Question;

/** What became of an answer. Every case is rendered by the Discord side; none is an exception. */
public sealed interface AnswerOutcome {

    /** Counted. {@code points} are already added to the member's score in the session. */
    record Answered(Question question, Response response, Verdict verdict, int points, boolean late)
            implements AnswerOutcome {}

    /** This member already answered this question; nothing changed. */
    record AlreadyAnswered(Question question) implements AnswerOutcome {}

    /** The question is not the session's current one (an old button). */
    record NotCurrent() implements AnswerOutcome {}

    /** The question's time is up (group quizzes close at the deadline). */
    record Closed(Question question) implements AnswerOutcome {}

    /** The session is over or gone (finished, stopped, expired, or the bot restarted). */
    record Expired() implements AnswerOutcome {}

    /** Someone else's solo quiz. */
    record NotParticipant() implements AnswerOutcome {}

    /** The response does not fit the question (for example a letter for a true/false question). */
    record Mismatched(Question question) implements AnswerOutcome {}
}
