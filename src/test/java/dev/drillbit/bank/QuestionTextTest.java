package dev.drillbit.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class QuestionTextTest {
    private static Question.TrueFalse withSource(String source) {
        return new Question.TrueFalse("w", "a", Difficulty.MID, "p", "e", source, List.of(), true);
    }

    @Test
    void theSourceIsLinkedByItsHost() {
        assertThat(QuestionText.readMore(withSource("https://www.rfc-editor.org/rfc/rfc9111#section-4.2")))
                .isEqualTo("[www.rfc-editor.org](https://www.rfc-editor.org/rfc/rfc9111#section-4.2)");
    }

    @Test
    void parenthesesInTheUrlCannotEndTheLink() {
        assertThat(QuestionText.readMore(withSource("https://en.wikipedia.org/wiki/Cache_(computing)")))
                .isEqualTo("[en.wikipedia.org](https://en.wikipedia.org/wiki/Cache_%28computing%29)");
    }

    @Test
    void theCountedLengthsAreTheLengthsOfTheLaidOutTextForEveryShippedQuestion() {
        QuestionBank bank = new BankLoader().load(ShippedBank.folder()).bank().orElseThrow();

        assertThat(bank.questions()).isNotEmpty().allSatisfy(q -> {
            assertThat(QuestionText.bodyLength(q))
                    .isEqualTo(QuestionText.body(q).length());
            if (q instanceof Question.Open open) {
                assertThat(QuestionText.keyPointsLength(open.keyPoints()))
                        .isEqualTo(QuestionText.keyPoints(open.keyPoints()).length());
            }
        });
        assertThat(QuestionText.keyPointsLength(List.of())).isZero();
    }

    @Test
    void theRevealsSizeCountsTheSourceLink() {
        String longer = "https://docs.example.org/" + "x".repeat(400);

        int grows = QuestionText.revealSize(withSource(longer))
                - QuestionText.revealSize(withSource("https://docs.example.org/"));

        assertThat(grows).isEqualTo(400);
    }
}
