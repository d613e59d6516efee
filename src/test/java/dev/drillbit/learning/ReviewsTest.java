package dev.drillbit.learning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbit.bank.Difficulty;
import dev.drillbit.bank.QuestionType;
import dev.drillbit.progress.Answer;
import dev.drillbit.progress.MemberRef;
import dev.drillbit.quiz.SelfGrade;
import dev.drillbit.storage.flatfile.FlatFileScoreStore;
import dev.drillbit.storage.flatfile.StoreOptions;
import dev.drillbit.testsupport.ManualTime;
import dev.drillbit.testsupport.TinyBank;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewsTest {
    private static final long G = 1;
    private static final long U = 2;
    private final ManualTime time = ManualTime.at("2026-03-10T12:00:00Z");

    @TempDir
    Path dir;

    private FlatFileScoreStore store;
    private Reviews reviews;

    @BeforeEach
    void open() {
        store = FlatFileScoreStore.open(StoreOptions.defaults(dir).withClock(time));
        reviews = new Reviews(TinyBank.bank(), store, time);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void miss(String id, QuestionType type, Optional<SelfGrade> grade) {
        store.record(new Answer(G, U, id, id.substring(0, 1), Difficulty.MID, type, false, grade, 0, time.instant()))
                .join();
    }

    @Test
    void reviewLoopAfterTheClockMoves() {
        // GIVEN a missed multiple-choice question, a partly open one, and a question the bank no longer has
        miss("a1", QuestionType.MULTIPLE_CHOICE, Optional.empty());
        time.advance(Duration.ofMinutes(1));
        miss("a3", QuestionType.OPEN, Optional.of(SelfGrade.PARTLY));
        miss("zz", QuestionType.MULTIPLE_CHOICE, Optional.empty());
        Instant start = time.instant();

        // THEN nothing is due yet
        assertThat(reviews.next(G, U)).isEmpty();
        assertThat(reviews.summary(G, U))
                .isEqualTo(new Reviews.Summary(
                        2, 0, Optional.of(start.minus(Duration.ofMinutes(1)).plus(Duration.ofDays(1))), false));

        // WHEN two days pass
        time.advance(Duration.ofDays(2));

        // THEN the most overdue card comes first, and an open card rated Easy is spaced out
        Reviews.DueQuestion first = reviews.next(G, U).orElseThrow();
        assertThat(first.question().id()).isEqualTo("a1");
        assertThat(first.dueNow()).isEqualTo(2);
        reviews.rate(G, U, "a3", Rating.EASY).join();
        assertThat(reviews.summary(G, U).dueNow()).isEqualTo(1);
        assertThat(reviews.progress(G, U).step("a").orElseThrow().dueReviews()).isEqualTo(1);
        assertThat(reviews.exportCsv(G, U))
                .startsWith(DeckExport.ANKI_HEADERS)
                .contains("Which one, a1?")
                .contains("Explain a3.")
                .doesNotContain("zz");

        reviews.reminder(U, true).join();
        assertThat(reviews.dueForReminder()).containsExactly(MemberRef.person(U));
        reviews.reminderUndeliverable(U).join();
        assertThat(reviews.dueForReminder()).isEmpty();
    }

    @Test
    void answeringACardJudgesItRecordsItWithoutPointsAndRatesItByTime() {
        // GIVEN a missed multiple-choice question, due a day later
        miss("a1", QuestionType.MULTIPLE_CHOICE, Optional.empty());
        time.advance(Duration.ofDays(1));
        dev.drillbit.bank.Question a1 = TinyBank.bank().question("a1").orElseThrow();

        // WHEN it is answered right in the second third of its 30 s
        Reviews.Reviewed reviewed = reviews.answer(
                        G,
                        U,
                        a1,
                        new dev.drillbit.quiz.Response.Choice(0),
                        Duration.ofSeconds(15),
                        Duration.ofSeconds(30))
                .orElseThrow()
                .join();

        // THEN it counts as right, earns nothing, rates Good, and is no longer due
        assertThat(reviewed.answered().verdict().correct()).isTrue();
        assertThat(reviewed.answered().points()).isZero();
        assertThat(reviewed.rating()).isEqualTo(Rating.GOOD);
        assertThat(reviewed.due()).isPresent().get().matches(d -> d.isAfter(time.instant()));
        assertThat(reviews.summary(G, U).dueNow()).isZero();
        assertThat(store.memberStats(G, U).orElseThrow().points()).isZero();
    }

    @Test
    void anOpenCardOrAWidgetOfAnotherTypeIsNotJudgedHere() {
        dev.drillbit.bank.QuestionBank bank = TinyBank.bank();
        assertThat(reviews.answer(
                        G,
                        U,
                        bank.question("a3").orElseThrow(),
                        new dev.drillbit.quiz.Response.Truth(true),
                        Duration.ZERO,
                        Duration.ofSeconds(90)))
                .isEmpty();
        assertThat(reviews.answer(
                        G,
                        U,
                        bank.question("a1").orElseThrow(),
                        new dev.drillbit.quiz.Response.Truth(true),
                        Duration.ZERO,
                        Duration.ofSeconds(30)))
                .isEmpty();
        assertThat(store.deckSize(U)).isZero();
    }
}
