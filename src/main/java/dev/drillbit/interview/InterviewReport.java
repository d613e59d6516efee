package dev.drillbit.interview;

import dev.drillbit.bank.Difficulty;
import dev.drillbit.bank.Question;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The end of a mock interview. Immutable.
 *
 * @param results the graded questions, in order (fewer than {@code planned} when stopped early)
 * @param overall the mean score of the graded questions, 0 to 1
 * @param byStep mean score per roadmap step, in the order the steps came up
 * @param strong steps with a mean of at least {@link #STRONG}
 * @param weak steps with a mean below {@link #WEAK}
 * @param toReview questions scored below {@link MockInterview#NAILED}, in order
 * @param addedToDeck ids of the questions this interview put into the review deck
 */
public record InterviewReport(
        String id,
        long guildId,
        long userId,
        Optional<String> step,
        Difficulty level,
        Instant startedAt,
        int planned,
        boolean finished,
        List<QuestionResult> results,
        double overall,
        Map<String, Double> byStep,
        List<String> strong,
        List<String> weak,
        List<Question> toReview,
        List<String> addedToDeck) {
    public static final double STRONG = 0.75;
    public static final double WEAK = 0.5;

    public InterviewReport {
        results = List.copyOf(results);
        byStep = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byStep));
        strong = List.copyOf(strong);
        weak = List.copyOf(weak);
        toReview = List.copyOf(toReview);
        addedToDeck = List.copyOf(addedToDeck);
    }
}
