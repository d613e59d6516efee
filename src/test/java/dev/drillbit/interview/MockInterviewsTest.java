package dev.drillbit.interview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbit.bank.Difficulty;
import dev.drillbit.bank.Question;
import dev.drillbit.bank.QuestionBank;
import dev.drillbit.quiz.Scoring;
import dev.drillbit.storage.flatfile.FlatFileScoreStore;
import dev.drillbit.storage.flatfile.StoreOptions;
import dev.drillbit.testsupport.ManualTime;
import dev.drillbit.testsupport.Seeds;
import dev.drillbit.testsupport.TinyBank;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MockInterviewsTest {
    private static final long GUILD = 1;
    private static final long USER = 2;
    private static final QuestionBank BANK = new QuestionBank(
            List.of(TinyBank.step("a"), TinyBank.step("b")),
            List.of(
                    TinyBank.open("a-o1", "a", Difficulty.MID),
                    TinyBank.open("a-o2", "a", Difficulty.MID),
                    TinyBank.shortAnswer("a-s1", "a", Difficulty.MID),
                    TinyBank.mc("a-m1", "a", Difficulty.MID),
                    TinyBank.open("b-o1", "b", Difficulty.JUNIOR),
                    TinyBank.shortAnswer("b-s1", "b", Difficulty.SENIOR),
                    TinyBank.open("b-o2", "b", Difficulty.SENIOR)));

    private final ManualTime time = ManualTime.at("2026-03-10T12:00:00Z");
    private final Scoring scoring = new Scoring(Duration.ofSeconds(30), true);

    @TempDir
    Path dir;

    private FlatFileScoreStore store;
    private MockInterviews interviews;

    @BeforeEach
    void open() {
        store = FlatFileScoreStore.open(StoreOptions.defaults(dir).withClock(time));
        // the order of questions is random; no test depends on it (-Dinterview.seed=N replays one)
        interviews = new MockInterviews(
                BANK,
                scoring,
                store,
                MockInterviews.Settings.DEFAULT,
                time,
                time,
                new Random(Seeds.of("interview.seed", 42)));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static InterviewSpec spec(String step, Difficulty level, int length) {
        return new InterviewSpec(Optional.ofNullable(step), level, length);
    }

    private Asked start(InterviewSpec spec) {
        StartResult started = interviews.start(GUILD, USER, spec);
        assertThat(started).isInstanceOf(StartResult.Started.class);
        return ((StartResult.Started) started).first();
    }

    /** What the candidate covered of each question on step a: all of a-o1, one point of a-o2. */
    private static final Map<String, Set<Integer>> TICKS =
            Map.of("a-o1", Set.of(0, 1, 2, 3), "a-o2", Set.of(1), "a-s1", Set.of());

    /**
     * Runs a mid-level interview on step a (two open questions and one short answer, in a random order) to
     * its end: each answer takes 20 seconds, the short answer is right, and the ticks are {@link #TICKS}.
     */
    private GradeResult interviewOnStepA(BiConsumer<Asked, SubmitResult> eachAnswer) {
        Asked asked = start(spec("a", Difficulty.MID, 3));
        GradeResult result = null;
        for (int i = 0; i < 3; i++) {
            Question q = asked.question();
            time.advance(Duration.ofSeconds(20));
            SubmitResult submitted = interviews.submit(
                    GUILD,
                    USER,
                    asked.sessionId(),
                    Optional.of(q.id().equals("a-s1") ? "https" : "I would say\nsomething about " + q.id()));
            eachAnswer.accept(asked, submitted);
            result = interviews
                    .grade(GUILD, USER, asked.sessionId(), TICKS.get(q.id()))
                    .join();
            if (result instanceof GradeResult.Next next) {
                asked = next.next();
            }
        }
        return result;
    }

    private InterviewReport reportOfInterviewOnStepA() {
        GradeResult result = interviewOnStepA((asked, submitted) -> {});
        assertThat(result).isInstanceOf(GradeResult.Finished.class);
        return ((GradeResult.Finished) result).report();
    }

    @Test
    @DisplayName("each question is asked in turn with its time limit; answering reveals the checklist and model"
            + " answer of an open question, or the automatic check of a short answer")
    void eachAnswerRevealsWhatToCompareWith() {
        // GIVEN a mid-level interview on step a
        List<Integer> positions = new ArrayList<>();

        // WHEN the candidate answers every question within its time
        interviewOnStepA((asked, submitted) -> {
            Question q = asked.question();
            positions.add(asked.position());
            // THEN each answer is revealed with what to compare it with
            assertThat(asked.limit()).as("limit of %s", q.id()).isEqualTo(scoring.timeLimit(q));
            assertThat(submitted).isInstanceOfSatisfying(Revealed.class, r -> {
                assertThat(r.overTime()).isFalse();
                if (q instanceof Question.Open open) {
                    assertThat(r.checklist()).isEqualTo(open.keyPoints());
                    assertThat(r.answer()).isEqualTo(open.modelAnswer());
                } else {
                    assertThat(r.checklist()).isEmpty();
                    assertThat(r.autoChecked()).contains(true);
                }
            });
        });
        assertThat(positions).containsExactly(0, 1, 2);
    }

    @Test
    @DisplayName("the report scores each question by the points ticked, overall and per step")
    void reportScoresEachQuestion() {
        // GIVEN / WHEN a mid-level interview on step a answered to its end
        InterviewReport report = reportOfInterviewOnStepA();

        // THEN every question is scored with the time it took
        assertThat(report.finished()).isTrue();
        assertThat(report.results())
                .extracting(r -> r.question().id())
                .containsExactlyInAnyOrder("a-o1", "a-o2", "a-s1");
        assertThat(report.results()).allSatisfy(r -> assertThat(r.took()).isEqualTo(Duration.ofSeconds(20)));
        assertThat(report.overall()).isEqualTo(0.75); // (1 + 0.25 + 1) / 3
        assertThat(report.byStep()).containsExactly(Map.entry("a", 0.75));
    }

    @Test
    @DisplayName("the report names a step scored at 75% as strong, and no step as weak")
    void reportNamesStrongAndWeakSteps() {
        // GIVEN / WHEN a mid-level interview on step a answered to its end, scoring 75%
        InterviewReport report = reportOfInterviewOnStepA();

        // THEN
        assertThat(report.strong()).containsExactly("a");
        assertThat(report.weak()).isEmpty();
    }

    @Test
    @DisplayName("a question answered poorly is named for review and joins the member's review deck")
    void poorAnswerJoinsTheReviewDeck() {
        // GIVEN / WHEN an interview where a-o2 got one point of four
        InterviewReport report = reportOfInterviewOnStepA();

        // THEN a-o2, and only a-o2, is to review and in the deck
        assertThat(report.toReview()).extracting(Question::id).containsExactly("a-o2");
        assertThat(report.addedToDeck()).containsExactly("a-o2");
        assertThat(store.learner(USER).deck()).extracting(c -> c.questionId()).containsExactly("a-o2");
    }

    @Test
    @DisplayName("a finished interview records every answer without points, and is no longer active")
    void finishedInterviewIsRecordedWithoutPoints() {
        // GIVEN / WHEN a mid-level interview of three questions answered to its end
        reportOfInterviewOnStepA();

        // THEN
        assertThat(store.memberStats(GUILD, USER).orElseThrow().answered()).isEqualTo(3);
        assertThat(store.memberStats(GUILD, USER).orElseThrow().points()).isZero();
        assertThat(interviews.active(GUILD, USER)).isEmpty();
    }

    @Test
    @DisplayName("the transcript is Markdown of the answers, ticks, scores and deck, named by date and id")
    void transcriptOfTheReport() {
        // GIVEN a finished interview's report
        InterviewReport report = reportOfInterviewOnStepA();

        // WHEN
        String md = Transcript.markdown(report);

        // THEN
        assertThat(md)
                .startsWith("# Mock interview: mid level, step a\n")
                .contains("> I would say\n> something about a-o2")
                .contains("- [x] point one")
                .contains("- [ ] point one")
                .contains("**Accepted answer:** 443 / https")
                .contains("Checked: accepted.")
                .contains("**Score:** 25% · added to your review deck")
                .contains("| a | 75% |")
                .contains("**Added to your review deck:** a-o2");
        assertThat(Transcript.fileName(report)).isEqualTo("mock-interview-2026-03-10-" + report.id() + ".md");
    }

    @Test
    @DisplayName("thinking without typing: a short answer gets an 'I knew it' box; late answers are marked")
    void thinkOnlyAndOverTime() {
        Asked asked = start(spec("b", Difficulty.SENIOR, 3)); // b-s1, b-o2 at senior, topped up with b-o1
        while (!asked.question().id().equals("b-s1")) {
            interviews.submit(GUILD, USER, asked.sessionId(), Optional.empty());
            asked = ((GradeResult.Next) interviews
                            .grade(GUILD, USER, asked.sessionId(), Set.of())
                            .join())
                    .next();
        }
        time.advance(scoring.timeLimit(asked.question()).plusSeconds(1));

        SubmitResult submitted = interviews.submit(GUILD, USER, asked.sessionId(), Optional.of("   "));

        assertThat(submitted).isInstanceOfSatisfying(Revealed.class, r -> {
            assertThat(r.typed()).isEmpty();
            assertThat(r.overTime()).isTrue();
            assertThat(r.checklist()).containsExactly("I knew it");
        });
        GradeResult graded =
                interviews.grade(GUILD, USER, asked.sessionId(), Set.of(0, 7)).join();
        QuestionResult r = graded instanceof GradeResult.Next n ? n.graded() : ((GradeResult.Finished) graded).graded();
        assertThat(r.score()).isEqualTo(1.0);
        assertThat(r.ticked()).containsExactly(0);
        assertThat(r.addedToDeck()).isFalse();
    }

    @Test
    @DisplayName("questions are drawn at the level first, topped up from the nearest level; too few is refused")
    void drawing() {
        assertThat(MockInterviews.draw(BANK, spec("b", Difficulty.SENIOR, 3), new Random(1)))
                .extracting(Question::id)
                .containsExactlyInAnyOrder("b-s1", "b-o2", "b-o1")
                .last()
                .isEqualTo("b-o1");
        List<String> all = MockInterviews.draw(BANK, spec(null, Difficulty.MID, 10), new Random(1)).stream()
                .map(Question::id)
                .toList();
        assertThat(all).hasSize(6).doesNotContain("a-m1"); // multiple choice is never drawn
        assertThat(all.subList(0, 3)).containsExactlyInAnyOrder("a-o1", "a-o2", "a-s1"); // mid
        assertThat(all.get(3)).isEqualTo("b-o1"); // then junior
        assertThat(all.subList(4, 6)).containsExactlyInAnyOrder("b-s1", "b-o2"); // then senior
        assertThat(interviews.start(GUILD, USER, spec("c", Difficulty.MID, 3)))
                .isEqualTo(new StartResult.NoQuestions(spec("c", Difficulty.MID, 3), 0));
    }

    @Test
    @DisplayName("refusals: one interview at a time, grading before the answer, old buttons, idle expiry")
    void refusals() {
        Asked asked = start(spec("a", Difficulty.MID, 3));
        String id = asked.sessionId();

        assertThat(interviews.start(GUILD, USER, spec(null, Difficulty.JUNIOR, 3)))
                .isEqualTo(new StartResult.AlreadyRunning(id));
        assertThat(interviews.grade(GUILD, USER, id, Set.of()).join()).isEqualTo(new Refused(Refused.Reason.NOT_NOW));
        assertThat(interviews.submit(GUILD, USER, "stale", Optional.empty()))
                .isEqualTo(new Refused(Refused.Reason.NO_INTERVIEW));
        assertThat(interviews.submit(GUILD, USER, id, Optional.empty())).isInstanceOf(Revealed.class);
        assertThat(interviews.submit(GUILD, USER, id, Optional.empty())).isEqualTo(new Refused(Refused.Reason.NOT_NOW));

        time.advance(MockInterviews.Settings.DEFAULT.idle().plusSeconds(1));
        interviews.expireIdle();

        assertThat(interviews.active(GUILD, USER)).isEmpty();
        assertThat(interviews.grade(GUILD, USER, id, Set.of()).join())
                .isEqualTo(new Refused(Refused.Reason.NO_INTERVIEW));
        assertThat(interviews.start(GUILD, USER, spec("a", Difficulty.MID, 3))).isInstanceOf(StartResult.Started.class);
    }

    @Test
    @DisplayName("stopping early reports what was graded so far")
    void stopEarly() {
        Asked asked = start(spec("a", Difficulty.MID, 3));
        interviews.submit(GUILD, USER, asked.sessionId(), Optional.empty());
        interviews.grade(GUILD, USER, asked.sessionId(), Set.of()).join();

        InterviewReport report = interviews.stop(GUILD, USER).orElseThrow();

        assertThat(report.finished()).isFalse();
        assertThat(report.planned()).isEqualTo(3);
        assertThat(report.results()).hasSize(1);
        assertThat(report.overall()).isZero();
        assertThat(report.weak()).containsExactly("a");
        assertThat(report.addedToDeck()).hasSize(1);
        assertThat(Transcript.markdown(report)).contains("1 of 3 questions (stopped early)");
        assertThat(interviews.stop(GUILD, USER)).isEmpty();
    }
}
