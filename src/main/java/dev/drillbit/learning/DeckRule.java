package dev.drillbit.learning;

import dev.drillbit.progress.AnswerEvent;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How answers and a member's own ratings change their review deck, whatever store keeps it: an answer that
 * did not count as right adds its question ({@link ReviewRatings#addsCard}); any later answer or own
 * rating reschedules the card with {@link Fsrs} at the rating {@link ReviewRatings} gives; a right answer
 * to a question not in the deck leaves the deck alone; an own rating adds the question when it is
 * missing. Pure: the caller keeps the cards. Thread-safe.
 */
public final class DeckRule {
    private final Fsrs fsrs;

    public DeckRule(Fsrs fsrs) {
        this.fsrs = Objects.requireNonNull(fsrs, "fsrs");
    }

    /** With {@link Fsrs}' defaults. */
    public DeckRule() {
        this(new Fsrs());
    }

    /**
     * The answered question's card after the answer, given its card before ({@code card}, empty when it is
     * not in the deck); empty when the answer leaves the deck alone.
     */
    public Optional<ReviewCard> afterAnswer(Optional<ReviewCard> card, AnswerEvent answer) {
        if (card.isEmpty() && !ReviewRatings.addsCard(answer.correct())) {
            return Optional.empty();
        }
        return Optional.of(next(card, ReviewRatings.of(answer), answer.at()));
    }

    /** The card after the member's own rating; a question not in the deck gets its first card. */
    public ReviewCard afterRating(Optional<ReviewCard> card, Rating rating, Instant at) {
        return next(card, rating, at);
    }

    private ReviewCard next(Optional<ReviewCard> card, Rating rating, Instant at) {
        return card.isEmpty() ? fsrs.firstReview(rating, at) : fsrs.review(card.get(), rating, at);
    }
}
