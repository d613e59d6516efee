package dev.drillbit.storage.flatfile;

import static dev.drillbit.progress.Answers.GUILD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbit.insights.QuestionStats;
import dev.drillbit.learning.DeckCard;
import dev.drillbit.learning.LearnerState;
import dev.drillbit.learning.Rating;
import dev.drillbit.progress.Answer;
import dev.drillbit.progress.AnswerEvent;
import dev.drillbit.progress.Answers;
import dev.drillbit.progress.MemberRef;
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

/** What only the flat files do with the learning loop: snapshots, version 1 files, reading counts without opening. The rest is in {@link FlatFileLearningStoreContractTest}. */
class ReviewDeckStoreTest {
    private static final Instant T0 = Instant.parse("2026-03-10T12:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);
    private final ManualTime time = new ManualTime(T0);

    @TempDir
    Path dir;

    private FlatFileScoreStore open(int compactEvery) {
        return FlatFileScoreStore.open(
                StoreOptions.defaults(dir).withClock(time).withCompactEvery(compactEvery));
    }

    private static List<String> ids(List<DeckCard> cards) {
        return cards.stream().map(DeckCard::questionId).toList();
    }

    @Test
    @DisplayName("the deck, seen questions and reminders survive a reopen and compactions, byte for byte")
    void persistsAcrossReopenAndCompaction() throws IOException {
        LearnerState before;
        try (FlatFileScoreStore store = open(3)) {
            store.record(Answers.wrong(7, "sql", T0)).join();
            store.record(Answers.open(7, "caching", SelfGrade.PARTLY, 15, T0.plusSeconds(60)))
                    .join();
            store.setReminder(7, true).join(); // compaction 1
            store.record(Answers.right(7, "sql", 20, T0.plus(DAY))
                            .withTiming(Duration.ofSeconds(1), Duration.ofSeconds(30)))
                    .join();
            store.review(GUILD, 7, "caching-003", Rating.GOOD, T0.plus(DAY)).join();
            store.record(Answers.wrong(7, "apis", T0.plus(DAY))).join(); // compaction 2
            store.record(Answers.wrong(8, "sql", T0.plus(DAY))).join();
            before = store.learner(7);
            assertThat(store.compactions()).isEqualTo(2);
        }
        assertThat(Files.readString(dir.resolve("snapshot.jsonl")))
                .contains("\"cards\":[")
                .contains("\"remind\":true")
                .startsWith("{\"format\":\"drillbit-snapshot\",\"version\":3,");
        try (FlatFileScoreStore store = open(3)) {
            assertThat(store.learner(7)).isEqualTo(before);
            assertThat(store.deckSize(8)).isEqualTo(1);
            assertThat(store.membersToRemind(T0.plus(Duration.ofDays(30)))).containsExactly(MemberRef.person(7));
        }
        // and the same state when the snapshot is lost and everything is rebuilt from history
        Files.delete(dir.resolve("snapshot.jsonl"));
        try (FlatFileScoreStore store = open(1000)) {
            assertThat(store.learner(7)).isEqualTo(before);
        }
    }

    @Test
    @DisplayName(
            "version 1 files still read: decks rebuilt from history, new events in a version 2 journal, a version 3 snapshot")
    void versionOneFiles() throws IOException {
        copy(Fixtures.resource("progress/version-1"), dir);
        time.advance(Duration.between(T0, Instant.parse("2026-01-05T13:00:00Z")));
        LearnerState migrated;
        try (FlatFileScoreStore store = open(1000)) {
            assertThat(store.memberStats(GUILD, 7).orElseThrow().answered()).isEqualTo(4);
            migrated = store.learner(7);
            assertThat(ids(migrated.deck())).containsExactlyInAnyOrder("sql-002", "sql-003", "caching-002");
            assertThat(migrated.seen()).containsExactlyInAnyOrder("sql-001", "sql-002", "sql-003", "caching-002");

            store.setReminder(7, true).join();

            assertThat(dir.resolve("journal-000000000003.jsonl")).exists();
            assertThat(Files.readAllLines(dir.resolve("journal-000000000002.jsonl")))
                    .hasSize(2);
        }
        assertThat(Files.readString(dir.resolve("snapshot.jsonl"))).contains("\"version\":3");
        try (FlatFileScoreStore store = open(1000)) {
            assertThat(store.learner(7).deck()).isEqualTo(migrated.deck());
            assertThat(store.reminderOn(7)).isTrue();
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
                store.record(new Answer(
                                        GUILD,
                                        u,
                                        r.questionId(),
                                        r.step(),
                                        r.difficulty(),
                                        r.type(),
                                        false,
                                        r.selfGrade(),
                                        0,
                                        T0)
                                .withChoice(2))
                        .join();
            }
            store.record(Answers.wrong(7, "caching", T0)).join();
            store.record(Answers.wrong(12, "caching", T0)).join();
            store.forget(GUILD, 12).join();

            List<QuestionStats> expected = List.of(
                    new QuestionStats("caching-002", 1, 0, List.of()),
                    new QuestionStats("sql-001", 5, 2, List.of(1, 0, 3)));
            assertThat(store.questionStats()).isEqualTo(expected);
            assertThat(FlatFileQuestionStats.read(dir))
                    .as("read without opening")
                    .isEqualTo(expected);
        }
        assertThat(FlatFileQuestionStats.read(dir))
                .as("after the last compaction")
                .containsExactly(
                        new QuestionStats("caching-002", 1, 0, List.of()),
                        new QuestionStats("sql-001", 5, 2, List.of(1, 0, 3)));
    }

    @Test
    @DisplayName("an answer a quiz counted carries its timing, chosen option and self-grade into the event")
    void answerFromAQuizOutcome() {
        dev.drillbit.bank.Question q =
                dev.drillbit.testsupport.TinyBank.mc("a1", "a", dev.drillbit.bank.Difficulty.MID);
        dev.drillbit.quiz.AnswerOutcome.Answered answered = new dev.drillbit.quiz.AnswerOutcome.Answered(
                q,
                new dev.drillbit.quiz.Response.Choice(2),
                dev.drillbit.quiz.Verdict.WRONG,
                0,
                false,
                java.util.Optional.of(
                        new dev.drillbit.quiz.AnswerOutcome.Timing(Duration.ofMillis(4200), Duration.ofSeconds(30))));
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
