package dev.drillbit.quiz;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.drillbit.bank.GuildBanks;
import dev.drillbit.bank.Question;
import dev.drillbit.bank.QuestionBank;
import dev.drillbit.session.Removal;
import dev.drillbit.session.SessionRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs quiz sessions and makes their decisions: answers, moving on, who may stop a quiz
 * ({@link #stop(String, long, boolean)}), and when a group question closes ({@link #closeDue}). Sessions
 * live in a {@link SessionRegistry}, bounded in size and expiring after an idle time measured by the
 * injected {@link Ticker}; instants come from the injected {@link Clock}. Whenever a session leaves
 * (finished, stopped, expired, evicted) the end listener hears of it on the thread that caused the
 * removal. Thread-safe.
 */
public final class QuizEngine {
    private static final Logger LOG = LoggerFactory.getLogger(QuizEngine.class);

    private final GuildBanks banks;
    private final Scoring scoring;
    private final Clock clock;
    private final AnswerChecker checker = new AnswerChecker();
    private final SessionRegistry<Owner, QuizSession> sessions;

    /** Settings of the engine. Immutable. */
    public record Settings(Duration idle, long maxSessions) {}

    /** An engine whose quizzes all draw from one bank. */
    public QuizEngine(
            QuestionBank bank,
            Scoring scoring,
            Settings settings,
            Ticker ticker,
            Clock clock,
            Random random,
            Consumer<QuizSummary> onEnd) {
        this(GuildBanks.only(bank), scoring, settings, ticker, clock, random, onEnd);
    }

    /** An engine whose quizzes draw from the bank of the server they run in (the shipped one and its packs). */
    public QuizEngine(
            GuildBanks banks,
            Scoring scoring,
            Settings settings,
            Ticker ticker,
            Clock clock,
            Random random,
            Consumer<QuizSummary> onEnd) {
        this.banks = banks;
        this.scoring = scoring;
        this.clock = clock;
        this.sessions = new SessionRegistry<>(
                settings.idle(), settings.maxSessions(), ticker, random, (session, why) -> ended(session, why, onEnd));
    }

    private void ended(QuizSession session, Removal why, Consumer<QuizSummary> onEnd) {
        EndReason reason = why == Removal.EXPIRED
                ? EndReason.EXPIRED
                : why == Removal.EVICTED ? EndReason.EVICTED : EndReason.STOPPED;
        QuizSummary summary = session.end(reason);
        LOG.info(
                "quiz {} ended ({}) guild={} channel={} user={}",
                session.id(),
                summary.reason(),
                session.owner().guildId(),
                session.owner().channelId(),
                session.owner().userId());
        onEnd.accept(summary);
    }

    /** Starts a quiz for {@code owner}, started by its member, unless one is already running there. */
    public StartOutcome start(Owner owner, QuizSpec spec) {
        return start(owner, owner.userId(), spec);
    }

    /**
     * Starts a quiz for {@code owner} unless one is already running there.
     *
     * @param startedBy the member who started it, who may stop it ({@link QuizSession#mayStop})
     */
    public StartOutcome start(Owner owner, long startedBy, QuizSpec spec) {
        List<Question> pool = new ArrayList<>(banks.forGuild(owner.guildId()).questions(spec.filter()));
        if (pool.isEmpty()) {
            return new StartOutcome.NoQuestions(spec.filter());
        }
        sessions.shuffle(pool);
        List<Question> drawn = pool.subList(0, Math.min(spec.count(), pool.size()));
        SessionRegistry.Start<QuizSession> start = sessions.start(
                owner, id -> new QuizSession(id, owner, startedBy, drawn, scoring, checker, clock.instant()));
        if (start instanceof SessionRegistry.Start.AlreadyRunning<QuizSession> running) {
            return new StartOutcome.AlreadyRunning(running.session());
        }
        QuizSession session = ((SessionRegistry.Start.Started<QuizSession>) start).session();
        LOG.info(
                "quiz {} started guild={} channel={} user={} mode={} questions={}",
                session.id(),
                owner.guildId(),
                owner.channelId(),
                startedBy,
                owner.mode(),
                drawn.size());
        return new StartOutcome.Started(session, pool.size());
    }

    /** The session with this id, if it is still running; looking counts as activity. */
    public Optional<QuizSession> session(String id) {
        return sessions.running(id);
    }

    /** The quiz running for {@code owner}, if any. */
    public Optional<QuizSession> active(Owner owner) {
        return sessions.runningFor(owner);
    }

    public AnswerOutcome answer(String sessionId, long userId, int position, Response response) {
        return session(sessionId)
                .map(s -> s.answer(userId, position, response, clock.instant()))
                .orElseGet(AnswerOutcome.Expired::new);
    }

    /**
     * Takes back an answer that could not be recorded (see {@link QuizSession#withdraw}); returns whether
     * the member may answer again.
     */
    public boolean withdraw(String sessionId, long userId, int position) {
        return sessions.held(sessionId).map(s -> s.withdraw(userId, position)).orElse(false);
    }

    /** Why {@code userId} may not act on question {@code position} now; empty when they may. */
    public Optional<AnswerOutcome> refusal(String sessionId, long userId, int position) {
        return session(sessionId)
                .map(s -> s.refusal(userId, position, clock.instant()))
                .orElseGet(() -> Optional.of(new AnswerOutcome.Expired()));
    }

    /** Moves a quiz past a closed question; ends and removes it after the last one. */
    public Advance next(String sessionId, long userId, int position) {
        return session(sessionId)
                .map(s -> finishIfDone(s, s.next(userId, position, clock.instant())))
                .orElseGet(() -> new Advance.Refused(new AnswerOutcome.Expired()));
    }

    /** Solo: skips the current question. */
    public Advance skip(String sessionId, long userId, int position) {
        return session(sessionId)
                .map(s -> finishIfDone(s, s.skip(userId, position, clock.instant())))
                .orElseGet(() -> new Advance.Refused(new AnswerOutcome.Expired()));
    }

    private Advance finishIfDone(QuizSession session, Advance advance) {
        if (advance instanceof Advance.Finished) {
            sessions.remove(session);
        }
        return advance;
    }

    /** Ends {@code owner}'s quiz now; empty when none is running. */
    public Optional<QuizSummary> stop(Owner owner) {
        Optional<QuizSession> session = active(owner);
        session.ifPresent(s -> {
            s.end(EndReason.STOPPED);
            sessions.remove(s);
        });
        return session.map(QuizSession::summary);
    }

    /**
     * {@code userId} asks to stop the quiz {@code sessionId}; {@code managesServer} says whether they manage
     * the server, which lets them stop any group quiz. The rule is {@link QuizSession#mayStop}.
     */
    public StopOutcome stop(String sessionId, long userId, boolean managesServer) {
        Optional<QuizSession> found = session(sessionId);
        if (found.isEmpty()) {
            return new StopOutcome.NotRunning();
        }
        QuizSession session = found.get();
        if (!session.mayStop(userId, managesServer)) {
            return new StopOutcome.NotAllowed(session);
        }
        session.end(EndReason.STOPPED);
        return sessions.remove(session) ? new StopOutcome.Stopped(session.summary()) : new StopOutcome.NotRunning();
    }

    /**
     * Closes every group question whose deadline has passed at {@code now} and is on screen ({@code shown}:
     * the adapter leaves a question open until its message is out): reveals it and moves its quiz on to the
     * next question or to its end. A finished quiz leaves the engine.
     */
    public List<GroupStep> closeDue(Instant now, Predicate<QuizSession> shown) {
        List<GroupStep> steps = new ArrayList<>();
        for (QuizSession session : sessions.all()) {
            if (!session.owner().isGroup() || !session.isRunning() || !shown.test(session)) {
                continue;
            }
            session.closeIfDue(now).ifPresent(step -> {
                if (step instanceof GroupStep.Finished) {
                    sessions.remove(session);
                }
                steps.add(step);
            });
        }
        return steps;
    }

    /** Runs pending expiry, so listeners hear of idle sessions without waiting for the next access. */
    public void expireIdle() {
        sessions.expireIdle();
    }

    public long runningCount() {
        return sessions.size();
    }

    public Clock clock() {
        return clock;
    }
}
