package dev.drillbit.bench;

import dev.drillbit.playground.InteractionHandle;
import dev.drillbit.playground.LocalChannel;
import dev.drillbit.playground.LocalDiscord;
import dev.drillbit.playground.LocalGuild;
import dev.drillbit.playground.LocalMember;
import dev.drillbit.playground.LocalMessage;
import dev.drillbit.playground.RateLimits;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SynchronizedHistogram;

/**
 * The load driver for the interaction round trip: a bot in its own process ({@link BotProcess}) against
 * the local Discord stand-in in this one, driven open-loop. Interactions are scheduled by time at a fixed
 * rate; each one's latency runs from its <em>intended</em> send time to the moment its callback request
 * reached the stand-in ({@link InteractionHandle#callbackReceivedNanos()}), so a driver or bot that falls
 * behind is charged for it (no coordinated omission).
 *
 * <p>The mix is what members do in a solo quiz: {@code /quiz start count:3}, then whatever the bot's last
 * message offers (an answer button, True/False, "Type your answer" then the form, "Show model answer"
 * then a self-grade, "Next question"), and a new quiz when one ends. The floor bot answers "ok" with one
 * button to a command and "ok" to a click, so its mix is commands and clicks too. Not thread-safe: one
 * run at a time.
 */
final class RoundTripLoad implements AutoCloseable {
    static final long LATE_NANOS = TimeUnit.SECONDS.toNanos(3);
    static final Duration GIVE_UP = Duration.ofSeconds(10);

    /** One rate's outcome; latencies in microseconds. */
    record Result(
            BotProcess.Kind kind,
            int rate,
            long sent,
            long answered,
            long late,
            long lost,
            long errors,
            Histogram micros) {
        double p50Ms() {
            return micros.getValueAtPercentile(50) / 1000.0;
        }

        double p99Ms() {
            return micros.getValueAtPercentile(99) / 1000.0;
        }

        double maxMs() {
            return micros.getMaxValue() / 1000.0;
        }

        /** Both slices together; {@code a} may be null. */
        static Result merge(Result a, Result b) {
            if (a == null) {
                return b;
            }
            Histogram all = a.micros.copy();
            all.add(b.micros);
            return new Result(
                    a.kind,
                    a.rate,
                    a.sent + b.sent,
                    a.answered + b.answered,
                    a.late + b.late,
                    a.lost + b.lost,
                    a.errors + b.errors,
                    all);
        }
    }

    private final BotProcess.Kind kind;
    private final LocalDiscord discord;
    private final LocalChannel channel;
    private final List<MemberState> members = new ArrayList<>();
    private final BotProcess bot;
    private final ConcurrentLinkedQueue<MemberState> ready = new ConcurrentLinkedQueue<>();

    RoundTripLoad(BotProcess.Kind kind, Env env, int memberCount) throws IOException, InterruptedException {
        this.kind = kind;
        this.discord = LocalDiscord.start(RateLimits.off());
        LocalGuild guild = discord.guild("Bench");
        this.channel = discord.channel(guild, "general");
        for (int i = 0; i < memberCount; i++) {
            LocalMember member = discord.member(guild, "m" + i, false);
            members.add(new MemberState(member));
        }
        this.bot = BotProcess.start(
                kind, env, discord, guild, env.dir("roundtrip-" + kind.name().toLowerCase()), !env.quick());
        discord.awaitCommand(guild, "quiz", Duration.ofSeconds(60));
        ready.addAll(members);
    }

    /** Sends {@code rate}/s for {@code warmup} (not recorded) then {@code measure}, then waits for stragglers. */
    Result run(int rate, Duration warmup, Duration measure) throws InterruptedException {
        Histogram micros = new SynchronizedHistogram(TimeUnit.SECONDS.toMicros(60), 3);
        AtomicLong answered = new AtomicLong();
        AtomicLong late = new AtomicLong();
        AtomicLong lost = new AtomicLong();
        AtomicLong outstanding = new AtomicLong();
        long errors = 0;
        long period = TimeUnit.SECONDS.toNanos(1) / rate;
        long warmupCount = warmup.toNanos() / period;
        long total = warmupCount + measure.toNanos() / period;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        long sent = 0;
        for (long i = 0; i < total; i++) {
            long intended = start + i * period;
            waitUntil(intended);
            MemberState member;
            while ((member = ready.poll()) == null) {
                LockSupport.parkNanos(20_000);
                if (System.nanoTime() - intended > GIVE_UP.toNanos()) {
                    throw new IllegalStateException("no member became free for 10 s; the bot stopped answering");
                }
            }
            boolean measured = i >= warmupCount;
            InteractionHandle handle;
            try {
                handle = member.next(discord, channel);
            } catch (RuntimeException e) {
                errors++;
                member.reset();
                ready.add(member);
                continue;
            }
            if (measured) {
                sent++;
            }
            outstanding.incrementAndGet();
            MemberState m = member;
            // a copy: orTimeout on the stand-in's own future would complete it, and the stand-in would then
            // refuse the bot's late callback as already acknowledged
            handle.callback()
                    .copy()
                    .orTimeout(GIVE_UP.toMillis(), TimeUnit.MILLISECONDS)
                    .whenComplete((callback, failed) -> {
                        if (failed != null) {
                            if (measured) {
                                lost.incrementAndGet();
                            }
                            m.reset();
                            ready.add(m);
                            outstanding.decrementAndGet();
                            return;
                        }
                        long nanos = handle.callbackReceivedNanos() - intended;
                        if (measured) {
                            answered.incrementAndGet();
                            micros.recordValue(Math.min(Math.max(nanos / 1000, 0), micros.getHighestTrackableValue()));
                            if (nanos > LATE_NANOS) {
                                late.incrementAndGet();
                            }
                        }
                        outstanding.decrementAndGet();
                        m.answered(handle, callback, ready);
                    });
        }
        long deadline = System.nanoTime() + GIVE_UP.toNanos() + TimeUnit.SECONDS.toNanos(1);
        while (outstanding.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        discord.forgetInteractions(1000);
        return new Result(kind, rate, sent, answered.get(), late.get(), lost.get(), errors, micros.copy());
    }

    private static void waitUntil(long nanos) {
        long left;
        while ((left = nanos - System.nanoTime()) > 0) {
            if (left > 200_000) {
                LockSupport.parkNanos(left - 100_000);
            } else {
                Thread.onSpinWait();
            }
        }
    }

    @Override
    public void close() {
        bot.close();
        discord.close();
    }

    /** What one member does next; touched by one thread at a time (the driver, then the REST thread). */
    private static final class MemberState {
        private final LocalMember member;
        private volatile LocalMessage last;
        private volatile InteractionHandle modalOpener;
        private volatile String modalId;
        private volatile boolean lastWasStart;

        MemberState(LocalMember member) {
            this.member = member;
        }

        void reset() {
            last = null;
            modalOpener = null;
            lastWasStart = false;
        }

        InteractionHandle next(LocalDiscord discord, LocalChannel channel) {
            if (modalOpener != null) {
                InteractionHandle opener = modalOpener;
                modalOpener = null;
                lastWasStart = false;
                return discord.submitModal(member, opener, modalId, Map.of("answer", "42"));
            }
            LocalMessage message = last;
            Optional<String> button = message == null ? Optional.empty() : pick(message.customIds());
            if (button.isPresent()) {
                lastWasStart = false;
                return discord.click(member, message, button.get());
            }
            if (lastWasStart) { // a refusal, e.g. a quiz still running from an earlier run: end it
                lastWasStart = false;
                return discord.slash(member, channel, "quiz stop");
            }
            lastWasStart = true;
            return discord.slash(member, channel, "quiz start", Map.of("count", 3));
        }

        void answered(
                InteractionHandle handle,
                InteractionHandle.Callback callback,
                ConcurrentLinkedQueue<MemberState> ready) {
            if (callback.type() == 9) {
                modalId = callback.data().path("custom_id").asText();
                modalOpener = handle;
                ready.add(this);
                return;
            }
            handle.reply()
                    .copy()
                    .orTimeout(GIVE_UP.toMillis(), TimeUnit.MILLISECONDS)
                    .whenComplete((message, failed) -> {
                        last = failed == null ? message : null;
                        ready.add(this);
                    });
        }

        private static Optional<String> pick(List<String> ids) {
            for (String action : List.of("a0", "a1", "t", "type", "show", "g2", "next")) {
                for (String id : ids) {
                    if (id.endsWith(":" + action)) {
                        return Optional.of(id);
                    }
                }
            }
            return Optional.empty();
        }
    }
}
