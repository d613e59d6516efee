package dev.drillbit.quiz;

import dev.drillbit.bank.Difficulty;
import dev.drillbit.bank.Question;
import dev.drillbit.bank.QuestionType;
import java.time.Duration;

/**
 * Every scoring rule in one place: points by difficulty, partial credit, the speed bonus, and how long
 * each kind of question may take. Immutable and thread-safe.
 */
public final class Scoring {
    /** Extra points for a right answer given within the first third of the time limit. */
    public static final int SPEED_BONUS = 5;

    private final Duration baseLimit;
    private final boolean speedBonus;

    /**
     * @param baseLimit time for a multiple-choice or true/false question; typed and open ones get more
     * @param speedBonus whether quick right answers earn {@link #SPEED_BONUS}
     */
    public Scoring(Duration baseLimit, boolean speedBonus) {
        if (baseLimit.isNegative() || baseLimit.isZero()) {
            throw new IllegalArgumentException("time limit must be positive");
        }
        this.baseLimit = baseLimit;
        this.speedBonus = speedBonus;
    }

    public static int basePoints(Difficulty difficulty) {
        return switch (difficulty) {
            case JUNIOR -> 10;
            case MID -> 20;
            case SENIOR -> 30;
        };
    }

    /** Typing takes twice as long as clicking; an open question three times as long. */
    public Duration timeLimit(Question question) {
        return question.type() == QuestionType.OPEN
                ? baseLimit.multipliedBy(3)
                : question.type() == QuestionType.SHORT_ANSWER ? baseLimit.multipliedBy(2) : baseLimit;
    }

    /** Points for a verdict given {@code elapsed} after the question was shown; late answers earn none. */
    public int points(Question question, Verdict verdict, Duration elapsed) {
        Duration limit = timeLimit(question);
        if (elapsed.compareTo(limit) > 0 || verdict.credit() <= 0) {
            return 0;
        }
        int points = (int) Math.round(basePoints(question.difficulty()) * verdict.credit());
        boolean quick = elapsed.multipliedBy(3).compareTo(limit) <= 0;
        if (speedBonus && verdict.correct() && quick && question.type() != QuestionType.OPEN) {
            points += SPEED_BONUS;
        }
        return points;
    }
}
