package dev.drillbit.progress;

import dev.drillbit.bank.Difficulty;
import dev.drillbit.bank.QuestionType;
import dev.drillbit.quiz.SelfGrade;
import java.time.Instant;
import java.util.Optional;

/** Answers for tests. */
public final class Answers {
    public static final long GUILD = 1000;

    private Answers() {}

    public static Answer right(long user, String step, int points, Instant at) {
        return new Answer(
                GUILD,
                user,
                step + "-001",
                step,
                Difficulty.MID,
                QuestionType.MULTIPLE_CHOICE,
                true,
                Optional.empty(),
                points,
                at);
    }

    public static Answer wrong(long user, String step, Instant at) {
        return new Answer(
                GUILD,
                user,
                step + "-002",
                step,
                Difficulty.JUNIOR,
                QuestionType.TRUE_FALSE,
                false,
                Optional.empty(),
                0,
                at);
    }

    public static Answer open(long user, String step, SelfGrade grade, int points, Instant at) {
        return new Answer(
                GUILD,
                user,
                step + "-003",
                step,
                Difficulty.SENIOR,
                QuestionType.OPEN,
                grade == SelfGrade.NAILED,
                Optional.of(grade),
                points,
                at);
    }

    public static Answer right(long user, int points, String at) {
        return right(user, "sql", points, Instant.parse(at));
    }
}
