package dev.drillbit.discord;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.requests.RestRateLimiter;
import net.dv8tion.jda.api.requests.SequentialRestRateLimiter;

/**
 * JDA's own {@link SequentialRestRateLimiter} (per-route buckets from Discord's headers, retries after a
 * 429), behind a {@link GlobalPace} shared by every shard: a request on a route that counts towards the
 * global limit is handed to JDA's limiter at its slot; an interaction's own requests (callbacks, follow-ups
 * and edits through its token), which Discord exempts from the global limit and which race the 3-second
 * deadline, go at once.
 *
 * <p>Threading: thread-safe, as JDA requires; waiting requests are held by JDA's rate-limit scheduler.
 */
final class PacedRateLimiter implements RestRateLimiter {
    private final RestRateLimiter jda;
    private final GlobalPace pace;
    private final ScheduledExecutorService scheduler;

    PacedRateLimiter(RateLimitConfig config, GlobalPace pace) {
        this.jda = new SequentialRestRateLimiter(config);
        this.pace = pace;
        this.scheduler = config.getScheduler();
    }

    @Override
    public void enqueue(Work task) {
        if (task.getRoute().getBaseRoute().isInteractionBucket()) {
            jda.enqueue(task);
            return;
        }
        long wait = pace.reserve();
        if (wait <= 0) {
            jda.enqueue(task);
            return;
        }
        try {
            scheduler.schedule(() -> jda.enqueue(task), wait, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopping) {
            jda.enqueue(task); // JDA is shutting down: let its limiter refuse or finish it
        }
    }

    @Override
    public void stop(boolean shutdown, Runnable callback) {
        jda.stop(shutdown, callback);
    }

    @Override
    public boolean isStopped() {
        return jda.isStopped();
    }

    @Override
    public int cancelRequests() {
        return jda.cancelRequests();
    }
}
