package dev.drillbit.discord;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * What the Discord adapter counts, in Micrometer meters: interactions by command and outcome, how long the
 * bot took to hand over its reply, and daily runs posted or failed. {@link #none()} records into nothing
 * (metrics off). Thread-safe: Micrometer's meters are.
 */
public final class DiscordMetrics {
    /** An interaction's handler ran and returned. */
    public static final String OK = "ok";
    /** Its handler threw; the member was told it failed. */
    public static final String FAILED = "failed";
    /** Nothing handles it (an old button) or it came from outside a server; the member was told why. */
    public static final String REFUSED = "refused";

    private final MeterRegistry registry;

    public DiscordMetrics(MeterRegistry registry) {
        this.registry = registry;
        // both series from the start, so a scrape shows 0 rather than nothing before the first run
        dailyRuns(true);
        dailyRuns(false);
    }

    /** Records nothing. */
    public static DiscordMetrics none() {
        return new DiscordMetrics(new CompositeMeterRegistry());
    }

    /**
     * One interaction handled.
     *
     * @param command the slash command, or the component prefix of a button, select or modal (never the whole
     *     id: that would make a series per quiz)
     * @param nanos from the event reaching the bot's handler to the handler handing over its reply
     */
    void interaction(String command, String outcome, long nanos) {
        Counter.builder("drillbit.interactions")
                .description("Interactions handled, by command and outcome")
                .tag("command", command)
                .tag("outcome", outcome)
                .register(registry)
                .increment();
        Timer.builder("drillbit.reply.latency")
                .description("Time from an interaction reaching its handler to the reply being handed over")
                .tag("command", command)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(3))
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    /** A daily run's questions were posted ({@code true}), or the run failed (not posted or not closed). */
    void dailyRun(boolean posted) {
        dailyRuns(posted).increment();
    }

    private Counter dailyRuns(boolean posted) {
        return Counter.builder("drillbit.daily.runs")
                .description("Daily quiz runs posted or failed")
                .tag("outcome", posted ? "posted" : "failed")
                .register(registry);
    }
}
