package dev.drillbit.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbit.bank.Difficulty;
import dev.drillbit.bank.Question;
import dev.drillbit.bank.QuestionBank;
import dev.drillbit.bank.QuestionFilter;
import dev.drillbit.bank.QuestionType;
import dev.drillbit.testsupport.Fixtures;
import dev.drillbit.testsupport.ManualTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class QuizEngineTest {
    private static final QuestionBank BANK = Fixtures.goodBank();
    private static final Owner ALICE = Owner.solo(1, 10, 100);
    private static final Owner CHANNEL = Owner.group(1, 10);

    private final ManualTime time = ManualTime.at("2026-11-21T09:00:00Z");
    private final List<QuizSummary> ended = new CopyOnWriteArrayList<>();

    private QuizEngine engine(long seed) {
        return new QuizEngine(
                BANK,
                new Scoring(Duration.ofSeconds(30), true),
                new QuizEngine.Settings(Duration.ofMinutes(15), 1000),
                time,
                time,
                new Random(seed),
                ended::add);
    }

    private final QuizEngine engine = engine(42);

    private QuizSession start(Owner owner, QuestionFilter filter, int count) {
        StartOutcome outcome = engine.start(owner, new QuizSpec(filter, count));
        assertThat(outcome).isInstanceOf(StartOutcome.Started.class);
        return ((StartOutcome.Started) outcome).session();
    }

    private static Response rightAnswer(Question q) {
        if (q instanceof Question.MultipleChoice mc) {
            return new Response.Choice(mc.answer());
        }
        if (q instanceof Question.TrueFalse tf) {
            return new Response.Truth(tf.answer());
        }
        if (q instanceof Question.ShortAnswer sa) {
            return new Response.Text(sa.accept().get(0));
        }
        return new Response.Graded(SelfGrade.NAILED);
    }

    private static Response wrongAnswer(Question q) {
        if (q instanceof Question.MultipleChoice mc) {
            return new Response.Choice((mc.answer() + 1) % mc.options().size());
        }
        if (q instanceof Question.TrueFalse tf) {
            return new Response.Truth(!tf.answer());
        }
        if (q instanceof Question.ShortAnswer) {
            return new Response.Text("no idea");
        }
        return new Response.Graded(SelfGrade.MISSED);
    }

    @Test
    void drawsDistinctQuestionsMatchingTheFilter() {
        QuizSession session = start(ALICE, QuestionFilter.ANY.withSteps(Set.of("internet", "sql")), 5);

        Set<String> seen = new HashSet<>();
        for (int i = 0; i < session.size(); i++) {
            Question q = session.current();
            assertThat(q.step()).isIn("internet", "sql");
            assertThat(seen.add(q.id())).as("no repeats inside a session").isTrue();
            engine.answer(session.id(), ALICE.userId(), i, rightAnswer(q));
            engine.next(session.id(), ALICE.userId(), i);
        }
        assertThat(session.size()).isEqualTo(5);
    }

    @Test
    void theSameSeedDrawsTheSameQuizAndAnotherSeedUsuallyNot() {
        List<String> a = order(engine(7));
        List<String> b = order(engine(7));
        List<String> c = order(engine(8));

        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(c);
    }

    private List<String> order(QuizEngine e) {
        QuizSession s = ((StartOutcome.Started) e.start(ALICE, new QuizSpec(QuestionFilter.ANY, 9))).session();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            ids.add(s.current().id());
            e.skip(s.id(), ALICE.userId(), i);
        }
        return ids;
    }

    @Test
    void filtersByDifficultyAndType() {
        QuizSession session = start(
                ALICE,
                QuestionFilter.ANY
                        .withDifficulty(Optional.of(Difficulty.JUNIOR))
                        .withTypes(Set.of(QuestionType.MULTIPLE_CHOICE)),
                10);

        assertThat(session.size()).isEqualTo(2);
        assertThat(session.current().difficulty()).isEqualTo(Difficulty.JUNIOR);
    }

    @Test
    void reportsWhenNoQuestionMatches() {
        StartOutcome outcome = engine.start(
                ALICE,
                new QuizSpec(
                        QuestionFilter.ANY.withSteps(Set.of("caching")).withTypes(Set.of(QuestionType.TRUE_FALSE)), 5));

        assertThat(outcome).isInstanceOf(StartOutcome.NoQuestions.class);
    }

    @Test
    void refusesASecondQuizForTheSameOwner() {
        QuizSession first = start(ALICE, QuestionFilter.ANY, 3);

        StartOutcome second = engine.start(ALICE, new QuizSpec(QuestionFilter.ANY, 3));

        assertThat(second).isEqualTo(new StartOutcome.AlreadyRunning(first));
    }

    @Test
    void aSecondAnswerToTheSameQuestionIsRefusedNotCounted() {
        QuizSession session = start(ALICE, QuestionFilter.ANY, 3);
        Question q = session.current();

        AnswerOutcome first = engine.answer(session.id(), ALICE.userId(), 0, rightAnswer(q));
        AnswerOutcome second = engine.answer(session.id(), ALICE.userId(), 0, rightAnswer(q));

        assertThat(first).isInstanceOf(AnswerOutcome.Answered.class);
        assertThat(second).isEqualTo(new AnswerOutcome.AlreadyAnswered(q));
        assertThat(session.summary().standings().get(0).answered()).isEqualTo(1);
    }

    @Test
    void anAnswerToAnOldQuestionIsRefused() {
        QuizSession session = start(ALICE, QuestionFilter.ANY, 3);
        engine.answer(session.id(), ALICE.userId(), 0, rightAnswer(session.current()));
        engine.next(session.id(), ALICE.userId(), 0);

        assertThat(engine.answer(session.id(), ALICE.userId(), 0, new Response.Choice(0)))
                .isInstanceOf(AnswerOutcome.NotCurrent.class);
        assertThat(engine.next(session.id(), ALICE.userId(), 0))
                .isEqualTo(new Advance.Refused(new AnswerOutcome.NotCurrent()));
    }

    @Test
    void someoneElseCannotAnswerASoloQuiz() {
        QuizSession session = start(ALICE, QuestionFilter.ANY, 3);

        assertThat(engine.answer(session.id(), 999, 0, rightAnswer(session.current())))
                .isInstanceOf(AnswerOutcome.NotParticipant.class);
    }

    @Test
    void aWidgetOfTheWrongKindIsRefused() {
        QuizSession session = start(ALICE, QuestionFilter.ANY.withTypes(Set.of(QuestionType.TRUE_FALSE)), 1);

        assertThat(engine.answer(session.id(), ALICE.userId(), 0, new Response.Choice(0)))
                .isInstanceOf(AnswerOutcome.Mismatched.class);
    }

    @Test
    void aSoloQuizRunsToItsSummaryAndLeavesTheEngine() {
        QuizSession session = start(ALICE, QuestionFilter.ANY.withSteps(Set.of("sql")), 3);
        Advance last = null;
        for (int i = 0; i < 3; i++) {
            Question q = session.current();
            engine.answer(session.id(), ALICE.userId(), i, i == 0 ? wrongAnswer(q) : rightAnswer(q));
            last = engine.next(session.id(), ALICE.userId(), i);
        }

        assertThat(last).isInstanceOf(Advance.Finished.class);
        QuizSummary summary = ((Advance.Finished) last).summary();
        assertThat(summary.reason()).isEqualTo(EndReason.FINISHED);
        assertThat(summary.questionsShown()).isEqualTo(3);
        Standing alice = summary.standings().get(0);
        assertThat(alice.correct()).isEqualTo(2);
        assertThat(alice.answered()).isEqualTo(3);
        assertThat(alice.missedSteps()).containsExactly("sql");
        assertThat(engine.active(ALICE)).isEmpty();
        assertThat(ended).singleElement().extracting(QuizSummary::reason).isEqualTo(EndReason.FINISHED);
    }

    @Test
    void stoppingEndsTheQuizWithItsStandings() {
        start(ALICE, QuestionFilter.ANY, 3);

        Optional<QuizSummary> summary = engine.stop(ALICE);

        assertThat(summary).get().extracting(QuizSummary::reason).isEqualTo(EndReason.STOPPED);
        assertThat(engine.active(ALICE)).isEmpty();
        assertThat(engine.stop(ALICE)).isEmpty();
    }

    @Test
    void skippedQuestionsCountAsStepsToRevisitButNotAsAnswers() {
        QuizSession session = start(ALICE, QuestionFilter.ANY.withSteps(Set.of("caching")), 2);
        engine.skip(session.id(), ALICE.userId(), 0);
        engine.answer(session.id(), ALICE.userId(), 1, rightAnswer(session.current()));

        QuizSummary summary = ((Advance.Finished) engine.next(session.id(), ALICE.userId(), 1)).summary();

        assertThat(summary.standings().get(0).answered()).isEqualTo(1);
        assertThat(summary.standings().get(0).missedSteps()).containsExactly("caching");
    }

    @Test
    @DisplayName("an idle session expires by the ticker, and the listener hears of it")
    void idleSessionsExpire() {
        QuizSession session = start(ALICE, QuestionFilter.ANY, 3);
        time.advance(Duration.ofMinutes(14));
        assertThat(engine.session(session.id())).isPresent();

        time.advance(Duration.ofMinutes(16));
        assertThat(ended).isEmpty();
        engine.expireIdle();

        assertThat(ended).singleElement().extracting(QuizSummary::reason).isEqualTo(EndReason.EXPIRED);
        assertThat(engine.answer(session.id(), ALICE.userId(), 0, new Response.Choice(0)))
                .isInstanceOf(AnswerOutcome.Expired.class);
        assertThat(engine.active(ALICE)).isEmpty();
        assertThat(engine.start(ALICE, new QuizSpec(QuestionFilter.ANY, 1))).isInstanceOf(StartOutcome.Started.class);
    }

    @Test
    void lateSoloAnswersAreJudgedButEarnNothing() {
        QuizSession session = start(ALICE, QuestionFilter.ANY.withTypes(Set.of(QuestionType.TRUE_FALSE)), 1);
        time.advance(Duration.ofSeconds(31));

        AnswerOutcome outcome = engine.answer(session.id(), ALICE.userId(), 0, rightAnswer(session.current()));

        assertThat(outcome).isInstanceOfSatisfying(AnswerOutcome.Answered.class, a -> {
            assertThat(a.verdict().correct()).isTrue();
            assertThat(a.points()).isZero();
            assertThat(a.late()).isTrue();
            assertThat(a.timing()).contains(new AnswerOutcome.Timing(Duration.ofSeconds(31), Duration.ofSeconds(30)));
        });
    }

    @Test
    void groupMembersAnswerOnceEachAndTheQuestionClosesAtItsDeadline() {
        QuizSession session = start(CHANNEL, QuestionFilter.ANY.withTypes(Set.of(QuestionType.MULTIPLE_CHOICE)), 2);
        Question q = session.current();

        assertThat(engine.answer(session.id(), 1, 0, rightAnswer(q))).isInstanceOf(AnswerOutcome.Answered.class);
        assertThat(engine.answer(session.id(), 2, 0, wrongAnswer(q))).isInstanceOf(AnswerOutcome.Answered.class);
        assertThat(engine.answer(session.id(), 1, 0, wrongAnswer(q))).isInstanceOf(AnswerOutcome.AlreadyAnswered.class);
        time.advance(Duration.ofSeconds(30));
        assertThat(engine.closeDue(time.instant(), s -> true))
                .as("open through its deadline")
                .isEmpty();
        time.advance(Duration.ofSeconds(1));
        assertThat(engine.answer(session.id(), 3, 0, rightAnswer(q))).isInstanceOf(AnswerOutcome.Closed.class);
    }

    @Test
    @DisplayName(
            "GIVEN a group question past its deadline WHEN the engine closes due questions THEN revealed and the next one is open")
    void closeDueRevealsAndMovesOn() {
        QuizSession session = start(CHANNEL, QuestionFilter.ANY.withTypes(Set.of(QuestionType.MULTIPLE_CHOICE)), 2);
        Question q = session.current();
        engine.answer(session.id(), 1, 0, rightAnswer(q));
        engine.answer(session.id(), 2, 0, wrongAnswer(q));
        time.advance(Duration.ofSeconds(31));

        List<GroupStep> steps = engine.closeDue(time.instant(), s -> true);

        assertThat(steps).singleElement().isInstanceOfSatisfying(GroupStep.Next.class, next -> {
            assertThat(next.session()).isSameAs(session);
            assertThat(next.reveal().question()).isEqualTo(q);
            assertThat(next.reveal().answers()).extracting(AnswerRecord::userId).containsExactly(1L, 2L);
            assertThat(next.position()).isEqualTo(1);
        });
        assertThat(session.position()).isEqualTo(1);
        assertThat(engine.refusal(session.id(), 3, 1))
                .as("the next question takes answers")
                .isEmpty();
        assertThat(engine.closeDue(time.instant(), s -> true))
                .as("closing twice reveals once")
                .isEmpty();
    }

    @Test
    @DisplayName(
            "GIVEN the last group question past its deadline WHEN closed THEN the quiz finishes and leaves the engine")
    void closeDueFinishesAfterTheLast() {
        QuizSession session = start(CHANNEL, QuestionFilter.ANY.withSteps(Set.of("internet")), 1);
        engine.answer(session.id(), 6, 0, rightAnswer(session.current()));
        time.advance(Duration.ofMinutes(5));

        List<GroupStep> steps = engine.closeDue(time.instant(), s -> true);

        assertThat(steps).singleElement().isInstanceOfSatisfying(GroupStep.Finished.class, finished -> {
            assertThat(finished.summary().reason()).isEqualTo(EndReason.FINISHED);
            assertThat(finished.summary().standings())
                    .extracting(Standing::userId)
                    .containsExactly(6L);
        });
        assertThat(engine.active(CHANNEL)).isEmpty();
        assertThat(ended).extracting(QuizSummary::reason).containsExactly(EndReason.FINISHED);
    }

    @Test
    @DisplayName("GIVEN a due group question not on screen yet WHEN closing due questions THEN it stays open")
    void closeDueWaitsForTheQuestionToBeShown() {
        QuizSession session = start(CHANNEL, QuestionFilter.ANY.withTypes(Set.of(QuestionType.MULTIPLE_CHOICE)), 2);
        time.advance(Duration.ofSeconds(31));

        assertThat(engine.closeDue(time.instant(), s -> false)).isEmpty();

        assertThat(session.isClosed()).isFalse();
        assertThat(engine.closeDue(time.instant(), s -> true)).hasSize(1);
    }

    @Test
    @DisplayName("GIVEN solo quizzes past their deadline WHEN closing due questions THEN they are left alone")
    void closeDueIgnoresSoloQuizzes() {
        QuizSession solo = start(ALICE, QuestionFilter.ANY, 2);
        time.advance(Duration.ofMinutes(2));

        assertThat(engine.closeDue(time.instant(), s -> true)).isEmpty();
        assertThat(solo.position()).isZero();
    }

    @Test
    @DisplayName("a group quiz is stopped by who started it or a server manager; a solo quiz only by its member")
    void whoMayStop() {
        QuizSession group =
                ((StartOutcome.Started) engine.start(CHANNEL, 7, new QuizSpec(QuestionFilter.ANY, 2))).session();
        QuizSession solo = start(ALICE, QuestionFilter.ANY, 2);

        assertThat(group.startedBy()).isEqualTo(7);
        assertThat(group.mayStop(7, false)).isTrue();
        assertThat(group.mayStop(8, true)).isTrue();
        assertThat(group.mayStop(8, false)).isFalse();
        assertThat(solo.startedBy()).isEqualTo(ALICE.userId());
        assertThat(solo.mayStop(ALICE.userId(), false)).isTrue();
        assertThat(solo.mayStop(8, true))
                .as("managing the server does not reach into a private quiz")
                .isFalse();
    }

    @Test
    @DisplayName(
            "GIVEN a running group quiz WHEN someone not allowed asks to stop it THEN refused and it keeps running")
    void stopIsRefusedToOthers() {
        QuizSession group =
                ((StartOutcome.Started) engine.start(CHANNEL, 7, new QuizSpec(QuestionFilter.ANY, 2))).session();

        assertThat(engine.stop(group.id(), 8, false)).isEqualTo(new StopOutcome.NotAllowed(group));
        assertThat(engine.active(CHANNEL)).contains(group);

        assertThat(engine.stop(group.id(), 7, false))
                .isInstanceOfSatisfying(
                        StopOutcome.Stopped.class,
                        stopped -> assertThat(stopped.summary().reason()).isEqualTo(EndReason.STOPPED));
        assertThat(engine.active(CHANNEL)).isEmpty();
        assertThat(engine.stop(group.id(), 7, false)).isEqualTo(new StopOutcome.NotRunning());
    }

    @Test
    void groupStandingsRankByPointsThenAccuracy() {
        QuizSession session = start(CHANNEL, QuestionFilter.ANY.withSteps(Set.of("internet")), 1);
        Question q = session.current();
        engine.answer(session.id(), 5, 0, wrongAnswer(q));
        time.advance(Duration.ofSeconds(20));
        engine.answer(session.id(), 6, 0, rightAnswer(q));
        engine.answer(session.id(), 7, 0, rightAnswer(q));
        time.advance(Duration.ofMinutes(5));

        QuizSummary summary =
                ((GroupStep.Finished) engine.closeDue(time.instant(), s -> true).get(0)).summary();

        assertThat(summary.standings()).extracting(Standing::userId).containsExactly(6L, 7L, 5L);
    }

    @Test
    @DisplayName("answers racing on many threads: each member is counted exactly once")
    void concurrentAnswersAreCountedOnce() throws Exception {
        QuizSession group = start(CHANNEL, QuestionFilter.ANY.withTypes(Set.of(QuestionType.MULTIPLE_CHOICE)), 1);
        Response right = rightAnswer(group.current());
        int members = 40;
        int triesEach = 5;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<AnswerOutcome>> results = new ArrayList<>();
        try {
            for (int m = 1; m <= members; m++) {
                for (int t = 0; t < triesEach; t++) {
                    long user = m;
                    results.add(pool.submit(() -> {
                        go.await();
                        return engine.answer(group.id(), user, 0, right);
                    }));
                }
            }
            go.countDown();
            int answered = 0;
            int refused = 0;
            for (Future<AnswerOutcome> f : results) {
                AnswerOutcome outcome = f.get(10, TimeUnit.SECONDS);
                if (outcome instanceof AnswerOutcome.Answered) {
                    answered++;
                } else if (outcome instanceof AnswerOutcome.AlreadyAnswered) {
                    refused++;
                }
            }
            assertThat(answered).isEqualTo(members);
            assertThat(refused).isEqualTo(members * (triesEach - 1));
            assertThat(group.reveal().answers()).hasSize(members);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentStartsForOneOwnerStartOneQuiz() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<StartOutcome>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return engine.start(ALICE, new QuizSpec(QuestionFilter.ANY, 3));
                }));
            }
            go.countDown();
            long started = 0;
            for (Future<StartOutcome> f : results) {
                started += f.get(10, TimeUnit.SECONDS) instanceof StartOutcome.Started ? 1 : 0;
            }
            assertThat(started).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
