package dev.drillbit.learning;

import dev.drillbit.insights.QuestionStats;
import dev.drillbit.progress.Answer;
import dev.drillbit.progress.MemberRef;
import dev.drillbit.progress.ReminderEvent;
import dev.drillbit.progress.ReviewEvent;
import dev.drillbit.progress.ScoreStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The learning loop on top of the score store: each member's review deck (per guild), the questions they
 * have answered, and their review reminder. The deck is derived from the same durable events as scores:
 * every recorded {@link Answer} rates or adds a card by {@link ReviewRatings}, {@link #review} records a
 * member's own rating, and {@link #setReminder} the reminder setting; all survive restarts and
 * compaction. Scheduling is {@link Fsrs} with its defaults.
 *
 * <p>Same contract as {@link ScoreStore}: thread-safe; futures complete once the event is durable and
 * visible to queries; queries read a consistent state.
 */
public interface LearningStore extends ScoreStore {

    /**
     * Records the member's own rating of a card (for an open question reviewed against its key points);
     * it schedules the card without counting as an answer. A question not in the deck is added.
     */
    CompletableFuture<ReviewEvent> review(long guildId, long userId, String questionId, Rating rating, Instant at);

    /** Switches the member's daily review reminder in the guild on or off. */
    CompletableFuture<ReminderEvent> setReminder(long guildId, long userId, boolean on);

    /**
     * The reminder could not be delivered (the member closed their DMs, left, blocked the bot): switches it
     * off, so the member is not tried again every day.
     */
    default CompletableFuture<ReminderEvent> reminderUndeliverable(long guildId, long userId) {
        return setReminder(guildId, userId, false);
    }

    /** Cards due at or before {@code at}, most overdue first (ties by question id). */
    List<DeckCard> dueCards(long guildId, long userId, Instant at);

    /** When the member's earliest card is due (possibly already past); empty when the deck is empty. */
    Optional<Instant> nextDue(long guildId, long userId);

    int deckSize(long guildId, long userId);

    boolean reminderOn(long guildId, long userId);

    /** Members with the reminder on and at least one card due at {@code at}: who gets today's DM. */
    List<MemberRef> membersToRemind(Instant at);

    /** Everything the loop knows about the member: for roadmap progress and the deck export. */
    LearnerState learner(long guildId, long userId);

    /**
     * Answer counts per question across every guild, from the journals and history (a pass over the files:
     * for a report, not for every message).
     */
    List<QuestionStats> questionStats();
}
