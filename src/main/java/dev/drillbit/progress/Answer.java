package dev.drillbit.progress;

import dev.drillbit.bank.Difficulty;
import dev.drillbit.bank.Question;
import dev.drillbit.bank.QuestionType;
import dev.drillbit.quiz.SelfGrade;
import dev.drillbit.quiz.Verdict;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An answer to record: everything of an {@link AnswerEvent} except the id, which the store assigns.
 * Immutable.
 */
public record Answer(
        long guildId,
        long userId,
        String questionId,
        String step,
        Difficulty difficulty,
        QuestionType type,
        boolean correct,
        Optional<SelfGrade> selfGrade,
        int points,
        Instant at) {
    public Answer {
        Objects.requireNonNull(questionId, "questionId");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(difficulty, "difficulty");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(selfGrade, "selfGrade");
        Objects.requireNonNull(at, "at");
        if (points < 0) {
            throw new IllegalArgumentException("points must not be negative: " + points);
        }
    }

    /** The answer a quiz judged: {@code selfGrade} is set for open questions only. */
    public static Answer of(
            long guildId, long userId, Question question, Verdict verdict, Optional<SelfGrade> selfGrade, int points,
            Instant at) {
        return new Answer(guildId, userId, question.id(), question.step(), question.difficulty(), question.type(),
                verdict.correct(), selfGrade, points, at);
    }

    /** The event as stored: the journal keeps milliseconds, so the acknowledged event equals the replayed one. */
    AnswerEvent withId(long id) {
        return new AnswerEvent(id, guildId, userId, questionId, step, difficulty, type, correct, selfGrade, points,
                at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }
}
