package dev.drillbit.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbit.bank.Difficulty;
import dev.drillbit.bank.Question;
import dev.drillbit.interview.Revealed;
import dev.drillbit.quiz.Response;
import dev.drillbit.quiz.Scoring;
import dev.drillbit.quiz.Verdict;
import dev.drillbit.testsupport.TinyBank;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.Test;

/** After every reveal a member can follow the question's source: "Read more", linked by its host. */
class ReadMoreTest {
    private static final String LINK = "[docs.example.org](https://docs.example.org/b2)";
    private final Question.ShortAnswer shortAnswer = TinyBank.shortAnswer("b2", "b", Difficulty.JUNIOR);

    private static Optional<String> field(MessageEmbed embed, String name) {
        return embed.getFields().stream()
                .filter(f -> name.equals(f.getName()))
                .map(MessageEmbed.Field::getValue)
                .findFirst();
    }

    private static MessageEmbed embed(MessageCreateData data) {
        return data.getEmbeds().get(0);
    }

    @Test
    void aRefusedMemberSeesTheAcceptedAnswerAndTheSource() {
        // GIVEN a short answer refused
        Response given = new Response.Text("8443");

        // WHEN it is revealed to the member
        MessageEmbed embed = RevealView.answeredEmbed(shortAnswer, given, Verdict.WRONG, " · +0 points")
                .build();

        // THEN the accepted answers and the link to the source follow the explanation
        assertThat(field(embed, "Answer")).contains("443 / https");
        assertThat(embed.getFields()).extracting(MessageEmbed.Field::getName).endsWith("Explanation", "Read more");
        assertThat(field(embed, "Read more")).contains(LINK);
    }

    @Test
    void aGroupQuestionAtItsCloseLinksTheSourceBeforeWhoGotItRight() {
        MessageEmbed embed = RevealView.closedEmbed("Time's up", shortAnswer, List.of(new RevealView.Credit(7, 10)), 2)
                .build();

        assertThat(embed.getFields())
                .extracting(MessageEmbed.Field::getName)
                .containsSubsequence("Answer", "Explanation", "Read more", "1 of 2 got it right");
        assertThat(field(embed, "Read more")).contains(LINK);
    }

    @Test
    void anOpenReviewCardLinksTheSourceWithItsModelAnswer() {
        Question.Open open = TinyBank.open("a3", "a", Difficulty.SENIOR);
        ReviewView view = new ReviewView(TinyBank.bank(), new Scoring(Duration.ofSeconds(30), true));

        MessageEmbed embed = embed(view.modelAnswer(
                open, new ReviewView.Shown("a3", Instant.EPOCH, dev.drillbit.bank.QuestionSource.BOTH)));

        assertThat(field(embed, "Read more")).contains("[docs.example.org](https://docs.example.org/a3)");
    }

    @Test
    void anInterviewRevealLinksTheSourceAfterTheModelAnswer() {
        Question.Open open = TinyBank.open("a3", "a", Difficulty.SENIOR);
        Revealed revealed = new Revealed(
                "s1", open, 0, Optional.of("my answer"), false, open.modelAnswer(), open.keyPoints(), Optional.empty());

        MessageEmbed embed = embed(new InterviewView(TinyBank.bank()).revealed(revealed, 3));

        assertThat(embed.getFields())
                .extracting(MessageEmbed.Field::getName)
                .containsSubsequence("Model answer", "Explanation", "Read more");
    }
}
