package dev.drillbit.bench;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.drillbit.bank.BankLoader;
import dev.drillbit.bank.QuestionBank;
import dev.drillbit.bank.QuestionFilter;
import dev.drillbit.config.Config;
import dev.drillbit.quiz.Owner;
import dev.drillbit.quiz.QuizEngine;
import dev.drillbit.quiz.QuizSpec;
import dev.drillbit.quiz.Scoring;
import dev.drillbit.quiz.StartOutcome;
import dev.drillbit.storage.flatfile.FlatFileScoreStore;
import dev.drillbit.storage.flatfile.StoreOptions;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;

/**
 * Heap after a full GC with {@code sessions} solo quizzes running (10 questions each, from the shipped
 * bank) and {@code members} members' aggregates in the score store, against its floor: the same process
 * after a full GC with the bank loaded, the engine and the store open and empty. Runs in its own JVM
 * (started by {@link BenchMain} with {@link #JVM_OPTIONS}) so nothing else is on the heap; prints its
 * rows for the parent.
 *
 * <p>Arguments: {@code BASEDIR DATA_DIR SESSIONS MEMBERS EVENTS_PER_MEMBER}.
 */
public final class HeapScenario {
    static final String[] JVM_OPTIONS = {"-Xmx1g", "-XX:+UseG1GC"};

    private HeapScenario() {}

    public static void main(String[] args) throws Exception {
        Path basedir = Path.of(args[0]);
        Path data = Path.of(args[1]);
        int sessions = Integer.parseInt(args[2]);
        int members = Integer.parseInt(args[3]);
        int perMember = Integer.parseInt(args[4]);
        QuestionBank bank =
                new BankLoader().load(basedir.resolve("questions")).bank().orElseThrow();
        Config.Quiz quiz = Config.defaults().quiz();
        Scoring scoring = new Scoring(Duration.ofSeconds(quiz.secondsPerQuestion()), quiz.speedBonus());
        QuizEngine engine = new QuizEngine(
                bank,
                scoring,
                new QuizEngine.Settings(Duration.ofMinutes(quiz.idleMinutes()), Math.max(quiz.maxSessions(), sessions)),
                Ticker.systemTicker(),
                Clock.systemUTC(),
                new Random(1),
                summary -> {});
        DurableRecording.deleteTree(data);
        try (FlatFileScoreStore store = FlatFileScoreStore.open(StoreOptions.defaults(data))) {
            double floor = heapAfterFullGcMb();
            for (int i = 0; i < sessions; i++) {
                StartOutcome started = engine.start(
                        Owner.solo(DurableRecording.GUILD, 7, 1 + i), new QuizSpec(QuestionFilter.ANY, 10));
                if (!(started instanceof StartOutcome.Started)) {
                    throw new IllegalStateException("quiz " + i + " did not start: " + started);
                }
            }
            StoreGenerator.fill(store, (long) members * perMember, members);
            double used = heapAfterFullGcMb();
            if (engine.runningCount() != sessions) {
                throw new IllegalStateException("expected " + sessions + " sessions, have " + engine.runningCount());
            }
            String what = String.format(
                    "heap after full GC: %,d sessions + %,d members (%,d events)",
                    sessions, members, (long) members * perMember);
            System.out.println(
                    new Row(what, used, floor, "MB", "bank loaded, engine and store empty", "≤ 256 MB", used <= 256)
                            .encode());
            System.out.flush();
        }
    }

    static double heapAfterFullGcMb() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
    }
}
