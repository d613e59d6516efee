package dev.drillbit.storage.postgres;

import static dev.drillbit.progress.Answers.GUILD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbit.progress.GuildZones;
import dev.drillbit.testsupport.Seeds;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Kills a child JVM that records answers from 32 threads into PostgreSQL (SIGKILL, after a random number of
 * acknowledgements, so usually with a batch in flight), then checks that every acknowledged answer is in
 * the database exactly once and the totals count each answer once. The database is the test's own server;
 * what dies is the bot's process, as when a host kills it.
 */
class PostgresCrashTest {
    static final int USERS = 8;
    private static final int KILLS = 6;

    @Test
    @DisplayName("after SIGKILL of the writing process every acknowledged answer is in the database once")
    void everyAcknowledgedAnswerSurvivesSigkill() throws Exception {
        PostgresSettings schema = TestPostgres.freshSchema();
        try (PostgresDatabase db = PostgresDatabase.open(schema)) {
            // the schema exists and is migrated before the children race to it
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        long seed = Seeds.of("pgcrash.seed", System.nanoTime());
        SplittableRandom random = new SplittableRandom(seed);
        Set<Long> acked = new HashSet<>();
        for (int round = 0; round < KILLS; round++) {
            int killAfter = random.nextInt(50, 2000);
            ProcessBuilder pb = new ProcessBuilder(
                            java,
                            "-cp",
                            System.getProperty("java.class.path"),
                            "-Xshare:auto",
                            "-XX:TieredStopAtLevel=1",
                            "-Dlogback.configurationFile=logback-test.xml",
                            PostgresCrashChild.class.getName(),
                            schema.url(),
                            schema.user(),
                            schema.schema().orElseThrow(),
                            "32")
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            pb.environment().put("DRILLBIT_DB_PASSWORD", schema.password());
            Process child = pb.start();
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
                child.destroyForcibly(); // SIGKILL; acks it printed after this are simply not checked
                child.waitFor();
            }
            assertThat(acksThisRound)
                    .as("seed %d, round %d: the child acknowledged answers", seed, round)
                    .isEqualTo(killAfter);

            try (PostgresDatabase db = PostgresDatabase.open(schema);
                    PostgresScoreStore store = PostgresScoreStore.open(db, Clock.systemUTC(), GuildZones.utc())) {
                List<Long> ids = new ArrayList<>();
                long answered = 0;
                for (long u = 0; u < USERS; u++) {
                    store.history(GUILD, u).forEach(e -> ids.add(e.id()));
                    answered += store.memberStats(GUILD, u)
                            .map(s -> s.overall().answered())
                            .orElse(0);
                }
                assertThat(new HashSet<>(ids))
                        .as("seed %d, round %d: no duplicated answer", seed, round)
                        .hasSize(ids.size());
                assertThat(ids)
                        .as("seed %d, round %d: every acknowledged answer", seed, round)
                        .containsAll(acked);
                assertThat(answered)
                        .as("seed %d, round %d: the totals count each answer once", seed, round)
                        .isEqualTo(ids.size());
            }
        }
    }
}
