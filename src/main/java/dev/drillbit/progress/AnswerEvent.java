package dev.drillbit.progress;

import dev.drillbit.bank.Difficulty;
import dev.drillbit.bank.QuestionType;
import dev.drillbit.quiz.SelfGrade;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One answered question as recorded in the journal. Immutable and safe to share between threads.
 *
 * @param id event id assigned by the store when the answer was made durable
 * @param correct whether it counted as right (a "partly" self-grade does not)
 * @param selfGrade the member's own grade for an open question, empty for other types
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
        Instant at)
        implements JournalEntry {
    public AnswerEvent {
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
}
