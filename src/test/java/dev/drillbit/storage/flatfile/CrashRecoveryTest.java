package dev.drillbit.storage.flatfile;

import static dev.drillbit.progress.Answers.GUILD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbit.progress.stats.MemberStats;
import dev.drillbit.testsupport.Seeds;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a child JVM that records at full speed (SIGKILL, at a random number of acknowledgements, often
 * mid-compaction since it compacts every 150 events), reopens the store each time and checks that every
 * acknowledged event is there exactly once.
 */
class CrashRecoveryTest {
    private static final int KILLS = 20;
    private static final int USERS = 8;

    @TempDir
    Path dir;

    @Test
    @DisplayName("after SIGKILL at random moments every acknowledged answer is present once and the store opens")
    void everyAcknowledgedAnswerSurvivesSigkill() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        String classpath = System.getProperty("java.class.path");
        long seed = Seeds.of("crash.seed", System.nanoTime());
        SplittableRandom random = new SplittableRandom(seed);
        Set<Long> acked = new HashSet<>();
        for (int round = 0; round < KILLS; round++) {
            int killAfter = random.nextInt(20, 1500);
            Process child = new ProcessBuilder(
                            java,
                            "-cp",
                            classpath,
                            "-Xshare:auto",
                            "-XX:TieredStopAtLevel=1",
                            "-Dlogback.configurationFile=logback-test.xml",
                            CrashChild.class.getName(),
                            dir.toString(),
                            "32",
                            "150")
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            int acksThisRound = 0;
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while (acksThisRound < killAfter && (line = out.readLine()) != null) {
                    if (line.startsWith("ack ")) {
                        acked.add(Long.parseLong(line.substring(4)));
                        acksThisRound++;
                    }
                }
                child.destroyForcibly(); // closes our end of its stdout; unread acks are simply not checked
                child.waitFor();
            }
            assertThat(acksThisRound)
                    .as("seed %d, round %d: the child acknowledged answers", seed, round)
                    .isEqualTo(killAfter);

            try (FlatFileScoreStore store = FlatFileScoreStore.open(StoreOptions.defaults(dir))) {
                List<Long> ids = new ArrayList<>();
                long answered = 0;
                for (long u = 0; u < USERS; u++) {
                    store.history(GUILD, u).forEach(e -> ids.add(e.id()));
                    answered += store.memberStats(GUILD, u)
                            .map(MemberStats::answered)
                            .orElse(0);
                }
                assertThat(new HashSet<>(ids))
                        .as("seed %d, round %d: no duplicated event", seed, round)
                        .hasSize(ids.size());
                assertThat(ids)
                        .as("seed %d, round %d: every acknowledged event", seed, round)
                        .containsAll(acked);
                assertThat(answered)
                        .as("seed %d, round %d: aggregates count each event once", seed, round)
                        .isEqualTo(ids.size());
            }
        }
    }
}
