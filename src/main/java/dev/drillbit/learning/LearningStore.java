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
 * The learning loop on top of the score store: each person's review deck, the questions they have
 * answered, and their review reminder. Learning belongs to the person (the user id), wherever they answer:
 * an answer in any server or in DMs rates or adds a card of the one deck, while points, streaks and boards
 * stay per server ({@link ScoreStore}). The deck is derived from the same durable events as scores: every
 * recorded {@link Answer} rates or adds a card by {@link ReviewRatings}, {@link #review} records a
 * person's own rating, and {@link #setReminder} the reminder setting; all survive restarts and compaction.
 * Scheduling is {@link Fsrs} with its defaults.
 *
 * <p>A server's {@code forget} (the admin's {@code /data forget}) erases what that server holds (answers,
 * points, streaks there) and leaves the person's learning alone; forgetting {@link MemberRef#PERSONAL}
 * erases the learning (and what was answered outside servers). Stores written before learning was
 * personal merge each person's per-server decks on upgrade: for each question the card with the latest
 * review wins (ties: the later due, then the lower guild id); a question counts as answered if it was
 * in any server, and as right by the server whose card won (a question with no card anywhere was never
 * missed: right if right anywhere); the reminder is on if it was on in any server.
 *
 * <p>Same contract as {@link ScoreStore}: thread-safe; futures complete once the event is durable and
 * visible to queries; queries read a consistent state.
 */
public interface LearningStore extends ScoreStore {

    /**
     * Records the person's own rating of a card (for an open question reviewed against its key points);
     * it schedules the card without counting as an answer. A question not in the deck is added.
     *
     * @param guildId where the rating was given ({@link MemberRef#PERSONAL} outside servers); the card is the
     *     person's either way
     */
    CompletableFuture<ReviewEvent> review(long guildId, long userId, String questionId, Rating rating, Instant at);

    /** Switches the person's daily review reminder on or off (one reminder, whatever servers they are in). */
    CompletableFuture<ReminderEvent> setReminder(long userId, boolean on);

    /**
     * The reminder could not be delivered (the person closed their DMs or blocked the bot): switches it
     * off, so they are not tried again every day.
     */
    default CompletableFuture<ReminderEvent> reminderUndeliverable(long userId) {
        return setReminder(userId, false);
    }

    /** The person's cards due at or before {@code at}, most overdue first (ties by question id). */
    List<DeckCard> dueCards(long userId, Instant at);

    /** When the person's earliest card is due (possibly already past); empty when the deck is empty. */
    Optional<Instant> nextDue(long userId);

    int deckSize(long userId);

    boolean reminderOn(long userId);

    /**
     * People with the reminder on and at least one card due at {@code at}: who gets today's DM, each once,
     * as {@link MemberRef#person}, by user id.
     */
    List<MemberRef> membersToRemind(Instant at);

    /** Everything the loop knows about the person: for roadmap progress and the deck export. */
    LearnerState learner(long userId);

    /**
     * Answer counts per question across every guild, from the journals and history (a pass over the files:
     * for a report, not for every message).
     */
    List<QuestionStats> questionStats();
}
