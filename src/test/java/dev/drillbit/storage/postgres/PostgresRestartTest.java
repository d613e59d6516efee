package dev.drillbit.storage.postgres;

import static dev.drillbit.progress.Answers.GUILD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.drillbit.progress.Answers;
import dev.drillbit.progress.GuildZones;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database restarts while eight members keep answering: answers in the gap are refused honestly
 * ("not saved"), the store carries on without being reopened, and every answer it acknowledged is there.
 */
class PostgresRestartTest {
    private static final int WRITERS = 8;

    @TempDir
    Path dir;

    @Test
    @DisplayName("answers during a database restart are refused, later ones commit, and every acknowledged one is kept")
    void survivesARestart() throws Exception {
        try (RestartablePostgres server = RestartablePostgres.start(dir.resolve("pg"));
                PostgresDatabase db = PostgresDatabase.open(server.settings());
                PostgresScoreStore store = PostgresScoreStore.open(db, Clock.systemUTC(), GuildZones.utc())) {
            Set<Long> acked = ConcurrentHashMap.newKeySet();
            List<String> refusals = java.util.Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger ackedAfterRestart = new AtomicInteger();
            AtomicBoolean restarted = new AtomicBoolean();
            List<Thread> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                long user = w;
                Thread t = new Thread(() -> {
                    while (running.get()) {
                        try {
                            acked.add(store.record(Answers.right(user, "sql", 5, Instant.now()))
                                    .join()
                                    .id());
                            if (restarted.get()) {
                                ackedAfterRestart.incrementAndGet();
                            }
                        } catch (CompletionException e) {
                            assertThat(e.getCause()).isInstanceOf(StorageUnavailableException.class);
                            refusals.add(e.getCause().getMessage());
                        }
                    }
                });
                t.start();
                writers.add(t);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> acked.size() >= 200);

            server.stop();
            await().atMost(Duration.ofSeconds(30)).until(() -> refusals.size() >= WRITERS);
            server.startAgain();
            restarted.set(true);
            await().atMost(Duration.ofSeconds(60)).until(() -> ackedAfterRestart.get() >= 200);
            running.set(false);
            for (Thread t : writers) {
                t.join();
            }

            assertThat(refusals).allSatisfy(m -> assertThat(m).startsWith("not saved"));
            List<Long> ids = new ArrayList<>();
            for (long u = 0; u < WRITERS; u++) {
                store.history(GUILD, u).forEach(e -> ids.add(e.id()));
            }
            assertThat(new HashSet<>(ids)).hasSize(ids.size());
            assertThat(ids).containsAll(acked);
        }
    }
}
