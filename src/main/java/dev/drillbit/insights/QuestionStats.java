package dev.drillbit.insights;

import java.util.List;
import java.util.Objects;

/**
 * How a question has been answered, across every guild: answers, right answers, and for multiple choice
 * how often each option was chosen (index 0 for A; only answers that recorded their choice count there).
 * Immutable.
 */
public record QuestionStats(String questionId, int answers, int correct, List<Integer> choices) {
    public QuestionStats {
        Objects.requireNonNull(questionId, "questionId");
        choices = List.copyOf(choices);
        if (answers < 0 || correct < 0 || correct > answers) {
            throw new IllegalArgumentException("bad counts " + correct + "/" + answers + " for " + questionId);
        }
    }

    /** Right answers per answer; 0 without answers. */
    public double successRate() {
        return answers == 0 ? 0 : (double) correct / answers;
    }

    /** Answers that recorded a chosen option. */
    public int choicesRecorded() {
        return choices.stream().mapToInt(Integer::intValue).sum();
    }
}
