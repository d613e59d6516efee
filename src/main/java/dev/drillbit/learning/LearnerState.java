package dev.drillbit.learning;

import java.util.List;
import java.util.Set;

/**
 * What the learning loop knows about one person, wherever they answered (every server and their DMs): the
 * questions answered, those whose latest answer was right, the review deck (by due instant, earliest first)
 * and the reminder setting. A copy; immutable.
 */
public record LearnerState(long userId, Set<String> seen, Set<String> right, List<DeckCard> deck, boolean reminder) {
    public LearnerState {
        seen = Set.copyOf(seen);
        right = Set.copyOf(right);
        deck = List.copyOf(deck);
    }

    public static LearnerState empty(long userId) {
        return new LearnerState(userId, Set.of(), Set.of(), List.of(), false);
    }
}
