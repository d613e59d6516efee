package dev.drillbit.bench;

import dev.drillbit.progress.Answer;
import dev.drillbit.progress.GuildZones;
import dev.drillbit.progress.stats.LeaderboardPeriod;
import dev.drillbit.storage.postgres.PostgresDatabase;
import dev.drillbit.storage.postgres.PostgresScoreStore;
import dev.drillbit.storage.postgres.PostgresSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * PostgreSQL benchmarks, on a real server started here (zonky's embedded binaries, the same the tests use;
 * default settings, so {@code fsync} and {@code synchronous_commit} on):
 * <ul>
 *   <li>durable answers per second through {@link PostgresScoreStore} with 1, 16 and 256 writers (a thread
 *       each, waiting for its answer to commit before the next), beside the floor: one thread inserting the
 *       same answer rows with plain batched JDBC into a table shaped like {@code answers} (its indexes
 *       included), one transaction per batch of the store's measured mean batch size, measured in windows
 *       alternating with the store's;
 *   <li>leaderboard latency at 100,000 members of one guild (all time, this week, today), beside the floor
 *       of the plainest top-ten query over {@code member_scores}.
 * </ul>
 * Not thread-safe; one measurement at a time.
 */
final class PostgresBench implements AutoCloseable {
    static final long GUILD = 1;

    /** The store's figure and the floor at its batch size. */
    record Recording(int writers, double answersPerSecond, double meanBatch, double floorPerSecond) {}

    /** Query latencies in milliseconds: the board of one period, and the floor query timed beside it. */
    record Latency(LeaderboardPeriod period, double p50, double p99, double floorP50, double floorP99) {}

    private final EmbeddedPostgres server;
    private int schemas;

    private PostgresBench(EmbeddedPostgres server) {
        this.server = server;
    }

    static PostgresBench start() throws IOException {
        return new PostgresBench(EmbeddedPostgres.builder().start());
    }

    private PostgresSettings freshSchema() throws SQLException {
        String name = "bench_" + (++schemas);
        try (Connection c = DriverManager.getConnection(url(), "postgres", "");
                Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
            st.execute("CREATE SCHEMA " + name);
        }
        return new PostgresSettings(url(), "postgres", "").withSchema(name).withPoolSize(8);
    }

    private String url() {
        return server.getJdbcUrl("postgres", "postgres");
    }

    /** Store and floor, in {@code rounds} alternating windows. */
    Recording recording(int writers, int members, Duration warmup, Duration measure, Duration floorTime, int rounds)
            throws Exception {
        PostgresSettings settings = freshSchema();
        long answers = 0;
        long commits = 0;
        double seconds = 0;
        double floorRows = 0;
        double floorSeconds = 0;
        try (PostgresDatabase db = PostgresDatabase.open(settings);
                PostgresScoreStore store = PostgresScoreStore.open(db, Clock.systemUTC(), GuildZones.utc());
                Connection floor = DriverManager.getConnection(url(), "postgres", "")) {
            try (Statement st = floor.createStatement()) {
                st.execute("SET search_path TO " + settings.schema().orElseThrow());
                st.execute("CREATE TABLE floor_answers (LIKE answers INCLUDING ALL)");
            }
            long[] floorId = {0};
            for (int round = 0; round < rounds; round++) {
                AtomicLong done = new AtomicLong();
                AtomicBoolean stop = new AtomicBoolean();
                List<Thread> threads = new ArrayList<>();
                for (int w = 0; w < writers; w++) {
                    Thread t = new Thread(
                            () -> {
                                ThreadLocalRandom random = ThreadLocalRandom.current();
                                while (!stop.get()) {
                                    store.record(DurableRecording.answer(1 + random.nextInt(members)))
                                            .join();
                                    done.incrementAndGet();
                                }
                            },
                            "bench-pg-writer-" + w);
                    t.setDaemon(true);
                    threads.add(t);
                    t.start();
                }
                Thread.sleep(round == 0 ? warmup.toMillis() : Math.min(500, warmup.toMillis()));
                long a0 = done.get();
                long c0 = store.commits();
                long t0 = System.nanoTime();
                Thread.sleep(measure.toMillis());
                long a = done.get() - a0;
                long c = store.commits() - c0;
                seconds += (System.nanoTime() - t0) / 1e9;
                answers += a;
                commits += c;
                stop.set(true);
                for (Thread t : threads) {
                    t.join();
                }
                int batch = Math.max(1, (int) Math.round(c == 0 ? 1 : (double) a / c));
                double[] f = floor(floor, batch, members, floorTime, floorId);
                floorRows += f[0];
                floorSeconds += f[1];
            }
        }
        double meanBatch = commits == 0 ? 1 : (double) answers / commits;
        return new Recording(writers, answers / seconds, meanBatch, floorRows / floorSeconds);
    }

    /** Plain batched JDBC: {@code batch} answer rows per transaction, for {@code time}; returns {rows, seconds}. */
    private static double[] floor(Connection c, int batch, int members, Duration time, long[] nextId)
            throws SQLException {
        SplittableRandom random = new SplittableRandom(batch);
        c.setAutoCommit(false);
        long rows = 0;
        long t0 = System.nanoTime();
        long end = t0 + time.toNanos();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO floor_answers (id, guild_id, user_id, question_id,"
                + " step, difficulty, question_type, correct, self_grade, points, answered_at, elapsed_ms, limit_ms,"
                + " choice, streak_day) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            do {
                for (int i = 0; i < batch; i++) {
                    Answer a = DurableRecording.answer(1 + random.nextInt(members));
                    ps.setLong(1, ++nextId[0]);
                    ps.setLong(2, a.guildId());
                    ps.setLong(3, a.userId());
                    ps.setString(4, a.questionId());
                    ps.setString(5, a.step());
                    ps.setString(6, a.difficulty().name());
                    ps.setString(7, a.type().name());
                    ps.setBoolean(8, a.correct());
                    ps.setString(9, null);
                    ps.setInt(10, a.points());
                    ps.setObject(11, a.at().atOffset(ZoneOffset.UTC));
                    ps.setNull(12, java.sql.Types.BIGINT);
                    ps.setNull(13, java.sql.Types.BIGINT);
                    ps.setNull(14, java.sql.Types.INTEGER);
                    ps.setInt(15, (int)
                            a.at().atOffset(ZoneOffset.UTC).toLocalDate().toEpochDay());
                    ps.addBatch();
                }
                ps.executeBatch();
                c.commit();
                rows += batch;
            } while (System.nanoTime() < end);
        }
        c.setAutoCommit(true);
        return new double[] {rows, (System.nanoTime() - t0) / 1e9};
    }

    /**
     * {@code members} members of one guild with two answers each over the last 30 days (the tables filled in
     * SQL, shaped as the store leaves them), then {@code queries} leaderboards of each period for random
     * members, and as many of the floor query.
     */
    List<Latency> leaderboard(int members, int queries) throws Exception {
        PostgresSettings settings = freshSchema();
        try (PostgresDatabase db = PostgresDatabase.open(settings);
                PostgresScoreStore store = PostgresScoreStore.open(db, Clock.systemUTC(), GuildZones.utc());
                Connection c = DriverManager.getConnection(url(), "postgres", "")) {
            try (Statement st = c.createStatement()) {
                st.execute("SET search_path TO " + settings.schema().orElseThrow());
                st.execute("INSERT INTO answers (id, guild_id, user_id, question_id, step, difficulty,"
                        + " question_type, correct, points, answered_at, streak_day)"
                        + " SELECT n, " + GUILD + ", 1 + n % " + members + ", 'sql-001', 'sql', 'MID',"
                        + " 'MULTIPLE_CHOICE', n % 3 <> 0, CASE WHEN n % 3 <> 0 THEN 10 + n % 7 ELSE 0 END,"
                        + " now() - make_interval(secs => (n * 7919) % (30 * 86400)),"
                        + " (extract(epoch FROM now()) / 86400)::int"
                        + " FROM generate_series(1, " + (2 * members) + ") n");
                st.execute("INSERT INTO member_scores SELECT guild_id, user_id, sum(points), count(*),"
                        + " count(*) FILTER (WHERE correct), max(answered_at) FILTER (WHERE points > 0),"
                        + " max(answered_at), max(streak_day), 1, 1 FROM answers GROUP BY guild_id, user_id");
                st.execute("SELECT setval('event_ids', " + (2 * members) + ")");
                st.execute("ANALYZE");
            }
            SplittableRandom random = new SplittableRandom(members);
            List<LeaderboardPeriod> periods =
                    List.of(LeaderboardPeriod.ALL_TIME, LeaderboardPeriod.WEEK, LeaderboardPeriod.TODAY);
            for (int i = 0; i < Math.min(200, queries); i++) { // warm-up
                store.leaderboard(
                        GUILD, periods.get(i % 3), Optional.empty(), 1 + random.nextInt(members), ZoneOffset.UTC);
            }
            List<Latency> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT user_id, points FROM member_scores"
                    + " WHERE guild_id = ? AND points > 0 ORDER BY points DESC, reached_at, user_id LIMIT 10")) {
                for (LeaderboardPeriod period : periods) {
                    double[] board = new double[queries];
                    double[] plain = new double[queries];
                    for (int i = 0; i < queries; i++) {
                        long t0 = System.nanoTime();
                        store.leaderboard(GUILD, period, Optional.empty(), 1 + random.nextInt(members), ZoneOffset.UTC);
                        board[i] = (System.nanoTime() - t0) / 1e6;
                        long t1 = System.nanoTime();
                        ps.setLong(1, GUILD);
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                rs.getLong(1);
                            }
                        }
                        plain[i] = (System.nanoTime() - t1) / 1e6;
                    }
                    Arrays.sort(board);
                    Arrays.sort(plain);
                    out.add(new Latency(
                            period,
                            percentile(board, 0.5),
                            percentile(board, 0.99),
                            percentile(plain, 0.5),
                            percentile(plain, 0.99)));
                }
            }
            return out;
        }
    }

    private static double percentile(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
