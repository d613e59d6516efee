package dev.drillbit.learning;

import dev.drillbit.bank.Question;
import dev.drillbit.bank.QuestionBank;
import dev.drillbit.progress.Answer;
import dev.drillbit.progress.MemberRef;
import dev.drillbit.progress.ReminderEvent;
import dev.drillbit.progress.ReviewEvent;
import dev.drillbit.progress.ScoreStore;
import dev.drillbit.quiz.AnswerChecker;
import dev.drillbit.quiz.AnswerOutcome;
import dev.drillbit.quiz.Response;
import dev.drillbit.quiz.Verdict;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The review loop as the Discord commands need it, for a person wherever they are (the deck, mastery and
 * reminder are theirs, not a server's; see {@link LearningStore}), over the bank and the {@link LearningStore}: what is
 * due now, the next card to review, a member's own rating, roadmap progress, the deck export and the
 * reminder. Cards whose question left the bank are skipped everywhere. "Now" is the injected clock.
 *
 * <p>How a review is answered: an auto-graded card (multiple choice, true/false, short answer) is asked
 * like a quiz question and its answer recorded with {@link Answer#of(long, long,
 * dev.drillbit.quiz.AnswerOutcome.Answered, Instant)} through {@link ScoreStore#record}, which rates the
 * card from correctness and time ({@link ReviewRatings}); an open card shows the model answer and the
 * member picks Again, Hard, Good or Easy, recorded with {@link #rate}.
 *
 * <p>Thread-safe (the store is; the rest is immutable).
 */
public final class Reviews {
    private final dev.drillbit.bank.GuildBanks banks;
    private final LearningStore store;
    private final Clock clock;
    private final AnswerChecker checker = new AnswerChecker();

    public Reviews(QuestionBank bank, LearningStore store, Clock clock) {
        this(dev.drillbit.bank.GuildBanks.only(Objects.requireNonNull(bank, "bank")), store, clock);
    }

    /** Reviews where each server's cards are looked up in its own bank (the shipped one and its packs). */
    public Reviews(dev.drillbit.bank.GuildBanks banks, LearningStore store, Clock clock) {
        this.banks = Objects.requireNonNull(banks, "banks");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param deckSize cards in the deck whose question is in the bank
     * @param dueNow of them, due now
     * @param nextDue when the earliest card is due (possibly now or earlier); empty for an empty deck
     */
    public record Summary(int deckSize, int dueNow, Optional<Instant> nextDue, boolean reminder) {}

    /** A card to review now, and how many are due in all (this one included). */
    public record DueQuestion(Question question, ReviewCard card, int dueNow) {}

    public Summary summary(long guildId, long userId) {
        LearnerState learner = store.learner(userId);
        QuestionBank bank = banks.forGuild(guildId);
        Instant now = clock.instant();
        List<DeckCard> known = learner.deck().stream()
                .filter(c -> bank.question(c.questionId()).isPresent())
                .toList();
        int due = (int) known.stream().filter(c -> !c.card().due().isAfter(now)).count();
        Optional<Instant> next = known.stream().map(c -> c.card().due()).min(Instant::compareTo);
        return new Summary(known.size(), due, next, learner.reminder());
    }

    /** The most overdue card now; empty when nothing is due (then see {@link Summary#nextDue()}). */
    public Optional<DueQuestion> next(long guildId, long userId) {
        return next(guildId, userId, dev.drillbit.bank.QuestionSource.BOTH);
    }

    /**
     * As {@link #next(long, long)}, among the cards of shipped questions, of the server's own, or both. The
     * deck is the person's ({@code userId}); the questions it can serve are those of the place it is asked
     * in ({@code guildId}: a server's bank, or {@link dev.drillbit.progress.MemberRef#PERSONAL} for the
     * shipped bank alone).
     */
    public Optional<DueQuestion> next(long guildId, long userId, dev.drillbit.bank.QuestionSource source) {
        QuestionBank bank = banks.forGuild(guildId);
        List<DeckCard> due = store.dueCards(userId, clock.instant()).stream()
                .filter(c -> bank.question(c.questionId()).filter(source::test).isPresent())
                .toList();
        return due.stream()
                .findFirst()
                .map(c -> new DueQuestion(bank.question(c.questionId()).orElseThrow(), c.card(), due.size()));
    }

    /**
     * A reviewed auto-graded card: the answer as judged (0 points: reviews do not count on leaderboards),
     * the rating it gave the card, and when the card is due next.
     */
    public record Reviewed(AnswerOutcome.Answered answered, Rating rating, Optional<Instant> due) {}

    /**
     * Judges the member's answer to an auto-graded card (multiple choice, true/false, short answer) and
     * records it with its timing, which rates the card ({@link ReviewRatings}). The future completes once
     * the answer is durable; empty when the response does not fit the question (an open question, or a
     * widget of another type).
     *
     * @param elapsed from the card being shown to the answer
     * @param limit the question's time limit, as a quiz would give it
     */
    public Optional<CompletableFuture<Reviewed>> answer(
            long guildId, long userId, Question question, Response response, Duration elapsed, Duration limit) {
        if (question.type() == dev.drillbit.bank.QuestionType.OPEN) {
            return Optional.empty();
        }
        Optional<Verdict> verdict = checker.check(question, response);
        if (verdict.isEmpty()) {
            return Optional.empty();
        }
        AnswerOutcome.Answered answered = new AnswerOutcome.Answered(
                question,
                response,
                verdict.get(),
                0,
                elapsed.compareTo(limit) > 0,
                Optional.of(new AnswerOutcome.Timing(elapsed, limit)));
        Answer answer = Answer.of(guildId, userId, answered, clock.instant());
        return Optional.of(store.record(answer)
                .thenApply(event -> new Reviewed(answered, ReviewRatings.of(event), cardDue(userId, question.id()))));
    }

    /** When the member's card for this question is due next; empty when it is not in the deck. */
    public Optional<Instant> cardDue(long userId, String questionId) {
        return store.learner(userId).deck().stream()
                .filter(c -> c.questionId().equals(questionId))
                .map(c -> c.card().due())
                .findFirst();
    }

    /** The member's own rating of a card (open questions), now. */
    public CompletableFuture<ReviewEvent> rate(long guildId, long userId, String questionId, Rating rating) {
        return store.review(guildId, userId, questionId, rating, clock.instant());
    }

    public RoadmapProgress.Report progress(long guildId, long userId) {
        return RoadmapProgress.of(banks.forGuild(guildId), store.learner(userId), clock.instant());
    }

    /** The deck as an Anki CSV file, most overdue card first; see {@link DeckExport}. */
    public String exportCsv(long guildId, long userId) {
        return DeckExport.csv(banks.forGuild(guildId), store.learner(userId).deck());
    }

    public CompletableFuture<ReminderEvent> reminder(long userId, boolean on) {
        return store.setReminder(userId, on);
    }

    /** Call when the reminder DM could not be delivered: switches the reminder off. */
    public CompletableFuture<ReminderEvent> reminderUndeliverable(long userId) {
        return store.reminderUndeliverable(userId);
    }

    /** Who gets the daily reminder now: reminder on, and a card due; each person once ({@link MemberRef#person}). */
    public List<MemberRef> dueForReminder() {
        return store.membersToRemind(clock.instant());
    }
}
