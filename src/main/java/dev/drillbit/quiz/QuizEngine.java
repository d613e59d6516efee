package dev.drillbit.quiz;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.drillbit.bank.Question;
import dev.drillbit.bank.QuestionBank;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs quiz sessions. Sessions live in a Caffeine cache keyed by session id, bounded in size and expiring
 * after an idle time measured by the injected {@link Ticker}; instants come from the injected
 * {@link Clock}. Whenever a session leaves the cache (finished, stopped, expired, evicted) the end
 * listener hears of it on the thread that caused the removal. Thread-safe.
 */
public final class QuizEngine {
    private static final Logger LOG = LoggerFactory.getLogger(QuizEngine.class);

    private final QuestionBank bank;
    private final Scoring scoring;
    private final Clock clock;
    private final Random random;
    private final AnswerChecker checker = new AnswerChecker();
    private final Cache<String, QuizSession> sessions;
    private final ConcurrentMap<Owner, String> active = new ConcurrentHashMap<>();

    /** Settings of the engine. Immutable. */
    public record Settings(Duration idle, long maxSessions) {}

    public QuizEngine(QuestionBank bank, Scoring scoring, Settings settings, Ticker ticker, Clock clock, Random random,
            Consumer<QuizSummary> onEnd) {
        this.bank = bank;
        this.scoring = scoring;
        this.clock = clock;
        this.random = random;
        this.sessions = Caffeine.newBuilder()
                .ticker(ticker)
                .executor(Runnable::run)
                .expireAfterAccess(settings.idle())
                .maximumSize(settings.maxSessions())
                .<String, QuizSession>removalListener((id, session, cause) -> ended(session, cause, onEnd))
                .build();
    }

    private void ended(QuizSession session, RemovalCause cause, Consumer<QuizSummary> onEnd) {
        if (session == null || cause == RemovalCause.REPLACED) {
            return;
        }
        active.remove(session.owner(), session.id());
        EndReason reason = cause == RemovalCause.EXPIRED ? EndReason.EXPIRED
                : cause == RemovalCause.SIZE ? EndReason.EVICTED : EndReason.STOPPED;
        QuizSummary summary = session.end(reason);
        LOG.info("quiz {} ended ({}) guild={} channel={} user={}", session.id(), summary.reason(),
                session.owner().guildId(), session.owner().channelId(), session.owner().userId());
        try {
            onEnd.accept(summary);
        } catch (RuntimeException e) {
            LOG.error("quiz end listener failed for session {}", session.id(), e);
        }
    }

    /** Starts a quiz for {@code owner} unless one is already running there. */
    public StartOutcome start(Owner owner, QuizSpec spec) {
        List<Question> pool = new ArrayList<>(bank.questions(spec.filter()));
        if (pool.isEmpty()) {
            return new StartOutcome.NoQuestions(spec.filter());
        }
        StartOutcome[] outcome = new StartOutcome[1];
        active.compute(owner, (key, runningId) -> {
            QuizSession running = runningId == null ? null : sessions.getIfPresent(runningId);
            if (running != null && running.isRunning()) {
                outcome[0] = new StartOutcome.AlreadyRunning(running);
                return runningId;
            }
            List<Question> drawn;
            synchronized (random) {
                Collections.shuffle(pool, random);
            }
            drawn = pool.subList(0, Math.min(spec.count(), pool.size()));
            QuizSession session = new QuizSession(newId(), owner, drawn, scoring, checker, clock.instant());
            sessions.put(session.id(), session);
            outcome[0] = new StartOutcome.Started(session, pool.size());
            LOG.info("quiz {} started guild={} channel={} user={} questions={}", session.id(), owner.guildId(),
                    owner.channelId(), owner.userId(), drawn.size());
            return session.id();
        });
        return outcome[0];
    }

    private String newId() {
        while (true) {
            long bits;
            synchronized (random) {
                bits = random.nextLong() & 0xFF_FFFF_FFFFL;
            }
            String id = String.format("%8s", Long.toString(bits, 36)).replace(' ', '0');
            if (sessions.getIfPresent(id) == null) {
                return id;
            }
        }
    }

    /** The session with this id, if it is still running; looking counts as activity. */
    public Optional<QuizSession> session(String id) {
        return Optional.ofNullable(sessions.getIfPresent(id)).filter(QuizSession::isRunning);
    }

    /** The quiz running for {@code owner}, if any. */
    public Optional<QuizSession> active(Owner owner) {
        return Optional.ofNullable(active.get(owner)).flatMap(this::session);
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
        return Optional.ofNullable(sessions.getIfPresent(sessionId))
                .map(s -> s.withdraw(userId, position))
                .orElse(false);
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
            sessions.invalidate(session.id());
        }
        return advance;
    }

    /** Ends {@code owner}'s quiz now; empty when none is running. */
    public Optional<QuizSummary> stop(Owner owner) {
        Optional<QuizSession> session = active(owner);
        session.ifPresent(s -> {
            s.end(EndReason.STOPPED);
            sessions.invalidate(s.id());
        });
        return session.map(QuizSession::summary);
    }

    /** Group sessions whose current question is still open although its deadline has passed. */
    public List<QuizSession> dueForClose() {
        Instant now = clock.instant();
        return sessions.asMap().values().stream()
                .filter(s -> s.owner().isGroup() && s.isRunning() && !s.isClosed() && now.isAfter(s.deadline()))
                .toList();
    }

    /** Runs pending expiry, so listeners hear of idle sessions without waiting for the next access. */
    public void expireIdle() {
        sessions.cleanUp();
    }

    public long runningCount() {
        return sessions.estimatedSize();
    }

    public Clock clock() {
        return clock;
    }
}
