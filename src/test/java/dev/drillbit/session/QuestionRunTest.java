package dev.drillbit.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drillbit.bank.Question;
import dev.drillbit.testsupport.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The questions of a session in order and the current one's timer. */
class QuestionRunTest {
    private static final Instant NINE = Instant.parse("2026-11-23T09:00:00Z");
    private final List<Question> questions = Fixtures.goodBank().questions().subList(0, 2);

    @Test
    @DisplayName("GIVEN a run WHEN it moves on THEN the next question is current and its timer starts then")
    void advancingRestartsTheTimer() {
        QuestionRun run = new QuestionRun(questions, q -> Duration.ofSeconds(30), NINE);
        assertThat(run.timer()).isEqualTo(new QuestionTimer(NINE, Duration.ofSeconds(30)));

        Question next = run.advance(NINE.plusSeconds(45));

        assertThat(next).isEqualTo(questions.get(1));
        assertThat(run.position()).isEqualTo(1);
        assertThat(run.isLast()).isTrue();
        assertThat(run.timer().deadline()).isEqualTo(NINE.plusSeconds(75));
        assertThat(run.startedAt()).isEqualTo(NINE);
        assertThatThrownBy(() -> run.advance(NINE.plusSeconds(90))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("a timer's deadline is the last instant within the limit")
    void deadlineIsInclusive() {
        QuestionTimer timer = new QuestionTimer(NINE, Duration.ofSeconds(30));

        assertThat(timer.isPast(NINE.plusSeconds(30))).isFalse();
        assertThat(timer.isPast(NINE.plusSeconds(31))).isTrue();
        assertThat(timer.isOverTime(Duration.ofSeconds(30))).isFalse();
        assertThat(timer.isOverTime(Duration.ofSeconds(31))).isTrue();
        assertThat(timer.elapsed(NINE.plusSeconds(12))).isEqualTo(Duration.ofSeconds(12));
    }

    @Test
    void aRunNeedsQuestions() {
        assertThatThrownBy(() -> new QuestionRun(List.of(), q -> Duration.ofSeconds(30), NINE))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
