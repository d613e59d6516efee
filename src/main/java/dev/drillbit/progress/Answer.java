package dev.drillbit.progress;

import dev.drillbit.bank.Difficulty;
import dev.drillbit.bank.Question;
import dev.drillbit.bank.QuestionType;
import dev.drillbit.learning.Rating;
import dev.drillbit.learning.ReviewRatings;
import dev.drillbit.quiz.AnswerOutcome;
import dev.drillbit.quiz.Response;
import dev.drillbit.quiz.SelfGrade;
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
    public Answer(
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

    /**
     * The one way an answer is made, in every context (quiz, daily run, review, interview): the self-grade
     * of an open question and the option chosen for multiple choice come from the member's
     * {@code response}; {@code timing} is how long it took against the question's limit when the context
     * knows it (a quiz or an interview shows the question and starts the clock; a daily run is posted hours
     * before a member opens it, so it does not).
     *
     * @param response what the member gave, empty when the context has no widget response (an interview
     *     grades by ticked key points)
     * @param selfGrade the member's own grade of an open question when it is not in {@code response}
     */
    public static Answer of(
            long guildId,
            long userId,
            Question question,
            Optional<Response> response,
            Optional<SelfGrade> selfGrade,
            boolean correct,
            int points,
            Optional<AnswerOutcome.Timing> timing,
            Instant at) {
        Optional<SelfGrade> grade = response.filter(Response.Graded.class::isInstance)
                .map(r -> ((Response.Graded) r).grade())
                .or(() -> selfGrade);
        Answer answer = new Answer(
                guildId,
                userId,
                question.id(),
                question.step(),
                question.difficulty(),
                question.type(),
                correct,
                grade,
                points,
                at);
        if (response.orElse(null) instanceof Response.Choice c) {
            answer = answer.withChoice(c.index());
        }
        if (timing.isPresent()) {
            answer = answer.withTiming(timing.get().elapsed(), timing.get().limit());
        }
        return answer;
    }

    /** The answer a quiz (or a review) counted: {@link #of(long, long, Question, Optional, Optional, boolean, int, Optional, Instant)} of its outcome. */
    public static Answer of(long guildId, long userId, AnswerOutcome.Answered answered, Instant at) {
        return of(
                guildId,
                userId,
                answered.question(),
                Optional.of(answered.response()),
                Optional.empty(),
                answered.verdict().correct(),
                answered.points(),
                answered.timing(),
                at);
    }

    /**
     * This answer with how long it took and the question's time limit (for example
     * {@code Scoring.timeLimit(question)}); both are kept in milliseconds, a negative elapsed time (clock
     * correction) as 0.
     */
    public Answer withTiming(Duration elapsed, Duration limit) {
        return new Answer(
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
                OptionalLong.of(Math.max(0, elapsed.toMillis())),
                OptionalLong.of(limit.toMillis()),
                choice);
    }

    /** This answer with the multiple-choice option chosen, 0 for A. */
    public Answer withChoice(int option) {
        return new Answer(
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
                OptionalInt.of(option));
    }

    /** The event as stored: the journal keeps milliseconds, so the acknowledged event equals the replayed one. */
    public AnswerEvent withId(long id) {
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
                at.truncatedTo(ChronoUnit.MILLIS),
                elapsedMillis,
                limitMillis,
                choice);
    }
}
