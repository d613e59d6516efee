package dev.drillbit.storage.postgres;

import static dev.drillbit.progress.Answers.GUILD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drillbit.progress.AnswerEvent;
import dev.drillbit.progress.Answers;
import dev.drillbit.progress.GuildZones;
import dev.drillbit.progress.stats.LeaderboardPeriod;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What the PostgreSQL store does beyond the contract: shared commits, and honest failures it survives. */
class PostgresScoreStoreTest {
    private static final Instant T0 = Instant.parse("2026-03-10T12:00:00Z");
    private PostgresDatabase db;
    private PostgresScoreStore store;

    @BeforeEach
    void open() {
        db = TestPostgres.freshDatabase();
        store = PostgresScoreStore.open(db, Clock.fixed(T0, ZoneOffset.UTC), GuildZones.utc());
    }

    @AfterEach
    void close() {
        store.close();
        db.close();
    }

    @Test
    @DisplayName("answers queued together share one commit, and each gets its own id")
    void queuedAnswersShareACommit() {
        List<CompletableFuture<AnswerEvent>> futures = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            futures.add(store.record(Answers.right(i % 20, "sql", 1, T0)));
        }

        assertThat(futures.stream().map(f -> f.join().id()).distinct()).hasSize(500);
        assertThat(store.commits()).isLessThan(500);
        assertThat(store.leaderboard(GUILD, LeaderboardPeriod.ALL_TIME, Optional.empty(), 0, ZoneOffset.UTC)
                        .ranked())
                .isEqualTo(20);
    }

    @Test
    @DisplayName(
            "a transaction that fails is reported as not saved, nothing of it is kept, and the next answer is saved")
    void aFailedCommitIsToldAndTheStoreCarriesOn() throws Exception {
        try (Connection c = db.connection();
                Statement st = c.createStatement()) {
            st.execute("ALTER TABLE answers ADD CONSTRAINT no_poison CHECK (question_id <> 'poison-001')");
        }

        assertThatThrownBy(
                        () -> store.record(Answers.right(7, "poison", 10, T0)).join())
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(StorageUnavailableException.class)
                .hasMessageContaining("not saved");
        AnswerEvent saved = store.record(Answers.right(7, "sql", 5, T0)).join();

        assertThat(store.history(GUILD, 7)).containsExactly(saved);
        assertThat(store.memberStats(GUILD, 7).orElseThrow().points()).isEqualTo(5);
    }

    @Test
    @DisplayName(
            "after the database drops every connection, answers are saved again (a lost one is told, never counted silently)")
    void survivesDroppedConnections() throws Exception {
        store.record(Answers.right(7, "sql", 1, T0)).join();
        int cut = 0;
        try (Connection c = db.connection();
                Statement st = c.createStatement();
                java.sql.ResultSet rs = st.executeQuery(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid <> pg_backend_pid() "
                                + "AND application_name = '" + PostgresDatabase.applicationName(db.settings()) + "'")) {
            while (rs.next()) {
                cut++;
            }
        }
        assertThat(cut).as("connections the server cut").isPositive();

        int told = 0;
        AnswerEvent saved = null;
        for (int attempt = 0; attempt < 10 && saved == null; attempt++) {
            try {
                saved = store.record(Answers.right(7, "sql", 2, T0)).join();
            } catch (CompletionException e) {
                assertThat(e).hasCauseInstanceOf(StorageUnavailableException.class);
                told++;
            }
        }

        assertThat(saved).isNotNull();
        assertThat(store.memberStats(GUILD, 7).orElseThrow().answered()).isEqualTo(2);
        assertThat(told).isLessThan(10);
    }

    @Test
    @DisplayName("a forget queued before a member's first answer finds nothing, and the answer after it counts")
    void forgetBeforeTheFirstAnswer() {
        // GIVEN the writer busy, so that what follows usually queues into one batch (correct either way)
        List<CompletableFuture<AnswerEvent>> busy = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            busy.add(store.record(Answers.right(1, "sql", 1, T0)));
        }
        CompletableFuture<dev.drillbit.progress.Forgotten> forgotten = store.forget(GUILD, 7);
        CompletableFuture<AnswerEvent> answer = store.record(Answers.right(7, "sql", 4, T0));

        busy.forEach(CompletableFuture::join);
        assertThat(forgotten.join().hadData()).isFalse();
        assertThat(store.history(GUILD, 7)).containsExactly(answer.join());
        assertThat(store.memberStats(GUILD, 7).orElseThrow().points()).isEqualTo(4);
    }

    @Test
    @DisplayName("two stores on one database (as two processes would be) writing the same new members lose nothing")
    void twoWritersOnOneDatabase() throws Exception {
        try (PostgresScoreStore other =
                PostgresScoreStore.open(db, Clock.fixed(T0, ZoneOffset.UTC), GuildZones.utc())) {
            List<CompletableFuture<AnswerEvent>> all = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                all.add(store.record(Answers.right(100 + i % 10, "sql", 1, T0)));
                all.add(other.record(Answers.right(100 + i % 10, "sql", 1, T0)));
            }
            all.forEach(CompletableFuture::join);
        }

        for (long u = 100; u < 110; u++) {
            assertThat(store.memberStats(GUILD, u).orElseThrow().points())
                    .as("member %d", u)
                    .isEqualTo(60);
        }
    }
}
