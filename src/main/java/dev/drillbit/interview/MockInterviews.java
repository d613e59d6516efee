package dev.drillbit.interview;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.drillbit.bank.Difficulty;
import dev.drillbit.bank.Question;
import dev.drillbit.bank.QuestionBank;
import dev.drillbit.bank.QuestionType;
import dev.drillbit.learning.LearningStore;
import dev.drillbit.progress.Answer;
import dev.drillbit.progress.MemberRef;
import dev.drillbit.quiz.AnswerChecker;
import dev.drillbit.quiz.AnswerOutcome;
import dev.drillbit.quiz.Scoring;
import dev.drillbit.session.SessionRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs mock interviews, one per member and guild. Sessions live in a {@link SessionRegistry}, bounded in
 * size and expiring after an idle time measured by the injected {@link Ticker}; instants come from the injected
 * {@link Clock}. Every action names the session it is for, so an old button of a finished interview is
 * refused rather than applied to a new one.
 *
 * <h2>Drawing</h2>
 * Open and short-answer questions (of the step, when one is given), at the level first; when the level
 * has too few, topped up from the nearest other level (junior: mid then senior; mid: junior then senior;
 * senior: mid then junior), each tier shuffled. Fewer than {@link InterviewSpec#MIN_LENGTH} in all: no
 * interview. Time limits are the quiz's ({@link Scoring#timeLimit}).
 *
 * <h2>Recording</h2>
 * Grading a question records it in the store (0 points, with its time and limit) before the candidate
 * is told anything; the returned future completes after that. If recording fails the question stays
 * revealed and can be graded again.
 *
 * <p>Thread-safe.
 */
public final class MockInterviews {
    private static final Logger LOG = LoggerFactory.getLogger(MockInterviews.class);

    private final QuestionBank bank;
    private final Scoring scoring;
    private final LearningStore store;
    private final Clock clock;
    private final Random random;
    private final AnswerChecker checker = new AnswerChecker();
    private final SessionRegistry<MemberRef, MockInterview> sessions;

    /** Settings of the engine. Immutable. */
    public record Settings(Duration idle, long maxSessions) {
        public static final Settings DEFAULT = new Settings(Duration.ofMinutes(30), 10_000);
    }

    public MockInterviews(
            QuestionBank bank,
            Scoring scoring,
            LearningStore store,
            Settings settings,
            Ticker ticker,
            Clock clock,
            Random random) {
        this.bank = bank;
        this.scoring = scoring;
        this.store = store;
        this.clock = clock;
        this.random = random;
        this.sessions =
                new SessionRegistry<>(settings.idle(), settings.maxSessions(), ticker, random, (session, why) -> {});
    }

    public StartResult start(long guildId, long userId, InterviewSpec spec) {
        List<Question> drawn = draw(bank, spec, random);
        if (drawn.size() < InterviewSpec.MIN_LENGTH) {
            return new StartResult.NoQuestions(spec, drawn.size());
        }
        MemberRef candidate = new MemberRef(guildId, userId);
        SessionRegistry.Start<MockInterview> start = sessions.start(
                candidate, id -> new MockInterview(id, candidate, spec, drawn, scoring, checker, clock.instant()));
        if (start instanceof SessionRegistry.Start.AlreadyRunning<MockInterview> running) {
            return new StartResult.AlreadyRunning(running.session().id());
        }
        MockInterview session = ((SessionRegistry.Start.Started<MockInterview>) start).session();
        LOG.info(
                "interview {} started guild={} user={} level={} step={} questions={}",
                session.id(),
                guildId,
                userId,
                spec.level().id(),
                spec.step().orElse("any"),
                drawn.size());
        return new StartResult.Started(session.current());
    }

    /** The questions an interview of this spec would ask, in order. */
    static List<Question> draw(QuestionBank bank, InterviewSpec spec, Random random) {
        List<Question> out = new ArrayList<>();
        for (Difficulty level : tiers(spec.level())) {
            List<Question> tier = new ArrayList<>(bank.questions().stream()
                    .filter(q -> q.type() == QuestionType.OPEN || q.type() == QuestionType.SHORT_ANSWER)
                    .filter(q -> spec.step().map(s -> s.equals(q.step())).orElse(true))
                    .filter(q -> q.difficulty() == level)
                    .toList());
            SessionRegistry.shuffle(tier, random);
            out.addAll(tier.subList(0, Math.min(tier.size(), spec.length() - out.size())));
            if (out.size() == spec.length()) {
                break;
            }
        }
        return out;
    }

    static List<Difficulty> tiers(Difficulty level) {
        return switch (level) {
            case JUNIOR -> List.of(Difficulty.JUNIOR, Difficulty.MID, Difficulty.SENIOR);
            case MID -> List.of(Difficulty.MID, Difficulty.JUNIOR, Difficulty.SENIOR);
            case SENIOR -> List.of(Difficulty.SENIOR, Difficulty.MID, Difficulty.JUNIOR);
        };
    }

    /** The member's running interview; looking counts as activity. */
    public Optional<MockInterview> active(long guildId, long userId) {
        return sessions.runningFor(new MemberRef(guildId, userId));
    }

    private Optional<MockInterview> session(long guildId, long userId, String sessionId) {
        return active(guildId, userId).filter(s -> s.id().equals(sessionId));
    }

    /**
     * The candidate's answer to the current question ({@code text} empty: they thought it through), or
     * their wish to see the answer: reveals the answer and what to tick.
     */
    public SubmitResult submit(long guildId, long userId, String sessionId, Optional<String> text) {
        return session(guildId, userId, sessionId)
                .map(s -> s.submit(text, clock.instant()))
                .orElseGet(() -> new Refused(Refused.Reason.NO_INTERVIEW));
    }

    /**
     * Grades the revealed question with the checklist items ticked (indexes into
     * {@link Revealed#checklist()}), records it, and moves on. Completes with the next question or, after
     * the last, the report; exceptionally when the answer could not be recorded.
     */
    public CompletableFuture<GradeResult> grade(long guildId, long userId, String sessionId, Set<Integer> ticked) {
        Optional<MockInterview> found = session(guildId, userId, sessionId);
        if (found.isEmpty()) {
            return CompletableFuture.completedFuture(new Refused(Refused.Reason.NO_INTERVIEW));
        }
        MockInterview s = found.get();
        Asked asked = s.current();
        Question q = asked.question();
        boolean inDeck = store.learner(userId).deck().stream()
                .anyMatch(c -> c.questionId().equals(q.id()));
        Optional<QuestionResult> graded = s.grade(ticked, inDeck);
        if (graded.isEmpty()) {
            return CompletableFuture.completedFuture(new Refused(Refused.Reason.NOT_NOW));
        }
        QuestionResult r = graded.get();
        Answer answer = Answer.of(
                guildId,
                userId,
                q,
                Optional.empty(),
                q instanceof Question.Open ? Optional.of(MockInterview.selfGrade(r.score())) : Optional.empty(),
                r.correct(),
                0,
                Optional.of(new AnswerOutcome.Timing(r.took(), asked.limit())),
                clock.instant());
        return store.record(answer).handle((event, error) -> {
            if (error != null) {
                s.gradingFailed();
                LOG.warn(
                        "interview {} could not record question {} guild={} user={}",
                        s.id(),
                        q.id(),
                        guildId,
                        userId,
                        error);
                throw error instanceof CompletionException c ? c : new CompletionException(error);
            }
            Optional<Asked> next = s.graded(r, clock.instant());
            if (next.isPresent()) {
                return new GradeResult.Next(r, next.get());
            }
            sessions.remove(s);
            InterviewReport report = s.report();
            LOG.info(
                    "interview {} finished guild={} user={} score={}",
                    s.id(),
                    guildId,
                    userId,
                    Math.round(report.overall() * 100));
            return new GradeResult.Finished(r, report);
        });
    }

    /** Ends the member's interview now; the report covers the questions graded so far. */
    public Optional<InterviewReport> stop(long guildId, long userId) {
        Optional<MockInterview> running = active(guildId, userId);
        if (running.isEmpty() || !sessions.remove(running.get())) {
            return Optional.empty();
        }
        MockInterview s = running.get();
        s.end();
        LOG.info("interview {} stopped guild={} user={}", s.id(), guildId, userId);
        return Optional.of(s.report());
    }

    /** Runs pending expiry (idle sessions are dropped; what was graded is already recorded). */
    public void expireIdle() {
        sessions.expireIdle();
    }

    public long runningCount() {
        return sessions.size();
    }
}
