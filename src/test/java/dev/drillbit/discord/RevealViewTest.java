package dev.drillbit.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbit.bank.Question;
import dev.drillbit.bank.QuestionBank;
import dev.drillbit.bank.QuestionFilter;
import dev.drillbit.bank.QuestionType;
import dev.drillbit.quiz.AnswerOutcome;
import dev.drillbit.quiz.Owner;
import dev.drillbit.quiz.QuizEngine;
import dev.drillbit.quiz.QuizSession;
import dev.drillbit.quiz.QuizSpec;
import dev.drillbit.quiz.Response;
import dev.drillbit.quiz.Scoring;
import dev.drillbit.quiz.StartOutcome;
import dev.drillbit.testsupport.Fixtures;
import dev.drillbit.testsupport.ManualTime;
import java.time.Duration;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RevealViewTest {
    @Test
    void typedTextIsEscapedSoItCannotFormatOrPing() {
        QuestionBank bank = Fixtures.goodBank();
        ManualTime time = ManualTime.at("2026-11-23T09:00:00Z");
        QuizEngine engine = new QuizEngine(
                bank,
                new Scoring(Duration.ofSeconds(30), true),
                new QuizEngine.Settings(Duration.ofMinutes(5), 10),
                time,
                time,
                new Random(3),
                s -> {});
        QuizSession session = ((StartOutcome.Started) engine.start(
                        Owner.solo(1, 2, 3),
                        new QuizSpec(
                                QuestionFilter.ANY
                                        .withTypes(Set.of(QuestionType.SHORT_ANSWER))
                                        .withSteps(Set.of("sql")),
                                1)))
                .session();
        AnswerOutcome.Answered answered = (AnswerOutcome.Answered)
                session.answer(3, 0, new Response.Text("**loud** _x_ @everyone"), time.instant());

        String title = new RevealView(bank)
                .answered(session, 0, answered)
                .getEmbeds()
                .get(0)
                .getTitle();

        assertThat(session.current()).isInstanceOf(Question.ShortAnswer.class);
        assertThat(title).contains("you wrote \"\\*\\*loud\\*\\* \\_x\\_ @everyone\"");
    }
}
