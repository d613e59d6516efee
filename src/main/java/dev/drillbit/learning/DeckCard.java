package dev.drillbit.learning;

import java.util.Objects;

/** A question in a member's review deck with its scheduling state. Immutable. */
public record DeckCard(String questionId, ReviewCard card) {
    public DeckCard {
        Objects.requireNonNull(questionId, "questionId");
        Objects.requireNonNull(card, "card");
    }
}
