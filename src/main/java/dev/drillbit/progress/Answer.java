package dev.drillbit.progress;

import dev.drillbit.learning.Rating;
import dev.drillbit.learning.ReviewRatings;
import dev.drillbit.bank.Difficulty;
import dev.drillbit.bank.Question;
import dev.drillbit.bank.QuestionType;
import dev.drillbit.quiz.AnswerOutcome;
import dev.drillbit.quiz.Response;
import dev.drillbit.quiz.SelfGrade;
import dev.drillbit.quiz.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * An answer to record: everything of an {@link AnswerEvent} except the id, which the store assigns.
 * Immutable.
 *
 * <p>Timing and the chosen option are optional: {@link #of} leaves them empty, and
 * {@link #withTiming(Duration, Duration)} and {@link #withChoice(int)} add them. Without timing a right
 * answer rates its review card {@link Rating#GOOD}; see {@link ReviewRatings}.
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
        Instant at,
        OptionalLong elapsedMillis,
        OptionalLong limitMillis,
        OptionalInt choice) {
    public Answer {
        Objects.requireNonNull(questionId, "questionId");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(difficulty, "difficulty");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(selfGrade, "selfGrade");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(elapsedMillis, "elapsedMillis");
        Objects.requireNonNull(limitMillis, "limitMillis");
        Objects.requireNonNull(choice, "choice");
        if (points < 0) {
            throw new IllegalArgumentException("points must not be negative: " + points);
        }
        checkTiming(elapsedMillis, limitMillis, choice);
    }

    /** An answer without timing or chosen option (the shape before they existed). */
    public Answer(long guildId, long userId, String questionId, String step, Difficulty difficulty,
            QuestionType type, boolean correct, Optional<SelfGrade> selfGrade, int points, Instant at) {
        this(guildId, userId, questionId, step, difficulty, type, correct, selfGrade, points, at,
                OptionalLong.empty(), OptionalLong.empty(), OptionalInt.empty());
    }

    static void checkTiming(OptionalLong elapsedMillis, OptionalLong limitMillis, OptionalInt choice) {
        if (elapsedMillis.isPresent() && elapsedMillis.getAsLong() < 0) {
            throw new IllegalArgumentException("elapsed time must not be negative: " + elapsedMillis.getAsLong());
        }
        if (limitMillis.isPresent() && limitMillis.getAsLong() <= 0) {
            throw new IllegalArgumentException("time limit must be positive: " + limitMillis.getAsLong());
        }
        if (choice.isPresent() && choice.getAsInt() < 0) {
            throw new IllegalArgumentException("chosen option must not be negative: " + choice.getAsInt());
        }
    }

    /** The answer a quiz judged: {@code selfGrade} is set for open questions only. */
    public static Answer of(
            long guildId, long userId, Question question, Verdict verdict, Optional<SelfGrade> selfGrade, int points,
            Instant at) {
        return new Answer(guildId, userId, question.id(), question.step(), question.difficulty(), question.type(),
                verdict.correct(), selfGrade, points, at);
    }

    /**
     * The answer a quiz counted, with everything the learning loop uses: the self-grade of an open
     * question, the option chosen for multiple choice, and the timing when the outcome has it.
     */
    public static Answer of(long guildId, long userId, AnswerOutcome.Answered answered, Instant at) {
        Optional<SelfGrade> grade = answered.response() instanceof Response.Graded g ? Optional.of(g.grade())
                : Optional.empty();
        Answer answer = of(guildId, userId, answered.question(), answered.verdict(), grade, answered.points(), at);
        if (answered.response() instanceof Response.Choice c) {
            answer = answer.withChoice(c.index());
        }
        if (answered.timing().isPresent()) {
            answer = answer.withTiming(answered.timing().get().elapsed(), answered.timing().get().limit());
        }
        return answer;
    }

    /**
     * This answer with how long it took and the question's time limit (for example
     * {@code Scoring.timeLimit(question)}); both are kept in milliseconds, a negative elapsed time (clock
     * correction) as 0.
     */
    public Answer withTiming(Duration elapsed, Duration limit) {
        return new Answer(guildId, userId, questionId, step, difficulty, type, correct, selfGrade, points, at,
                OptionalLong.of(Math.max(0, elapsed.toMillis())), OptionalLong.of(limit.toMillis()), choice);
    }

    /** This answer with the multiple-choice option chosen, 0 for A. */
    public Answer withChoice(int option) {
        return new Answer(guildId, userId, questionId, step, difficulty, type, correct, selfGrade, points, at,
                elapsedMillis, limitMillis, OptionalInt.of(option));
    }

    /** The event as stored: the journal keeps milliseconds, so the acknowledged event equals the replayed one. */
    public AnswerEvent withId(long id) {
        return new AnswerEvent(id, guildId, userId, questionId, step, difficulty, type, correct, selfGrade, points,
                at.truncatedTo(ChronoUnit.MILLIS), elapsedMillis, limitMillis, choice);
    }
}
