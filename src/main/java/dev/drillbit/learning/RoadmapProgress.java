package dev.drillbit.learning;

import dev.drillbit.bank.Difficulty;
import dev.drillbit.bank.Question;
import dev.drillbit.bank.QuestionBank;
import dev.drillbit.bank.RoadmapStep;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A member's progress along the roadmap: mastery per step, whether each checkpoint is reached, and which
 * step to work on next. A pure function of the bank, the member's {@link LearnerState} and an instant.
 * Stateless and thread-safe.
 *
 * <h2>Mastery</h2>
 * Each question weighs by difficulty: junior 1, mid 2, senior 3. For a step with questions Q:
 * <ul>
 *   <li>coverage = weight of the questions answered at least once / weight of Q;</li>
 *   <li>accuracy = weight of the answered questions whose <em>latest</em> answer was right / weight of the
 *       answered ones (0 when none were);</li>
 *   <li>mastery = accuracy × min(1, coverage / {@value #COVERAGE_TARGET}).</li>
 * </ul>
 * So nobody needs every question of a step: covering {@value #COVERAGE_TARGET} of its weight makes
 * mastery equal accuracy, and below that mastery shrinks in proportion. A later right answer to a question
 * once missed counts as right (what is known now matters, not the first try). Only questions still in
 * the bank count.
 *
 * <h2>Checkpoint</h2>
 * Reached when coverage ≥ {@value #COVERAGE_TARGET} and mastery ≥ {@value #CHECKPOINT_MASTERY}.
 *
 * <h2>What next</h2>
 * Among the steps started (at least one question answered) whose checkpoint is not reached, the one with
 * the lowest mastery, earlier in the roadmap on a tie: "lowest mastery among the steps you started".
 * When no step is started, or every started step has reached its checkpoint: the first step in roadmap
 * order whose checkpoint is not reached, "next step in order". Nothing when every checkpoint is reached.
 * Steps without questions are never recommended.
 */
public final class RoadmapProgress {
    public static final double COVERAGE_TARGET = 0.6;
    public static final double CHECKPOINT_MASTERY = 0.8;

    private RoadmapProgress() {}

    /** Why a step is recommended. */
    public enum Reason {
        LOWEST_MASTERY("lowest mastery among the steps you started"),
        NEXT_IN_ORDER("next step in order");

        private final String text;

        Reason(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /**
     * One step's figures.
     *
     * @param seen questions of the step answered at least once
     * @param total questions in the step
     * @param dueReviews review cards of the step's questions due now
     */
    public record StepProgress(
            RoadmapStep step,
            int seen,
            int total,
            double coverage,
            double accuracy,
            double mastery,
            boolean checkpointReached,
            int dueReviews) {
        public boolean started() {
            return seen > 0;
        }
    }

    public record Recommendation(RoadmapStep step, Reason reason) {}

    /** Every step in roadmap order, and the recommendation (empty when every checkpoint is reached). */
    public record Report(List<StepProgress> steps, Optional<Recommendation> next) {
        public Report {
            steps = List.copyOf(steps);
        }

        public Optional<StepProgress> step(String id) {
            return steps.stream().filter(s -> s.step().id().equals(id)).findFirst();
        }
    }

    public static int weight(Difficulty difficulty) {
        return switch (difficulty) {
            case JUNIOR -> 1;
            case MID -> 2;
            case SENIOR -> 3;
        };
    }

    /** mastery = accuracy × min(1, coverage / COVERAGE_TARGET). */
    public static double mastery(double coverage, double accuracy) {
        return accuracy * Math.min(1.0, coverage / COVERAGE_TARGET);
    }

    public static boolean checkpointReached(double coverage, double mastery) {
        return coverage >= COVERAGE_TARGET && mastery >= CHECKPOINT_MASTERY;
    }

    public static Report of(QuestionBank bank, LearnerState learner, Instant now) {
        Map<String, Integer> due = new HashMap<>();
        for (DeckCard card : learner.deck()) {
            if (!card.card().due().isAfter(now)) {
                bank.question(card.questionId()).ifPresent(q -> due.merge(q.step(), 1, Integer::sum));
            }
        }
        Map<String, long[]> sums = new HashMap<>(); // total weight, seen weight, right weight, seen, total
        for (Question q : bank.questions()) {
            long[] s = sums.computeIfAbsent(q.step(), k -> new long[5]);
            int w = weight(q.difficulty());
            s[0] += w;
            s[4]++;
            if (learner.seen().contains(q.id())) {
                s[1] += w;
                s[3]++;
                if (learner.right().contains(q.id())) {
                    s[2] += w;
                }
            }
        }
        List<StepProgress> steps = new ArrayList<>();
        for (RoadmapStep step : bank.steps()) {
            long[] s = sums.getOrDefault(step.id(), new long[5]);
            double coverage = s[0] == 0 ? 0 : (double) s[1] / s[0];
            double accuracy = s[1] == 0 ? 0 : (double) s[2] / s[1];
            double mastery = mastery(coverage, accuracy);
            steps.add(new StepProgress(
                    step,
                    (int) s[3],
                    (int) s[4],
                    coverage,
                    accuracy,
                    mastery,
                    checkpointReached(coverage, mastery),
                    due.getOrDefault(step.id(), 0)));
        }
        return new Report(steps, recommend(steps));
    }

    static Optional<Recommendation> recommend(List<StepProgress> steps) {
        Optional<StepProgress> weakest = steps.stream()
                .filter(s -> s.total() > 0 && s.started() && !s.checkpointReached())
                .min(Comparator.comparingDouble(StepProgress::mastery)); // min keeps the first of equals
        if (weakest.isPresent()) {
            return Optional.of(new Recommendation(weakest.get().step(), Reason.LOWEST_MASTERY));
        }
        return steps.stream()
                .filter(s -> s.total() > 0 && !s.checkpointReached())
                .findFirst()
                .map(s -> new Recommendation(s.step(), Reason.NEXT_IN_ORDER));
    }
}
