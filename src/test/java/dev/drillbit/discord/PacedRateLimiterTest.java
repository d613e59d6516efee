package dev.drillbit.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbit.testsupport.ManualTime;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.dv8tion.jda.api.requests.RestRateLimiter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Stopping the bot's limiter, which is JDA's paced one plus one per stripe of interaction routes. */
class PacedRateLimiterTest {
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stopScheduler() {
        scheduler.shutdownNow();
    }

    @Test
    void stoppingRunsTheCallbackOnceWhenEveryLimiterHasStopped() throws InterruptedException {
        // GIVEN the bot's limiter with nothing queued
        PacedRateLimiter limiter = new PacedRateLimiter(
                new RestRateLimiter.RateLimitConfig(scheduler, RestRateLimiter.GlobalRateLimit.create(), true),
                new GlobalPace(47, ManualTime.at("2026-12-04T09:00:00Z")));
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch called = new CountDownLatch(1);

        // WHEN JDA stops it
        limiter.stop(true, () -> {
            calls.incrementAndGet();
            called.countDown();
        });

        // THEN JDA hears it stopped, once, and it says so
        assertThat(called.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(calls).hasValue(1);
        assertThat(limiter.isStopped()).isTrue();
    }
}
