package dev.drillbit.progress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbit.bank.Difficulty;
import dev.drillbit.bank.Question;
import dev.drillbit.quiz.AnswerOutcome;
import dev.drillbit.quiz.Response;
import dev.drillbit.quiz.SelfGrade;
import dev.drillbit.quiz.Verdict;
import dev.drillbit.testsupport.TinyBank;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The one answer factory every context uses: what it takes from the response and the timing. */
class AnswerTest {
    private static final Instant AT = Instant.parse("2026-03-10T12:00:00Z");
    private static final Question MC = TinyBank.mc("a1", "sql", Difficulty.MID);

    @Test
    @DisplayName("a daily answer (no timing known) carries the option chosen, so question reports see it")
    void dailyAnswerCarriesTheChoice() {
        Answer answer = Answer.of(
                1, 7, MC, Optional.of(new Response.Choice(2)), Optional.empty(), false, 0, Optional.empty(), AT);

        assertThat(answer.choice()).hasValue(2);
        assertThat(answer.elapsedMillis()).isEmpty();
        assertThat(answer.selfGrade()).isEmpty();
    }

    @Test
    @DisplayName("a quiz answer carries the option chosen and how long it took against the limit")
    void quizAnswerCarriesChoiceAndTiming() {
        AnswerOutcome.Answered answered = new AnswerOutcome.Answered(
                MC,
                new Response.Choice(1),
                Verdict.RIGHT,
                10,
                false,
                Optional.of(new AnswerOutcome.Timing(Duration.ofMillis(4_200), Duration.ofSeconds(30))));

        Answer answer = Answer.of(1, 7, answered, AT);

        assertThat(answer.choice()).hasValue(1);
        assertThat(answer.elapsedMillis()).hasValue(4_200);
        assertThat(answer.limitMillis()).hasValue(30_000);
        assertThat(answer.correct()).isTrue();
        assertThat(answer.points()).isEqualTo(10);
    }

    @Test
    @DisplayName("a self-grade comes from the response, or from the context when it grades otherwise (interview)")
    void selfGrade() {
        Answer graded = Answer.of(
                1,
                7,
                MC,
                Optional.of(new Response.Graded(SelfGrade.PARTLY)),
                Optional.empty(),
                false,
                0,
                Optional.empty(),
                AT);
        Answer interview = Answer.of(
                1,
                7,
                MC,
                Optional.empty(),
                Optional.of(SelfGrade.NAILED),
                true,
                0,
                Optional.of(new AnswerOutcome.Timing(Duration.ofSeconds(50), Duration.ofMinutes(5))),
                AT);

        assertThat(graded.selfGrade()).contains(SelfGrade.PARTLY);
        assertThat(interview.selfGrade()).contains(SelfGrade.NAILED);
        assertThat(interview.choice()).isEmpty();
        assertThat(interview.elapsedMillis()).hasValue(50_000);
    }
}
