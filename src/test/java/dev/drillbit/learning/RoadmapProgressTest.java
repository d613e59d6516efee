package dev.drillbit.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.drillbit.bank.QuestionBank;
import dev.drillbit.testsupport.TinyBank;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RoadmapProgressTest {
    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    private static final QuestionBank BANK = TinyBank.bank();

    @ParameterizedTest(name = "coverage {0}, accuracy {1} -> mastery {2}, checkpoint {3}")
    @CsvSource({
        "0.0,  0.0,  0.0,    false",
        "0.3,  1.0,  0.5,    false",
        "0.5,  1.0,  0.8333, false", // mastery high enough, coverage not
        "0.6,  0.8,  0.8,    true",
        "0.6,  0.79, 0.79,   false",
        "1.0,  0.8,  0.8,    true",
        "1.0,  0.5,  0.5,    false",
        "1.0,  1.0,  1.0,    true"
    })
    void masteryAndCheckpoint(double coverage, double accuracy, double mastery, boolean reached) {
        double m = RoadmapProgress.mastery(coverage, accuracy);

        assertThat(m).isCloseTo(mastery, within(1e-4));
        assertThat(RoadmapProgress.checkpointReached(coverage, m)).isEqualTo(reached);
    }

    /** seen: question ids answered; right: those whose latest answer was right. */
    private static LearnerState learner(String seen, String right) {
        return new LearnerState(2, ids(seen), ids(right), List.of(), false);
    }

    private static Set<String> ids(String list) {
        return list.isBlank() ? Set.of() : Set.copyOf(Arrays.asList(list.trim().split("\\s+")));
    }

    @ParameterizedTest(name = "seen [{0}], right [{1}] -> {2} ({3})")
    @DisplayName("what next: the weakest started step, else the next in order, else nothing")
    @CsvSource({
        "'',               '',               a, NEXT_IN_ORDER", // nothing started
        "'a1 a2 b1',       'a1 b1',          a, LOWEST_MASTERY", // a 0.28, b 0.83 (coverage 0.5)
        "'a1 a2 a3 b1',    'a1 a2 a3',       b, LOWEST_MASTERY", // a reached; b started at 0
        "'a1 a2 a3 b1 b2', 'a1 a2 a3 b1 b2', c, NEXT_IN_ORDER", // every started step reached
        "'a2 a3 c1',       'a2 a3',          c, LOWEST_MASTERY", // a reached (coverage 5/6); c at 0
        "'b1 c1',          'b1 c1',          b, LOWEST_MASTERY", // c reached; b 0.83 (coverage 0.5)
        "'a1 a2 a3 b1 b2 c1', 'a1 a2 a3 b1 b2 c1', '', ''"
    }) // all reached
    void recommendation(String seen, String right, String step, String reason) {
        RoadmapProgress.Report report = RoadmapProgress.of(BANK, learner(seen, right), NOW);

        if (step.isEmpty()) {
            assertThat(report.next()).isEmpty();
        } else {
            assertThat(report.next()).get().satisfies(r -> {
                assertThat(r.step().id()).isEqualTo(step);
                assertThat(r.reason()).isEqualTo(RoadmapProgress.Reason.valueOf(reason));
            });
        }
    }

    @Test
    @DisplayName("per step: questions seen of total, weighted figures, and reviews due now")
    void perStepFigures() {
        ReviewCard dueCard = new Fsrs().firstReview(Rating.AGAIN, NOW.minus(Duration.ofDays(2)));
        ReviewCard laterCard = new Fsrs().firstReview(Rating.AGAIN, NOW);
        LearnerState learner = new LearnerState(
                2,
                Set.of("a1", "a2", "c1"),
                Set.of("a1"),
                List.of(new DeckCard("a2", dueCard), new DeckCard("c1", laterCard), new DeckCard("gone", dueCard)),
                false);

        RoadmapProgress.Report report = RoadmapProgress.of(BANK, learner, NOW);

        RoadmapProgress.StepProgress a = report.step("a").orElseThrow();
        assertThat(a.seen()).isEqualTo(2);
        assertThat(a.total()).isEqualTo(3);
        assertThat(a.coverage()).isCloseTo(0.5, within(1e-9)); // (1 + 2) / 6
        assertThat(a.accuracy()).isCloseTo(1 / 3.0, within(1e-9)); // 1 / 3
        assertThat(a.mastery()).isCloseTo(1 / 3.0 * 0.5 / 0.6, within(1e-9));
        assertThat(a.dueReviews()).isEqualTo(1);
        assertThat(report.step("c").orElseThrow().dueReviews()).isZero();
        assertThat(report.step("b").orElseThrow().started()).isFalse();
        assertThat(report.steps()).extracting(s -> s.step().id()).containsExactly("a", "b", "c");
    }
}
