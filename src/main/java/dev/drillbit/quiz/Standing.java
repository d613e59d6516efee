package dev.drillbit.quiz;

import java.util.List;

/**
 * One member's result in a quiz. Immutable.
 *
 * @param userId the member
 * @param points points earned
 * @param correct answers judged right
 * @param answered questions answered (skipped ones excluded)
 * @param missedSteps roadmap steps of the questions missed, partly known or skipped, in quiz order
 */
public record Standing(long userId, int points, int correct, int answered, List<String> missedSteps) {
    public Standing {
        missedSteps = List.copyOf(missedSteps);
    }

    /** Share of answered questions that were right, 0 when none were answered. */
    public double accuracy() {
        return answered == 0 ? 0 : (double) correct / answered;
    }
}
