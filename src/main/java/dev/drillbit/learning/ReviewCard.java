package dev.drillbit.learning;

import java.time.Instant;
import java.util.Objects;

/**
 * The memory state of one review card after at least one rating, as {@link Fsrs} computes it. A question
 * that was never rated has no {@code ReviewCard}: {@link Fsrs#firstReview(Rating, Instant)} makes the first
 * one. Immutable value; safe to share between threads.
 *
 * @param state where the card is in its life: in (re)learning steps or in long-term review
 * @param step the index of the current learning or relearning step; 0 when {@code state} is
 *     {@link State#REVIEW}, where it has no meaning
 * @param stability S, in days: the time for retrievability to fall from 1 to 0.9; positive
 * @param difficulty D, in [1, 10]
 * @param lastReview when the card was last rated
 * @param due when the card should next be served
 * @param reps how many ratings the card has had, at least 1
 * @param lapses how many times the card was rated {@link Rating#AGAIN} while in {@link State#REVIEW}
 */
public record ReviewCard(
        State state,
        int step,
        double stability,
        double difficulty,
        Instant lastReview,
        Instant due,
        int reps,
        int lapses) {

    /** Where a card is in its life, with the same meaning as in the reference FSRS schedulers. */
    public enum State {
        /** Rated at least once and still going through the learning steps. */
        LEARNING,
        /** Scheduled in whole days by the long-term FSRS formulas. */
        REVIEW,
        /** Forgotten while in review and going through the relearning steps. */
        RELEARNING
    }

    public ReviewCard {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(lastReview, "lastReview");
        Objects.requireNonNull(due, "due");
        if (step < 0) {
            throw new IllegalArgumentException("step must not be negative: " + step);
        }
        if (!(stability > 0) || Double.isInfinite(stability)) {
            throw new IllegalArgumentException("stability must be positive and finite: " + stability);
        }
        if (!(difficulty >= 1 && difficulty <= 10)) {
            throw new IllegalArgumentException("difficulty must be in [1, 10]: " + difficulty);
        }
        if (reps < 1) {
            throw new IllegalArgumentException("reps must be at least 1: " + reps);
        }
        if (lapses < 0) {
            throw new IllegalArgumentException("lapses must not be negative: " + lapses);
        }
    }
}
