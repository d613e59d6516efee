package dev.drillbit.app;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the bot's clock-driven work (closing group questions, expiring idle quizzes, later schedules) once
 * a second on one daemon thread. The work itself reads the injected clock, so moving that clock (the
 * playground's {@code clock} command) takes effect at the next beat; {@link #beat()} runs it at once.
 * A task that throws is logged and the others still run. Thread-safe.
 */
final class Heartbeat implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Heartbeat.class);

    private final List<Runnable> tasks;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "drillbit-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    Heartbeat(List<Runnable> tasks) {
        this.tasks = List.copyOf(tasks);
    }

    void start(Duration period) {
        executor.scheduleWithFixedDelay(this::beatQuietly, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs every task now, on the caller's thread, one at a time with the scheduled beats. */
    synchronized void beat() {
        for (Runnable task : tasks) {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("heartbeat task failed", e);
            }
        }
    }

    private void beatQuietly() {
        beat();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
