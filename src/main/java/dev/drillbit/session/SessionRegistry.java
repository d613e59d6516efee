package dev.drillbit.session;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running sessions of one kind (quizzes, mock interviews): a Caffeine cache keyed by session id,
 * bounded in size and expiring after an idle time measured by the injected {@link Ticker}, with at most
 * one running session per owner. Ids are eight base-36 characters from the injected {@link Random},
 * never one a held session has. Whenever a session leaves (removed, expired, evicted) the removal
 * listener hears of it once, on the thread that caused the removal.
 *
 * <p>Thread-safe. The random is shared with whoever draws questions for the sessions, so every use of it
 * locks it ({@link #shuffle}).
 *
 * @param <O> the owner
 * @param <S> the session
 */
public final class SessionRegistry<O, S extends Session<O>> {
    private static final Logger LOG = LoggerFactory.getLogger(SessionRegistry.class);

    private final Random random;
    private final Cache<String, S> sessions;
    private final ConcurrentMap<O, String> active = new ConcurrentHashMap<>();

    /** The result of {@link #start}. */
    public sealed interface Start<S> {
        /** A new session, now held. */
        record Started<S>(S session) implements Start<S> {}

        /** The owner's session that still runs; nothing was created. */
        record AlreadyRunning<S>(S session) implements Start<S> {}
    }

    /**
     * @param idle how long a session may go untouched before it expires
     * @param maxSessions how many sessions are held at most; the least recently used go first
     * @param onRemoval hears each session that leaves, with why; its failures are logged, never thrown
     */
    public SessionRegistry(
            Duration idle, long maxSessions, Ticker ticker, Random random, BiConsumer<S, Removal> onRemoval) {
        this.random = random;
        this.sessions = Caffeine.newBuilder()
                .ticker(ticker)
                .executor(Runnable::run)
                .expireAfterAccess(idle)
                .maximumSize(maxSessions)
                .<String, S>removalListener((id, session, cause) -> removed(session, cause, onRemoval))
                .build();
    }

    private void removed(S session, RemovalCause cause, BiConsumer<S, Removal> onRemoval) {
        if (session == null || cause == RemovalCause.REPLACED) {
            return;
        }
        active.remove(session.owner(), session.id());
        Removal why = cause == RemovalCause.EXPIRED
                ? Removal.EXPIRED
                : cause == RemovalCause.SIZE ? Removal.EVICTED : Removal.REMOVED;
        try {
            onRemoval.accept(session, why);
        } catch (RuntimeException e) {
            LOG.error("removal listener failed for session {}", session.id(), e);
        }
    }

    /**
     * Creates and holds a session for {@code owner} with a fresh id, unless the owner's session still runs.
     * {@code create} may be called more than once (when a drawn id is taken), so it must do nothing but
     * build the session.
     */
    public Start<S> start(O owner, Function<String, S> create) {
        @SuppressWarnings("unchecked")
        Start<S>[] result = new Start[1];
        active.compute(owner, (key, runningId) -> {
            S running = runningId == null ? null : sessions.getIfPresent(runningId);
            if (running != null && running.isRunning()) {
                result[0] = new Start.AlreadyRunning<>(running);
                return runningId;
            }
            S created = hold(create);
            result[0] = new Start.Started<>(created);
            return created.id();
        });
        return result[0];
    }

    private S hold(Function<String, S> create) {
        while (true) {
            S session = create.apply(newId());
            if (sessions.asMap().putIfAbsent(session.id(), session) == null) {
                return session;
            }
            // the id is taken by a held session: draw another
        }
    }

    private String newId() {
        long bits;
        synchronized (random) {
            bits = random.nextLong() & 0xFF_FFFF_FFFFL;
        }
        return String.format("%8s", Long.toString(bits, 36)).replace(' ', '0');
    }

    /** The running session with this id; looking counts as activity. */
    public Optional<S> running(String id) {
        return held(id).filter(Session::isRunning);
    }

    /** The session with this id whether it still runs or not, as long as it is held. */
    public Optional<S> held(String id) {
        return Optional.ofNullable(sessions.getIfPresent(id));
    }

    /** The owner's running session; looking counts as activity. */
    public Optional<S> runningFor(O owner) {
        return Optional.ofNullable(active.get(owner)).flatMap(this::running);
    }

    /** Takes the session out (the listener hears {@link Removal#REMOVED}); false when it was not held. */
    public boolean remove(S session) {
        return sessions.asMap().remove(session.id(), session);
    }

    /** A snapshot of the held sessions, running or not, without counting as activity. */
    public List<S> all() {
        return List.copyOf(sessions.asMap().values());
    }

    /** Runs pending expiry, so the listener hears of idle sessions without waiting for the next access. */
    public void expireIdle() {
        sessions.cleanUp();
    }

    public long size() {
        return sessions.estimatedSize();
    }

    /** Shuffles {@code items} in place with this registry's random. */
    public <T> void shuffle(List<T> items) {
        shuffle(items, random);
    }

    /** Shuffles {@code items} in place, holding {@code random}'s lock as every user of a shared random must. */
    public static <T> void shuffle(List<T> items, Random random) {
        synchronized (random) {
            Collections.shuffle(items, random);
        }
    }
}
