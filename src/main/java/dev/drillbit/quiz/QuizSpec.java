package dev.drillbit.quiz;

import dev.drillbit.bank.QuestionFilter;

/** What quiz to run: which questions and how many. Immutable. */
public record QuizSpec(QuestionFilter filter, int count) {
    public static final int MAX_COUNT = 50;

    public QuizSpec {
        if (count < 1 || count > MAX_COUNT) {
            throw new IllegalArgumentException("count must be 1 to " + MAX_COUNT + ", was " + count);
        }
    }
}
