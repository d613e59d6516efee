package dev.drillbit.quiz;

import dev.drillbit.bank.Question;
import java.time.Duration;
import java.util.Optional;

/** What became of an answer. Every case is rendered by the Discord side; none is an exception. */
public sealed interface AnswerOutcome {

    /**
     * Counted. {@code points} are already added to the member's score in the session. {@code timing} is
     * how long the answer took against the question's limit (for review ratings); the session always sets
     * it.
     */
    record Answered(
            Question question, Response response, Verdict verdict, int points, boolean late, Optional<Timing> timing)
            implements AnswerOutcome {

        public Answered {
            java.util.Objects.requireNonNull(timing, "timing");
        }

        /** Without timing, as before it was recorded. */
        public Answered(Question question, Response response, Verdict verdict, int points, boolean late) {
            this(question, response, verdict, points, late, Optional.empty());
        }
    }

    /** How long an answer took after the question was shown, and the question's time limit. */
    record Timing(Duration elapsed, Duration limit) {}

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
