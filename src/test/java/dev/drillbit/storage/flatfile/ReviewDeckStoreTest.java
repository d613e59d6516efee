package dev.drillbit.storage.flatfile;

import dev.drillbit.insights.QuestionStats;
import dev.drillbit.learning.DeckCard;
import dev.drillbit.learning.LearnerState;
import dev.drillbit.learning.Rating;
import dev.drillbit.learning.ReviewCard;
import dev.drillbit.progress.Answer;
import dev.drillbit.progress.AnswerEvent;
import dev.drillbit.progress.Answers;
import dev.drillbit.progress.MemberRef;
import dev.drillbit.progress.ReviewEvent;
import static dev.drillbit.progress.Answers.GUILD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbit.quiz.SelfGrade;
import dev.drillbit.testsupport.Fixtures;
import dev.drillbit.testsupport.ManualTime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The review deck, reminders and question counts as the store derives them from its events. */
class ReviewDeckStoreTest {
    private static final Instant T0 = Instant.parse("2026-03-10T12:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);
    private final ManualTime time = new ManualTime(T0);

    @TempDir
    Path dir;

    private FlatFileScoreStore open(int compactEvery) {
        return FlatFileScoreStore.open(StoreOptions.defaults(dir).withClock(time).withCompactEvery(compactEvery));
    }

    private static List<String> ids(List<DeckCard> cards) {
        return cards.stream().map(DeckCard::questionId).toList();
    }

    @Test
    @DisplayName("wrong answers and open questions missed or partly join the deck; right and nailed ones do not")
    void deckGrowsOnMisses() {
        try (FlatFileScoreStore store = open(1000)) {
            // WHEN
            store.record(Answers.wrong(7, "sql", T0)).join();
            store.record(Answers.open(7, "sql", SelfGrade.MISSED, 0, T0)).join();
            store.record(Answers.open(7, "caching", SelfGrade.PARTLY, 15, T0)).join();
            store.record(Answers.open(7, "apis", SelfGrade.NAILED, 30, T0)).join();
            store.record(Answers.right(7, "sql", 20, T0)).join();

            // THEN
            assertThat(store.deckSize(GUILD, 7)).isEqualTo(3);
            assertThat(ids(store.learner(GUILD, 7).deck()))
                    .containsExactlyInAnyOrder("sql-002", "sql-003", "caching-003");
            assertThat(store.learner(GUILD, 7).seen()).hasSize(5);
            assertThat(store.learner(GUILD, 7).right()).containsExactlyInAnyOrder("apis-003", "sql-001");
            assertThat(store.deckSize(GUILD, 8)).isZero();
        }
    }

    @Test
    @DisplayName("a right answer keeps the card but spaces it out; a quick one further than a slow one")
    void rightAnswersSpaceCardsOut() {
        try (FlatFileScoreStore store = open(1000)) {
            // GIVEN two members who missed the same question
            Answer miss = Answers.right(7, "sql", 0, T0);
            Answer wrong = new Answer(GUILD, 7, miss.questionId(), miss.step(), miss.difficulty(), miss.type(), false,
                    miss.selfGrade(), 0, T0);
            store.record(wrong).join();
            store.record(new Answer(GUILD, 8, wrong.questionId(), wrong.step(), wrong.difficulty(), wrong.type(), false,
                    wrong.selfGrade(), 0, T0)).join();
            Instant firstDue = store.nextDue(GUILD, 7).orElseThrow();
            assertThat(firstDue).isEqualTo(T0.plus(DAY));

            // WHEN both get it right the next day, 7 quickly, 8 slowly
            Instant later = T0.plus(DAY);
            store.record(Answers.right(7, "sql", 25, later).withTiming(Duration.ofSeconds(5), Duration.ofSeconds(30)))
                    .join();
            store.record(new Answer(GUILD, 8, wrong.questionId(), wrong.step(), wrong.difficulty(), wrong.type(), true,
                    wrong.selfGrade(), 20, later).withTiming(Duration.ofSeconds(29), Duration.ofSeconds(30))).join();

            // THEN both keep the card; the quick one (Easy) is spaced out further than the first interval, the
            // slow one (Hard) at least as far
            assertThat(store.deckSize(GUILD, 7)).isEqualTo(1);
            ReviewCard quick = store.learner(GUILD, 7).deck().get(0).card();
            ReviewCard slow = store.learner(GUILD, 8).deck().get(0).card();
            assertThat(quick.reps()).isEqualTo(2);
            assertThat(Duration.between(later, quick.due())).isGreaterThan(Duration.between(T0, firstDue));
            assertThat(slow.due()).isAfterOrEqualTo(later.plus(DAY));
            assertThat(quick.due()).isAfter(slow.due());
        }
    }

    @Test
    @DisplayName("cards come due as the clock moves, most overdue first; before that, the next due instant")
    void dueCardsAfterTheClockMoves() {
        try (FlatFileScoreStore store = open(1000)) {
            store.record(Answers.wrong(7, "caching", T0.plusSeconds(3600))).join();
            store.record(Answers.wrong(7, "sql", T0)).join();

            assertThat(store.dueCards(GUILD, 7, time.instant())).isEmpty();
            assertThat(store.nextDue(GUILD, 7)).contains(T0.plus(DAY));

            time.advance(Duration.ofDays(3));
            assertThat(ids(store.dueCards(GUILD, 7, time.instant()))).containsExactly("sql-002", "caching-002");
            assertThat(store.dueCards(GUILD, 7, T0.plus(DAY))).extracting(DeckCard::questionId)
                    .containsExactly("sql-002");
            assertThat(store.nextDue(GUILD, 99)).isEmpty();
        }
    }

    @Test
    @DisplayName("an open card rated by the member is rescheduled; a rating for a new question adds it")
    void ownRatings() {
        try (FlatFileScoreStore store = open(1000)) {
            store.record(Answers.open(7, "sql", SelfGrade.MISSED, 0, T0)).join();
            Instant firstDue = store.nextDue(GUILD, 7).orElseThrow();

            ReviewEvent e = store.review(GUILD, 7, "sql-003", Rating.EASY, T0.plus(DAY)).join();
            store.review(GUILD, 7, "dns-003", Rating.AGAIN, T0.plus(DAY)).join();

            assertThat(e.id()).isEqualTo(2);
            DeckCard card = store.learner(GUILD, 7).deck().stream().filter(c -> c.questionId().equals("sql-003"))
                    .findFirst().orElseThrow();
            assertThat(card.card().due()).isAfter(firstDue.plus(DAY));
            assertThat(store.deckSize(GUILD, 7)).isEqualTo(2);
            assertThat(store.memberStats(GUILD, 7).orElseThrow().answered()).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("reminders: on and off per member, who has cards due now, and a failed DM switches it off")
    void reminders() {
        try (FlatFileScoreStore store = open(1000)) {
            store.record(Answers.wrong(7, "sql", T0)).join();
            store.record(Answers.wrong(9, "sql", T0)).join();
            store.setReminder(GUILD, 7, true).join();
            store.setReminder(GUILD, 8, true).join(); // nothing in the deck
            store.setReminder(GUILD, 9, true).join();
            store.setReminder(GUILD, 9, false).join();

            assertThat(store.membersToRemind(T0)).isEmpty();
            assertThat(store.membersToRemind(T0.plus(DAY))).containsExactly(new MemberRef(GUILD, 7));
            assertThat(store.memberStats(GUILD, 8)).as("a reminder is not an answer").isEmpty();

            store.reminderUndeliverable(GUILD, 7).join();
            store.setReminder(GUILD, 99, false).join(); // nobody to switch off: nothing is created

            assertThat(store.reminderOn(GUILD, 7)).isFalse();
            assertThat(store.learner(GUILD, 99)).isEqualTo(LearnerState.empty(GUILD, 99));
            assertThat(store.membersToRemind(T0.plus(DAY))).isEmpty();
        }
    }

    @Test
    @DisplayName("the deck, seen questions and reminders survive a reopen and compactions, byte for byte")
    void persistsAcrossReopenAndCompaction() throws IOException {
        LearnerState before;
        try (FlatFileScoreStore store = open(3)) {
            store.record(Answers.wrong(7, "sql", T0)).join();
            store.record(Answers.open(7, "caching", SelfGrade.PARTLY, 15, T0.plusSeconds(60))).join();
            store.setReminder(GUILD, 7, true).join(); // compaction 1
            store.record(Answers.right(7, "sql", 20, T0.plus(DAY)).withTiming(Duration.ofSeconds(1),
                    Duration.ofSeconds(30))).join();
            store.review(GUILD, 7, "caching-003", Rating.GOOD, T0.plus(DAY)).join();
            store.record(Answers.wrong(7, "apis", T0.plus(DAY))).join(); // compaction 2
            store.record(Answers.wrong(8, "sql", T0.plus(DAY))).join();
            before = store.learner(GUILD, 7);
            assertThat(store.compactions()).isEqualTo(2);
        }
        assertThat(Files.readString(dir.resolve("snapshot.jsonl"))).contains("\"cards\":[").contains("\"remind\":true")
                .startsWith("{\"format\":\"drillbit-snapshot\",\"version\":2,");
        try (FlatFileScoreStore store = open(3)) {
            assertThat(store.learner(GUILD, 7)).isEqualTo(before);
            assertThat(store.deckSize(GUILD, 8)).isEqualTo(1);
            assertThat(store.membersToRemind(T0.plus(Duration.ofDays(30)))).containsExactly(new MemberRef(GUILD, 7));
        }
        // and the same state when the snapshot is lost and everything is rebuilt from history
        Files.delete(dir.resolve("snapshot.jsonl"));
        try (FlatFileScoreStore store = open(1000)) {
            assertThat(store.learner(GUILD, 7)).isEqualTo(before);
        }
    }

    @Test
    @DisplayName("forgetting a member empties their deck and reminder")
    void forgetClearsTheDeck() {
        try (FlatFileScoreStore store = open(1000)) {
            store.record(Answers.wrong(7, "sql", T0)).join();
            store.setReminder(GUILD, 7, true).join();

            store.forget(GUILD, 7).join();

            assertThat(store.learner(GUILD, 7)).isEqualTo(LearnerState.empty(GUILD, 7));
            assertThat(store.membersToRemind(T0.plus(DAY))).isEmpty();
        }
    }

    @Test
    @DisplayName("version 1 files still read: decks rebuilt from history, new events in a version 2 journal")
    void versionOneFiles() throws IOException {
        copy(Fixtures.resource("progress/version-1"), dir);
        time.advance(Duration.between(T0, Instant.parse("2026-01-05T13:00:00Z")));
        LearnerState migrated;
        try (FlatFileScoreStore store = open(1000)) {
            assertThat(store.memberStats(GUILD, 7).orElseThrow().answered()).isEqualTo(4);
            migrated = store.learner(GUILD, 7);
            assertThat(ids(migrated.deck())).containsExactlyInAnyOrder("sql-002", "sql-003", "caching-002");
            assertThat(migrated.seen()).containsExactlyInAnyOrder("sql-001", "sql-002", "sql-003", "caching-002");

            store.setReminder(GUILD, 7, true).join();

            assertThat(dir.resolve("journal-000000000003.jsonl")).exists();
            assertThat(Files.readAllLines(dir.resolve("journal-000000000002.jsonl"))).hasSize(2);
        }
        assertThat(Files.readString(dir.resolve("snapshot.jsonl"))).contains("\"version\":2");
        try (FlatFileScoreStore store = open(1000)) {
            assertThat(store.learner(GUILD, 7).deck()).isEqualTo(migrated.deck());
            assertThat(store.reminderOn(GUILD, 7)).isTrue();
            assertThat(store.history(GUILD, 7)).hasSize(4);
        }
    }

    @Test
    @DisplayName("question counts: answers, right answers and chosen options, across reopen and compaction")
    void questionStats() {
        try (FlatFileScoreStore store = open(2)) {
            store.record(Answers.right(7, "sql", 20, T0).withChoice(0)).join();
            store.record(Answers.right(8, "sql", 20, T0)).join(); // choice not recorded
            for (long u = 9; u < 12; u++) {
                Answer r = Answers.right(u, "sql", 0, T0);
                store.record(new Answer(GUILD, u, r.questionId(), r.step(), r.difficulty(), r.type(), false,
                        r.selfGrade(), 0, T0).withChoice(2)).join();
            }
            store.record(Answers.wrong(7, "caching", T0)).join();
            store.record(Answers.wrong(12, "caching", T0)).join();
            store.forget(GUILD, 12).join();

            List<QuestionStats> expected = List.of(new QuestionStats("caching-002", 1, 0, List.of()),
                    new QuestionStats("sql-001", 5, 2, List.of(1, 0, 3)));
            assertThat(store.questionStats()).isEqualTo(expected);
            assertThat(FlatFileScoreStore.questionStats(dir)).as("read without opening").isEqualTo(expected);
        }
        assertThat(FlatFileScoreStore.questionStats(dir)).as("after the last compaction")
                .containsExactly(new QuestionStats("caching-002", 1, 0, List.of()),
                        new QuestionStats("sql-001", 5, 2, List.of(1, 0, 3)));
    }

    @Test
    @DisplayName("an answer a quiz counted carries its timing, chosen option and self-grade into the event")
    void answerFromAQuizOutcome() {
        dev.drillbit.bank.Question q = dev.drillbit.testsupport.TinyBank.mc("a1", "a", dev.drillbit.bank.Difficulty.MID);
        dev.drillbit.quiz.AnswerOutcome.Answered answered = new dev.drillbit.quiz.AnswerOutcome.Answered(q,
                new dev.drillbit.quiz.Response.Choice(2), dev.drillbit.quiz.Verdict.WRONG, 0, false,
                java.util.Optional.of(new dev.drillbit.quiz.AnswerOutcome.Timing(Duration.ofMillis(4200),
                        Duration.ofSeconds(30))));
        try (FlatFileScoreStore store = open(1000)) {
            AnswerEvent e = store.record(Answer.of(GUILD, 7, answered, T0)).join();

            assertThat(e.choice()).hasValue(2);
            assertThat(e.elapsedMillis()).hasValue(4200);
            assertThat(e.limitMillis()).hasValue(30_000);
            assertThat(e.selfGrade()).isEmpty();
            assertThat(store.history(GUILD, 7)).containsExactly(e);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }
}
