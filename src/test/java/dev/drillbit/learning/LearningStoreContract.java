package dev.drillbit.learning;

import static dev.drillbit.progress.Answers.GUILD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbit.progress.Answer;
import dev.drillbit.progress.Answers;
import dev.drillbit.progress.MemberRef;
import dev.drillbit.progress.ReviewEvent;
import dev.drillbit.quiz.SelfGrade;
import dev.drillbit.testsupport.ManualTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What every {@link LearningStore} promises about the learning loop, on top of the score store contract:
 * the review deck derived from answers and own ratings (the person's, wherever they answer, while points stay
 * per server), reminders, forget, and all of it after a restart.
 * Each implementation extends this class once.
 */
public abstract class LearningStoreContract {
    private static final Instant T0 = Instant.parse("2026-03-10T12:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);
    private static final long OTHER = 2000;
    private final ManualTime time = new ManualTime(T0);
    private LearningStore store;

    /** Opens the store over this test's data: every call sees the same data, so a call after close is a restart. */
    protected abstract LearningStore open(Clock clock);

    private LearningStore store() {
        if (store == null) {
            store = open(time);
        }
        return store;
    }

    private LearningStore restart() {
        store().close();
        store = open(time);
        return store;
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    private static List<String> ids(List<DeckCard> cards) {
        return cards.stream().map(DeckCard::questionId).toList();
    }

    @Test
    @DisplayName("wrong answers and open questions missed or partly join the deck; right and nailed ones do not")
    void deckGrowsOnMisses() {
        {
            LearningStore store = store();
            // WHEN
            store.record(Answers.wrong(7, "sql", T0)).join();
            store.record(Answers.open(7, "sql", SelfGrade.MISSED, 0, T0)).join();
            store.record(Answers.open(7, "caching", SelfGrade.PARTLY, 15, T0)).join();
            store.record(Answers.open(7, "apis", SelfGrade.NAILED, 30, T0)).join();
            store.record(Answers.right(7, "sql", 20, T0)).join();

            // THEN
            assertThat(store.deckSize(7)).isEqualTo(3);
            assertThat(ids(store.learner(7).deck())).containsExactlyInAnyOrder("sql-002", "sql-003", "caching-003");
            assertThat(store.learner(7).seen()).hasSize(5);
            assertThat(store.learner(7).right()).containsExactlyInAnyOrder("apis-003", "sql-001");
            assertThat(store.deckSize(8)).isZero();
        }
    }

    @Test
    @DisplayName("a right answer keeps the card but spaces it out; a quick one further than a slow one")
    void rightAnswersSpaceCardsOut() {
        {
            LearningStore store = store();
            // GIVEN two members who missed the same question
            Answer miss = Answers.right(7, "sql", 0, T0);
            Answer wrong = new Answer(
                    GUILD,
                    7,
                    miss.questionId(),
                    miss.step(),
                    miss.difficulty(),
                    miss.type(),
                    false,
                    miss.selfGrade(),
                    0,
                    T0);
            store.record(wrong).join();
            store.record(new Answer(
                            GUILD,
                            8,
                            wrong.questionId(),
                            wrong.step(),
                            wrong.difficulty(),
                            wrong.type(),
                            false,
                            wrong.selfGrade(),
                            0,
                            T0))
                    .join();
            Instant firstDue = store.nextDue(7).orElseThrow();
            assertThat(firstDue).isEqualTo(T0.plus(DAY));

            // WHEN both get it right the next day, 7 quickly, 8 slowly
            Instant later = T0.plus(DAY);
            store.record(Answers.right(7, "sql", 25, later).withTiming(Duration.ofSeconds(5), Duration.ofSeconds(30)))
                    .join();
            store.record(new Answer(
                                    GUILD,
                                    8,
                                    wrong.questionId(),
                                    wrong.step(),
                                    wrong.difficulty(),
                                    wrong.type(),
                                    true,
                                    wrong.selfGrade(),
                                    20,
                                    later)
                            .withTiming(Duration.ofSeconds(29), Duration.ofSeconds(30)))
                    .join();

            // THEN both keep the card; the quick one (Easy) is spaced out further than the first interval, the
            // slow one (Hard) at least as far
            assertThat(store.deckSize(7)).isEqualTo(1);
            ReviewCard quick = store.learner(7).deck().get(0).card();
            ReviewCard slow = store.learner(8).deck().get(0).card();
            assertThat(quick.reps()).isEqualTo(2);
            assertThat(Duration.between(later, quick.due())).isGreaterThan(Duration.between(T0, firstDue));
            assertThat(slow.due()).isAfterOrEqualTo(later.plus(DAY));
            assertThat(quick.due()).isAfter(slow.due());
        }
    }

    @Test
    @DisplayName("cards come due as the clock moves, most overdue first; before that, the next due instant")
    void dueCardsAfterTheClockMoves() {
        {
            LearningStore store = store();
            store.record(Answers.wrong(7, "caching", T0.plusSeconds(3600))).join();
            store.record(Answers.wrong(7, "sql", T0)).join();

            assertThat(store.dueCards(7, time.instant())).isEmpty();
            assertThat(store.nextDue(7)).contains(T0.plus(DAY));

            time.advance(Duration.ofDays(3));
            assertThat(ids(store.dueCards(7, time.instant()))).containsExactly("sql-002", "caching-002");
            assertThat(store.dueCards(7, T0.plus(DAY)))
                    .extracting(DeckCard::questionId)
                    .containsExactly("sql-002");
            assertThat(store.nextDue(99)).isEmpty();
        }
    }

    @Test
    @DisplayName("an open card rated by the member is rescheduled; a rating for a new question adds it")
    void ownRatings() {
        {
            LearningStore store = store();
            store.record(Answers.open(7, "sql", SelfGrade.MISSED, 0, T0)).join();
            Instant firstDue = store.nextDue(7).orElseThrow();

            ReviewEvent e =
                    store.review(GUILD, 7, "sql-003", Rating.EASY, T0.plus(DAY)).join();
            store.review(GUILD, 7, "dns-003", Rating.AGAIN, T0.plus(DAY)).join();

            assertThat(e.id()).isPositive();
            DeckCard card = store.learner(7).deck().stream()
                    .filter(c -> c.questionId().equals("sql-003"))
                    .findFirst()
                    .orElseThrow();
            assertThat(card.card().due()).isAfter(firstDue.plus(DAY));
            assertThat(store.deckSize(7)).isEqualTo(2);
            assertThat(store.memberStats(GUILD, 7).orElseThrow().answered()).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("reminders: on and off per member, who has cards due now, and a failed DM switches it off")
    void reminders() {
        {
            LearningStore store = store();
            store.record(Answers.wrong(7, "sql", T0)).join();
            store.record(Answers.wrong(9, "sql", T0)).join();
            store.setReminder(7, true).join();
            store.setReminder(8, true).join(); // nothing in the deck
            store.setReminder(9, true).join();
            store.setReminder(9, false).join();

            assertThat(store.membersToRemind(T0)).isEmpty();
            assertThat(store.membersToRemind(T0.plus(DAY))).containsExactly(MemberRef.person(7));
            assertThat(store.memberStats(GUILD, 8))
                    .as("a reminder is not an answer")
                    .isEmpty();

            store.reminderUndeliverable(7).join();
            store.setReminder(99, false).join(); // nobody to switch off: nothing is created

            assertThat(store.reminderOn(7)).isFalse();
            assertThat(store.learner(99)).isEqualTo(LearnerState.empty(99));
            assertThat(store.membersToRemind(T0.plus(DAY))).isEmpty();
        }
    }

    @Test
    @DisplayName("a server's forget erases the member's points there and leaves the person's deck and reminder")
    void serverForgetKeepsTheDeck() {
        LearningStore store = store();
        // GIVEN a member who missed a question in the server and switched the reminder on
        store.record(Answers.wrong(7, "sql", T0)).join();
        store.setReminder(7, true).join();
        LearnerState before = store.learner(7);

        // WHEN the server forgets them
        store.forget(GUILD, 7).join();

        // THEN the server holds nothing of them, and their own learning is as it was
        assertThat(store.memberStats(GUILD, 7)).isEmpty();
        assertThat(store.history(GUILD, 7)).isEmpty();
        assertThat(store.learner(7)).isEqualTo(before);
        assertThat(store.guildsOf(7)).containsExactly(MemberRef.PERSONAL);
    }

    @Test
    @DisplayName("forgetting the person empties their deck and reminder")
    void personalForgetClearsTheDeck() {
        LearningStore store = store();
        store.record(Answers.wrong(7, "sql", T0)).join();
        store.review(GUILD, 7, "dns-003", Rating.AGAIN, T0).join();
        store.setReminder(7, true).join();

        store.forget(MemberRef.PERSONAL, 7).join();

        assertThat(store.learner(7)).isEqualTo(LearnerState.empty(7));
        assertThat(store.membersToRemind(T0.plus(DAY))).isEmpty();
        assertThat(store.memberStats(GUILD, 7))
                .as("the server's points are the server's")
                .isPresent();
    }

    @Test
    @DisplayName("answers in two servers and outside servers build one deck; points stay with each server")
    void oneDeckAcrossServers() {
        LearningStore store = store();
        // WHEN the member misses sql-002 in one server, caching-002 in another, and apis-002 in DMs
        store.record(Answers.wrong(7, "sql", T0)).join();
        store.record(inGuild(OTHER, Answers.wrong(7, "caching", T0.plusSeconds(60))))
                .join();
        store.record(inGuild(MemberRef.PERSONAL, Answers.wrong(7, "apis", T0.plusSeconds(120))))
                .join();
        store.record(inGuild(OTHER, Answers.right(7, "sql", 20, T0.plusSeconds(180))))
                .join();

        // THEN one deck holds all three (sql-001, never missed, stays out of it), and points stay per server
        assertThat(ids(store.learner(7).deck())).containsExactlyInAnyOrder("sql-002", "caching-002", "apis-002");
        assertThat(store.learner(7).seen()).hasSize(4);
        assertThat(store.memberStats(GUILD, 7).orElseThrow().points()).isZero();
        assertThat(store.memberStats(OTHER, 7).orElseThrow().points()).isEqualTo(20);
        assertThat(store.memberStats(OTHER, 7).orElseThrow().overall().answered())
                .isEqualTo(2);
        assertThat(store.guildsOf(7)).containsExactly(MemberRef.PERSONAL, GUILD, OTHER);
    }

    @Test
    @DisplayName("a card missed in one server and answered right in another is one card, reviewed twice")
    void cardsFollowThePerson() {
        LearningStore store = store();
        store.record(Answers.wrong(7, "sql", T0)).join();
        Answer wrong = Answers.wrong(7, "sql", T0);
        store.record(inGuild(
                        OTHER,
                        new Answer(
                                GUILD,
                                7,
                                wrong.questionId(),
                                wrong.step(),
                                wrong.difficulty(),
                                wrong.type(),
                                true,
                                wrong.selfGrade(),
                                10,
                                T0.plus(DAY))))
                .join();

        assertThat(store.deckSize(7)).isEqualTo(1);
        assertThat(store.learner(7).deck().get(0).card().reps()).isEqualTo(2);
        assertThat(store.learner(7).right()).containsExactly("sql-002");
    }

    @Test
    @DisplayName("the reminder is the person's: switched on anywhere, it names them once")
    void oneReminderPerPerson() {
        LearningStore store = store();
        store.record(Answers.wrong(7, "sql", T0)).join();
        store.record(inGuild(OTHER, Answers.wrong(7, "caching", T0))).join();
        store.setReminder(7, true).join();

        assertThat(store.membersToRemind(T0.plus(DAY))).containsExactly(MemberRef.person(7));
        assertThat(store.reminderOn(7)).isTrue();
    }

    private static Answer inGuild(long guild, Answer a) {
        return new Answer(
                guild,
                a.userId(),
                a.questionId(),
                a.step(),
                a.difficulty(),
                a.type(),
                a.correct(),
                a.selfGrade(),
                a.points(),
                a.at(),
                a.elapsedMillis(),
                a.limitMillis(),
                a.choice());
    }

    @Test
    @DisplayName("the deck, seen questions and reminder are the same after a restart")
    void learningStateSurvivesARestart() {
        LearningStore before = store();
        before.record(Answers.wrong(7, "sql", T0)).join();
        before.record(Answers.open(7, "caching", SelfGrade.PARTLY, 15, T0.plusSeconds(60)))
                .join();
        before.setReminder(7, true).join();
        before.review(GUILD, 7, "caching-003", Rating.GOOD, T0.plus(DAY)).join();
        LearnerState state = before.learner(7);

        LearningStore after = restart();

        assertThat(after.learner(7)).isEqualTo(state);
        assertThat(after.membersToRemind(T0.plus(Duration.ofDays(30)))).containsExactly(MemberRef.person(7));
    }
}
