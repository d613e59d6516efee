package dev.drillbit.progress;

import dev.drillbit.bank.Difficulty;
import dev.drillbit.bank.QuestionType;
import dev.drillbit.learning.ReviewRatings;
import dev.drillbit.quiz.SelfGrade;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One answered question as recorded in the journal. Immutable and safe to share between threads.
 *
 * @param id event id assigned by the store when the answer was made durable
 * @param correct whether it counted as right (a "partly" self-grade does not)
 * @param selfGrade the member's own grade for an open question, empty for other types
 * @param elapsedMillis how long after the question was shown the answer came; empty when not known
 *     (lines written before the field existed, or callers that do not time answers)
 * @param limitMillis the question's time limit when it was asked; with {@code elapsedMillis} it rates a
 *     review card (see {@link ReviewRatings})
 * @param choice the option chosen for a multiple-choice question, 0 for A; empty for other types or when
 *     not known
 * @param day the local date (as an epoch day) in the guild's zone when the answer was recorded: the day its
 *     streak counts, kept so that a later change of the guild's zone does not move it on replay; empty in
 *     events recorded before it was kept, whose day is cut in the guild's zone of the moment
 */
public record AnswerEvent(
        long id,
        long guildId,
        long userId,
        String questionId,
        String step,
        Difficulty difficulty,
        QuestionType type,
        boolean correct,
        Optional<SelfGrade> selfGrade,
        int points,
        Instant at,
        OptionalLong elapsedMillis,
        OptionalLong limitMillis,
        OptionalInt choice,
        OptionalInt day)
        implements JournalEntry {
    public AnswerEvent {
        Objects.requireNonNull(questionId, "questionId");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(difficulty, "difficulty");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(selfGrade, "selfGrade");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(elapsedMillis, "elapsedMillis");
        Objects.requireNonNull(limitMillis, "limitMillis");
        Objects.requireNonNull(choice, "choice");
        Objects.requireNonNull(day, "day");
        if (points < 0) {
            throw new IllegalArgumentException("points must not be negative: " + points);
        }
        Answer.checkTiming(elapsedMillis, limitMillis, choice);
    }

    /** An event without its recorded day, as events recorded before the day was kept read. */
    public AnswerEvent(
            long id,
            long guildId,
            long userId,
            String questionId,
            String step,
            Difficulty difficulty,
            QuestionType type,
            boolean correct,
            Optional<SelfGrade> selfGrade,
            int points,
            Instant at,
            OptionalLong elapsedMillis,
            OptionalLong limitMillis,
            OptionalInt choice) {
        this(
                id,
                guildId,
                userId,
                questionId,
                step,
                difficulty,
                type,
                correct,
                selfGrade,
                points,
                at,
                elapsedMillis,
                limitMillis,
                choice,
                OptionalInt.empty());
    }

    /** This event with the day its streak counts (an epoch day in the guild's zone when recorded). */
    public AnswerEvent withDay(int epochDay) {
        return new AnswerEvent(
                id,
                guildId,
                userId,
                questionId,
                step,
                difficulty,
                type,
                correct,
                selfGrade,
                points,
                at,
                elapsedMillis,
                limitMillis,
                choice,
                OptionalInt.of(epochDay));
    }

    /** An event without timing or chosen option, as every event of format version 1 reads. */
    public AnswerEvent(
            long id,
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
        this(
                id,
                guildId,
                userId,
                questionId,
                step,
                difficulty,
                type,
                correct,
                selfGrade,
                points,
                at,
                OptionalLong.empty(),
                OptionalLong.empty(),
                OptionalInt.empty());
    }
}
