package dev.drillbit.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drillbit.bank.BankLoader;
import dev.drillbit.bank.Question;
import dev.drillbit.bank.QuestionBank;
import dev.drillbit.bank.QuestionFilter;
import dev.drillbit.quiz.AnswerOutcome;
import dev.drillbit.quiz.Owner;
import dev.drillbit.quiz.QuizEngine;
import dev.drillbit.quiz.QuizSession;
import dev.drillbit.quiz.QuizSpec;
import dev.drillbit.quiz.Response;
import dev.drillbit.quiz.Reveal;
import dev.drillbit.quiz.Scoring;
import dev.drillbit.quiz.SelfGrade;
import dev.drillbit.quiz.StartOutcome;
import dev.drillbit.testsupport.DiscordApiSchema;
import dev.drillbit.testsupport.Fixtures;
import dev.drillbit.testsupport.ManualTime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every question of the real bank, rendered by the real views in every state a member can see it, is a
 * request body Discord accepts: no question can break a Discord limit.
 */
class RenderedBankTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final QuestionBank BANK =
            new BankLoader().load(Fixtures.realQuestions()).bank().orElseThrow();
    private static final Scoring SCORING = new Scoring(Duration.ofSeconds(30), true);

    private final ManualTime time = ManualTime.at("2026-11-23T09:00:00Z");
    private final QuestionView questions = new QuestionView(BANK, SCORING);
    private final RevealView reveals = new RevealView(BANK);
    private final List<String> violations = new ArrayList<>();

    private QuizSession sessionOf(Question question, Owner owner) {
        QuestionBank one = new QuestionBank(BANK.steps(), List.of(question));
        QuizEngine engine = new QuizEngine(
                one,
                SCORING,
                new QuizEngine.Settings(Duration.ofMinutes(15), 10),
                time,
                time,
                new Random(1),
                summary -> {});
        return ((StartOutcome.Started) engine.start(owner, new QuizSpec(QuestionFilter.ANY, 1))).session();
    }

    private static JsonNode body(MessageCreateData data) {
        try {
            return JSON.readTree(data.toData().toJson());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void asChannelMessage(Question question, String state, MessageCreateData data) {
        DiscordApiSchema.get()
                .violations("POST", "/channels/1/messages", "application/json", body(data))
                .forEach(v -> violations.add(question.id() + " " + state + ": " + v));
    }

    private void asInteractionUpdate(Question question, String state, MessageCreateData data) {
        ObjectNode callback = JSON.createObjectNode().put("type", 7);
        callback.set("data", body(data));
        DiscordApiSchema.get()
                .violations("POST", "/interactions/1/token/callback", "application/json", callback)
                .forEach(v -> violations.add(question.id() + " " + state + ": " + v));
    }

    private static List<Response> everyResponse(Question question) {
        if (question instanceof Question.MultipleChoice mc) {
            List<Response> all = new ArrayList<>();
            for (int i = 0; i < mc.options().size(); i++) {
                all.add(new Response.Choice(i));
            }
            return all;
        }
        if (question instanceof Question.TrueFalse) {
            return List.of(new Response.Truth(true), new Response.Truth(false));
        }
        if (question instanceof Question.ShortAnswer sa) {
            return List.of(
                    new Response.Text(sa.accept().get(0)),
                    new Response.Text("x".repeat(QuestionView.TYPED_ANSWER_MAX)));
        }
        return List.of(
                new Response.Graded(SelfGrade.MISSED),
                new Response.Graded(SelfGrade.PARTLY),
                new Response.Graded(SelfGrade.NAILED));
    }

    @Test
    @DisplayName("every question, as asked, answered every way, self-graded and revealed to a group, fits Discord")
    void everyQuestionRendersWithinDiscordsLimits() {
        assertThat(BANK.questions()).hasSizeGreaterThanOrEqualTo(500);
        for (Question question : BANK.questions()) {
            renderEveryWay(question);
        }
        assertThat(violations).isEmpty();
    }

    /** Renders a question in every state; JDA's own checks throwing count as violations too. */
    private void renderEveryWay(Question question) {
        try {
            renderEveryState(question);
        } catch (IllegalArgumentException | IllegalStateException e) {
            violations.add(question.id() + " cannot be rendered: " + e.getMessage());
        }
    }

    private void renderEveryState(Question question) {
        {
            QuizSession solo = sessionOf(question, Owner.solo(1, 2, 3));
            asChannelMessage(question, "asked", questions.render(solo));
            if (question instanceof Question.Open open) {
                asInteractionUpdate(question, "model answer", questions.modelAnswer(solo, open, 0));
            }
            for (Response response : everyResponse(question)) {
                QuizSession session = sessionOf(question, Owner.solo(1, 2, 3));
                AnswerOutcome outcome = session.answer(3, 0, response, time.instant());
                assertThat(outcome).as(question.id()).isInstanceOf(AnswerOutcome.Answered.class);
                asInteractionUpdate(
                        question, "revealed after " + response, reveals.answered(session, 0, (AnswerOutcome.Answered)
                                outcome));
            }
            QuizSession group = sessionOf(question, Owner.group(1, 2));
            for (long member = 1; member <= 60; member++) {
                group.answer(member, 0, everyResponse(question).get(0), time.instant());
            }
            asChannelMessage(question, "asked in a group", questions.render(group));
            Reveal reveal = group.reveal();
            asChannelMessage(question, "revealed to a group", reveals.closed(group, reveal));
        }
    }

    @Test
    @DisplayName("the check bites: a prompt too long for an embed description is a violation")
    void anOverlongQuestionIsCaught() {
        Question tooLong = new Question.TrueFalse(
                "too-long",
                BANK.steps().get(0).id(),
                dev.drillbit.bank.Difficulty.MID,
                "p".repeat(4200),
                "e",
                "https://e.example",
                List.of(),
                true);

        renderEveryWay(tooLong);

        assertThat(violations)
                .singleElement()
                .asString()
                .isEqualTo("too-long cannot be rendered: Description cannot be longer than 4096 characters.");
    }
}
