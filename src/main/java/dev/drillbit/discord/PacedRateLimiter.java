package dev.drillbit.discord;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import net.dv8tion.jda.api.requests.RestRateLimiter;
import net.dv8tion.jda.api.requests.SequentialRestRateLimiter;

/**
 * JDA's own {@link SequentialRestRateLimiter} (per-route buckets from Discord's headers, retries after a
 * 429), behind a {@link GlobalPace} shared by every shard: a request on a route that counts towards the
 * global limit is handed to JDA's limiter at its slot; an interaction's own requests (callbacks, follow-ups
 * and edits through its token), which Discord exempts from the global limit and which race the 3-second
 * deadline, go at once.
 *
 * <p>An interaction's requests go to one of {@link #INTERACTION_STRIPES} limiters of JDA's own kind, chosen by
 * the request's major parameter (the interaction, or its token), so that each interaction's buckets stay in
 * one limiter as before. JDA's limiter keeps all its buckets under one lock, taken for every request queued
 * and every answer read; at hundreds of interactions a second (two or more requests each, every one a
 * bucket of its own) the round trip's profile showed the bot's threads queueing on that lock for whole
 * seconds when a thread holding it lost its core. Interaction buckets share nothing (Discord exempts them
 * from the global limit), so they can be kept apart.
 *
 * <p>When JDA stops, requests still waiting for their slot are handed to its limiter at once, so that a
 * graceful shutdown finishes them as it finishes JDA's own queue.
 *
 * <p>Threading: thread-safe, as JDA requires; waiting requests are held by JDA's rate-limit scheduler.
 */
final class PacedRateLimiter implements RestRateLimiter {
    /** JDA limiters for interaction routes, each with its own lock. */
    static final int INTERACTION_STRIPES = 8;

    private final RestRateLimiter jda;
    private final List<RestRateLimiter> interactions;
    private final GlobalPace pace;
    private final ScheduledExecutorService scheduler;
    private final GlobalRateLimit global;
    private final Set<Work> waiting = ConcurrentHashMap.newKeySet();

    PacedRateLimiter(RateLimitConfig config, GlobalPace pace) {
        this.jda = new SequentialRestRateLimiter(config);
        this.interactions = IntStream.range(0, INTERACTION_STRIPES)
                .<RestRateLimiter>mapToObj(i -> new SequentialRestRateLimiter(config))
                .toList();
        this.pace = pace;
        this.scheduler = config.getScheduler();
        this.global = config.getGlobalRateLimit();
    }

    @Override
    public void enqueue(Work task) {
        if (task.getRoute().getBaseRoute().isInteractionBucket()) {
            String major = task.getRoute().getMajorParameters();
            interactions
                    .get(Math.floorMod(major.hashCode(), INTERACTION_STRIPES))
                    .enqueue(task);
            return;
        }
        waiting.add(task);
        schedule(task, pace.reserveAfter(globalBackoffNanos()));
    }

    /** What is left of a global 429's wait, which JDA keeps for the whole bot; 0 when none. */
    private long globalBackoffNanos() {
        return TimeUnit.MILLISECONDS.toNanos(Math.max(0, global.getClassic() - System.currentTimeMillis()));
    }

    private void schedule(Work task, long waitNanos) {
        if (waitNanos <= 0) {
            release(task);
            return;
        }
        try {
            scheduler.schedule(() -> release(task), waitNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopping) {
            handOver(task); // JDA is shutting down: let its limiter refuse or finish it
        }
    }

    /**
     * At its slot, a request goes to JDA's limiter; unless a global 429 came meanwhile, in which case it takes
     * a new slot after that wait (JDA would hold it, and then send it with every other one it held at once).
     */
    private void release(Work task) {
        long backoff = globalBackoffNanos();
        if (backoff > 0 && waiting.contains(task)) {
            schedule(task, pace.reserveAfter(backoff));
            return;
        }
        handOver(task);
    }

    /** Hands a waiting request to JDA's limiter, once: at its slot, or at stop, whichever comes first. */
    private void handOver(Work task) {
        if (waiting.remove(task)) {
            jda.enqueue(task);
        }
    }

    /** Stops every limiter; {@code callback} runs once, when the last of them has shut down. */
    @Override
    public void stop(boolean shutdown, Runnable callback) {
        List.copyOf(waiting).forEach(this::handOver);
        AtomicInteger running = new AtomicInteger(1 + interactions.size());
        Runnable last = () -> {
            if (running.decrementAndGet() == 0) {
                callback.run();
            }
        };
        interactions.forEach(limiter -> limiter.stop(shutdown, last));
        jda.stop(shutdown, last);
    }

    @Override
    public boolean isStopped() {
        return jda.isStopped() && interactions.stream().allMatch(RestRateLimiter::isStopped);
    }

    @Override
    public int cancelRequests() {
        return jda.cancelRequests()
                + interactions.stream()
                        .mapToInt(RestRateLimiter::cancelRequests)
                        .sum();
    }
}
