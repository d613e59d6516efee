package dev.drillbit.progress;

import dev.drillbit.learning.Fsrs;
import dev.drillbit.learning.Rating;
import java.time.Instant;
import java.util.Objects;

/**
 * A member's own rating of a review card, given when reviewing a question they grade themselves (an open
 * question): it schedules the card with {@link Fsrs} like an answer would, without counting as an answer
 * in scores. A rating for a question not in the deck adds it. Immutable.
 */
public record ReviewEvent(long id, long guildId, long userId, String questionId, Rating rating, Instant at)
        implements JournalEntry {
    public ReviewEvent {
        Objects.requireNonNull(questionId, "questionId");
        Objects.requireNonNull(rating, "rating");
        Objects.requireNonNull(at, "at");
    }
}
