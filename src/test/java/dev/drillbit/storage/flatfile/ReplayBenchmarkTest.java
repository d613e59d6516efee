package dev.drillbit.storage.flatfile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbit.bank.Difficulty;
import dev.drillbit.bank.QuestionType;
import dev.drillbit.learning.Rating;
import dev.drillbit.progress.AnswerEvent;
import dev.drillbit.progress.JournalEntry;
import dev.drillbit.progress.ReviewEvent;
import dev.drillbit.testsupport.ManualTime;
import dev.drillbit.testsupport.Seeds;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recovery target: 1,000,000 journal events (answers with timing, a third of them wrong, and review
 * ratings, over 20,000 members and 600 questions) replayed in at most 3 s. Run with
 * {@code mvn test -Dtest=ReplayBenchmarkTest -Ddrillbit.benchmark=true}; off in the normal build, since it
 * writes some 200 MB.
 */
@EnabledIfSystemProperty(named = "drillbit.benchmark", matches = "true")
class ReplayBenchmarkTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void replaysAMillionEventsWithinThreeSeconds() throws IOException {
        int events = 1_000_000;
        SplittableRandom random = new SplittableRandom(Seeds.of("replay.seed", 7));
        try (BufferedWriter out = Files.newBufferedWriter(dir.resolve(JournalFile.name(1)), StandardCharsets.UTF_8)) {
            out.write(new String(JournalFile.header(1), StandardCharsets.US_ASCII));
            StringBuilder sb = new StringBuilder(512);
            for (int i = 1; i <= events; i++) {
                sb.setLength(0);
                long user = random.nextInt(20_000);
                int q = random.nextInt(600);
                Instant at = T0.plusSeconds(i * 30L);
                JournalEntry e = i % 20 == 0
                        ? new ReviewEvent(i, 1 + user % 5, user, "step" + q % 20 + "-" + q, Rating.GOOD, at)
                        : new AnswerEvent(
                                i,
                                1 + user % 5,
                                user,
                                "step" + q % 20 + "-" + q,
                                "step" + q % 20,
                                Difficulty.values()[q % 3],
                                QuestionType.MULTIPLE_CHOICE,
                                random.nextInt(3) > 0,
                                Optional.empty(),
                                20,
                                at,
                                OptionalLong.of(random.nextInt(30_000)),
                                OptionalLong.of(30_000),
                                OptionalInt.of(random.nextInt(4)));
                EntryCodec.encode(e, sb);
                out.append(sb);
            }
        }
        ManualTime time = new ManualTime(T0.plusSeconds(events * 30L));
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long started = System.nanoTime();
        long cpuStarted = threads.getCurrentThreadCpuTime();
        try (FlatFileScoreStore store = FlatFileScoreStore.open(
                StoreOptions.defaults(dir).withClock(time).withCompactEvery(Integer.MAX_VALUE))) {
            Duration wall = Duration.ofNanos(System.nanoTime() - started);
            // CPU time of the replaying thread: wall time on a shared, loaded machine says little
            Duration took = Duration.ofNanos(threads.getCurrentThreadCpuTime() - cpuStarted);
            System.out.println("Replayed " + events + " events in " + wall.toMillis() + " ms wall, " + took.toMillis()
                    + " ms CPU; cards of member 1: " + store.deckSize(1));
            Runtime rt = Runtime.getRuntime();
            System.gc();
            System.out.println("Heap used after replay: " + (rt.totalMemory() - rt.freeMemory()) / (1 << 20) + " MB");
            assertThat(took).isLessThanOrEqualTo(Duration.ofSeconds(3));
        }
    }
}
