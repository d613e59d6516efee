package dev.drillbit.learning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbit.bank.Difficulty;
import dev.drillbit.bank.QuestionType;
import dev.drillbit.progress.AnswerEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** How answers and own ratings change a deck, without a store. */
class DeckRuleTest {
    private static final Instant T0 = Instant.parse("2026-03-10T12:00:00Z");
    private final DeckRule rule = new DeckRule();
    private final Fsrs fsrs = new Fsrs();

    private static AnswerEvent answer(boolean correct, Instant at) {
        return new AnswerEvent(
                1,
                1,
                7,
                "sql-001",
                "sql",
                Difficulty.MID,
                QuestionType.MULTIPLE_CHOICE,
                correct,
                Optional.empty(),
                correct ? 10 : 0,
                at);
    }

    @Test
    @DisplayName("a wrong answer adds the question with a first card rated Again")
    void wrongAnswerAddsACard() {
        assertThat(rule.afterAnswer(Optional.empty(), answer(false, T0))).contains(fsrs.firstReview(Rating.AGAIN, T0));
    }

    @Test
    @DisplayName("a right answer to a question not in the deck leaves the deck alone")
    void rightAnswerAddsNothing() {
        assertThat(rule.afterAnswer(Optional.empty(), answer(true, T0))).isEmpty();
    }

    @Test
    @DisplayName("a right answer to a card in the deck reschedules it (Good without timing) further out")
    void rightAnswerSpacesTheCardOut() {
        ReviewCard card = fsrs.firstReview(Rating.AGAIN, T0);
        Instant later = T0.plus(Duration.ofDays(2));

        ReviewCard next =
                rule.afterAnswer(Optional.of(card), answer(true, later)).orElseThrow();

        assertThat(next).isEqualTo(fsrs.review(card, Rating.GOOD, later));
        assertThat(next.due()).isAfter(card.due());
    }

    @Test
    @DisplayName("an own rating of a question not in the deck adds it at that rating")
    void ownRatingAdds() {
        assertThat(rule.afterRating(Optional.empty(), Rating.HARD, T0)).isEqualTo(fsrs.firstReview(Rating.HARD, T0));
    }
}
