package dev.drillbit.storage.postgres;

import dev.drillbit.bank.Difficulty;
import dev.drillbit.bank.QuestionSource;
import dev.drillbit.daily.DailyRepository;
import dev.drillbit.daily.DailyRun;
import dev.drillbit.daily.DailySchedule;
import dev.drillbit.daily.GroupStreak;
import dev.drillbit.daily.OwnedGuilds;
import dev.drillbit.daily.RunAnswer;
import dev.drillbit.daily.RunStatus;
import dev.drillbit.daily.ScheduleId;
import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link DailyRepository} on PostgreSQL: tables {@code daily_schedules}, {@code daily_groups},
 * {@code daily_rotation}, {@code daily_runs} and {@code daily_run_answers} (see {@code V4__daily.sql}).
 * Every write is one transaction, committed before it returns: the state is replaced whole (its three
 * tables emptied and filled), a run is replaced whole (its row upserted, its answers deleted and
 * inserted). Instants are kept to the microsecond.
 *
 * <p>Each repository serves the guilds of some shards ({@link OwnedGuilds}): it reads, replaces and deletes
 * only their schedules, group state, rotation and runs, so processes running other shards share the
 * tables without touching each other's rows. One repository per shard at a time: opening takes
 * session-level advisory locks on a connection held until {@link #close()}, one per owned shard (plus,
 * shared, one for the whole schema, which a repository for every guild takes exclusively), so a second
 * repository for the same guilds, in this process or another, is refused. Every process must be given
 * the same shard total: a guild's shard depends on it. When the lock's connection is lost (the database
 * restarted), the next write takes the locks again before it writes, and fails if another process took
 * them meanwhile. Not thread-safe, as the port says: the scheduler serializes its calls.
 */
public final class PostgresDailyRepository implements DailyRepository {
    private static final Logger log = LoggerFactory.getLogger(PostgresDailyRepository.class);
    private static final String KEY = "hashtextextended('drillbit.daily:' || current_schema()";
    /** Rows of the owned guilds: {@code ? = total, ? = shards}; for every guild, 1 and {0}. */
    private static final String OWNED = "((guild_id >> 22) % ?) = ANY (?)";

    private final PostgresDatabase db;
    private final OwnedGuilds owned;
    private Connection lockHolder;
    private boolean closed;

    private PostgresDailyRepository(PostgresDatabase db, OwnedGuilds owned, Connection lockHolder) {
        this.db = db;
        this.owned = owned;
        this.lockHolder = lockHolder;
    }

    /** As {@link #open(PostgresDatabase, OwnedGuilds)} for every guild (one process runs every shard). */
    public static PostgresDailyRepository open(PostgresDatabase db) {
        return open(db, OwnedGuilds.ALL);
    }

    /**
     * Opens the daily tables of an open (migrated) database for the guilds of {@code owned} and takes their
     * locks.
     *
     * @throws IllegalStateException when another repository (in this or another process) has some of
     *     those guilds open
     * @throws StorageUnavailableException when the database cannot be reached
     */
    public static PostgresDailyRepository open(PostgresDatabase db, OwnedGuilds owned) {
        try {
            Connection c = lock(db, owned);
            if (c == null) {
                throw new IllegalStateException(refusal(db, owned));
            }
            return new PostgresDailyRepository(db, owned, c);
        } catch (SQLException e) {
            throw new StorageUnavailableException(
                    "opening the daily quizzes in PostgreSQL failed: " + e.getMessage(), e);
        }
    }

    private static String refusal(PostgresDatabase db, OwnedGuilds owned) {
        return "another process (or repository) has the daily quizzes of " + owned + " in "
                + db.settings().safeUrl() + " (" + db.settings().schema().orElse("default schema") + ") open";
    }

    /** A connection holding {@code owned}'s locks, or null when another session holds one of them. */
    private static Connection lock(PostgresDatabase db, OwnedGuilds owned) throws SQLException {
        Connection c = db.connection();
        try {
            boolean locked;
            if (owned.all()) {
                locked = tryLock(c, "SELECT pg_try_advisory_lock(" + KEY + ", 0))");
            } else {
                locked = tryLock(c, "SELECT pg_try_advisory_lock_shared(" + KEY + ", 0))");
                for (int shard : owned.shards()) {
                    locked = locked
                            && tryLock(
                                    c,
                                    "SELECT pg_try_advisory_lock(" + KEY + " || ':shard:" + shard + "/" + owned.total()
                                            + "', 0))");
                }
            }
            if (locked) {
                return c;
            }
            closeQuietly(c); // ending the session releases what it did take
            return null;
        } catch (SQLException e) {
            closeQuietly(c);
            throw e;
        }
    }

    private static boolean tryLock(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /**
     * Makes sure this repository still holds its locks: after the lock's session was lost (the database
     * restarted), takes them again.
     */
    private void holdLocks() throws SQLException {
        if (lockHolder != null && lockHolder.isValid(5)) {
            return;
        }
        closeQuietly(lockHolder);
        lockHolder = null;
        Connection c = lock(db, owned);
        if (c == null) {
            throw new SQLException("the lock on the daily quizzes was lost and " + refusal(db, owned));
        }
        log.info("daily quizzes of {}: locks taken again after their session was lost", owned);
        lockHolder = c;
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                log.debug("closing a connection failed", e);
            }
        }
    }

    /** Releases the locks (by closing their connection's session). Idempotent. */
    @Override
    public void close() {
        closed = true;
        if (lockHolder != null) {
            try (Statement st = lockHolder.createStatement()) {
                st.execute("SELECT pg_advisory_unlock_all()");
            } catch (SQLException e) {
                log.warn("releasing the daily quizzes' lock failed; it goes when the connection does", e);
            }
            closeQuietly(lockHolder);
            lockHolder = null;
        }
    }

    @Override
    public String toString() {
        return "PostgreSQL " + db.settings().safeUrl() + " ("
                + db.settings().schema().orElse("default schema") + ")" + (owned.all() ? "" : ", " + owned);
    }

    private <T> T inTransaction(String what, Sql.Work<T> work) throws IOException {
        if (closed) {
            throw new IllegalStateException("the daily repository is closed");
        }
        try {
            holdLocks();
        } catch (SQLException e) {
            throw new IOException(what + " in PostgreSQL failed: " + e.getMessage(), e);
        }
        try (Connection c = db.connection()) {
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            return Sql.commit(c, work);
        } catch (SQLException e) {
            throw new IOException(what + " in PostgreSQL failed: " + e.getMessage(), e);
        }
    }

    // ---- load --------------------------------------------------------------------------------------

    @Override
    public Stored load() throws IOException {
        return inTransaction("reading the daily quizzes", c -> load(c, owned));
    }

    /** Reads everything on {@code c}, in the caller's transaction. */
    static Stored load(Connection c) throws SQLException {
        return load(c, OwnedGuilds.ALL);
    }

    private static PreparedStatement owned(Connection c, String sql, OwnedGuilds owned) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        ps.setInt(1, owned.total());
        ps.setArray(2, c.createArrayOf("integer", owned.shards().toArray()));
        return ps;
    }

    private static ResultSet query(List<AutoCloseable> open, PreparedStatement ps) throws SQLException {
        open.add(ps);
        return ps.executeQuery();
    }

    /** Reads the rows of {@code owned}'s guilds on {@code c}, in the caller's transaction. */
    static Stored load(Connection c, OwnedGuilds owned) throws SQLException {
        State state = State.empty();
        List<AutoCloseable> open = new ArrayList<>();
        try {
            try (ResultSet rs = query(open, owned(c, "SELECT * FROM daily_schedules WHERE " + OWNED, owned))) {
                while (rs.next()) {
                    DailySchedule s = schedule(rs);
                    state.schedules().put(s.id(), s);
                }
            }
            try (ResultSet rs = query(open, owned(c, "SELECT * FROM daily_groups WHERE " + OWNED, owned))) {
                while (rs.next()) {
                    state.groups()
                            .put(
                                    new ScheduleId(rs.getLong("guild_id"), rs.getLong("channel_id")),
                                    new GroupState(
                                            new GroupStreak(
                                                    rs.getInt("streak_current"),
                                                    rs.getInt("streak_best"),
                                                    Optional.ofNullable(rs.getObject("streak_last", LocalDate.class))),
                                            Optional.ofNullable(rs.getObject("last_report", LocalDate.class))));
                }
            }
            try (ResultSet rs = query(
                    open,
                    owned(
                            c,
                            "SELECT guild_id, question_id FROM daily_rotation WHERE " + OWNED
                                    + " ORDER BY guild_id, question_id COLLATE \"C\"",
                            owned))) {
                while (rs.next()) {
                    state.seen()
                            .computeIfAbsent(rs.getLong(1), g -> new LinkedHashSet<>())
                            .add(rs.getString(2));
                }
            }
            Map<String, List<RunAnswer>> answers = new HashMap<>();
            try (ResultSet rs = query(
                    open,
                    owned(
                            c,
                            "SELECT a.* FROM daily_run_answers a JOIN daily_runs r ON r.id = a.run_id WHERE "
                                    + OWNED.replace("guild_id", "r.guild_id") + " ORDER BY a.run_id, a.ordinal",
                            owned))) {
                while (rs.next()) {
                    answers.computeIfAbsent(rs.getString("run_id"), r -> new ArrayList<>())
                            .add(new RunAnswer(
                                    rs.getLong("user_id"),
                                    rs.getInt("position"),
                                    rs.getString("question_id"),
                                    rs.getString("step"),
                                    rs.getBoolean("correct"),
                                    rs.getInt("points"),
                                    Sql.instant(rs, "answered_at")));
                }
            }
            List<DailyRun> runs = new ArrayList<>();
            try (ResultSet rs = query(
                    open, owned(c, "SELECT * FROM daily_runs WHERE " + OWNED + " ORDER BY id COLLATE \"C\"", owned))) {
                while (rs.next()) {
                    String id = rs.getString("id");
                    runs.add(new DailyRun(
                            id,
                            new ScheduleId(rs.getLong("guild_id"), rs.getLong("channel_id")),
                            rs.getObject("run_date", LocalDate.class),
                            strings(rs.getArray("question_ids")),
                            Sql.instant(rs, "scheduled_at"),
                            Sql.instant(rs, "started_at"),
                            Sql.instant(rs, "closes_at"),
                            rs.getBoolean("late"),
                            RunStatus.valueOf(rs.getString("status")),
                            Optional.ofNullable(rs.getString("failure")),
                            answers.getOrDefault(id, List.of())));
                }
            }
            return new Stored(state, runs);
        } finally {
            for (AutoCloseable statement : open) {
                try {
                    statement.close();
                } catch (Exception e) {
                    log.debug("closing a statement failed", e);
                }
            }
        }
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }

    private static DailySchedule schedule(ResultSet rs) throws SQLException {
        ScheduleId id = new ScheduleId(rs.getLong("guild_id"), rs.getLong("channel_id"));
        try {
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            for (String d : strings(rs.getArray("days"))) {
                days.add(day(d));
            }
            String difficulty = rs.getString("difficulty");
            long role = rs.getLong("ping_role");
            OptionalLong pingRole = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(role);
            String reportDay = rs.getString("report_day");
            return new DailySchedule(
                    id,
                    rs.getObject("start_time", LocalTime.class),
                    ZoneId.of(rs.getString("zone")),
                    days,
                    new LinkedHashSet<>(strings(rs.getArray("steps"))),
                    difficulty == null
                            ? Optional.empty()
                            : Optional.of(Difficulty.fromId(difficulty)
                                    .orElseThrow(
                                            () -> new IllegalArgumentException("unknown difficulty " + difficulty))),
                    rs.getInt("question_count"),
                    pingRole,
                    Duration.ofMinutes(rs.getInt("window_minutes")),
                    rs.getInt("group_minimum"),
                    Optional.ofNullable(reportDay).map(PostgresDailyRepository::day),
                    rs.getLong("set_by"),
                    Sql.instant(rs, "since"),
                    QuestionSource.fromId(rs.getString("source"))
                            .orElseThrow(() -> new IllegalArgumentException("unknown question source")));
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new SQLException("schedule " + id + " in daily_schedules is not valid (" + e.getMessage() + ")", e);
        }
    }

    static String dayName(DayOfWeek day) {
        return day.name().substring(0, 3).toLowerCase(Locale.ROOT);
    }

    private static DayOfWeek day(String name) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (dayName(d).equals(name)) {
                return d;
            }
        }
        throw new IllegalArgumentException("no weekday is called \"" + name + "\"");
    }

    // ---- writes ------------------------------------------------------------------------------------

    @Override
    public void writeState(State state) throws IOException {
        inTransaction("saving the daily schedules", c -> {
            writeState(c, state, owned);
            return null;
        });
    }

    /** Replaces the state on {@code c}, in the caller's transaction. */
    static void writeState(Connection c, State state) throws SQLException {
        writeState(c, state, OwnedGuilds.ALL);
    }

    /**
     * Replaces the rows of {@code owned}'s guilds on {@code c} with {@code state}, in the caller's transaction.
     *
     * @throws IllegalArgumentException when {@code state} holds a guild {@code owned} does not
     */
    private static void writeState(Connection c, State state, OwnedGuilds owned) throws SQLException {
        for (ScheduleId id : state.schedules().keySet()) {
            requireOwned(owned, id.guildId());
        }
        for (ScheduleId id : state.groups().keySet()) {
            requireOwned(owned, id.guildId());
        }
        for (long guild : state.seen().keySet()) {
            requireOwned(owned, guild);
        }
        for (String table : List.of("daily_schedules", "daily_groups", "daily_rotation")) {
            try (PreparedStatement ps = owned(c, "DELETE FROM " + table + " WHERE " + OWNED, owned)) {
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO daily_schedules (guild_id, channel_id, "
                + "start_time, zone, days, steps, difficulty, question_count, ping_role, window_minutes, "
                + "group_minimum, report_day, set_by, since, source)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (DailySchedule s : state.schedules().values()) {
                int i = 1;
                ps.setLong(i++, s.guildId());
                ps.setLong(i++, s.channelId());
                ps.setObject(i++, s.time());
                ps.setString(i++, s.zone().getId());
                ps.setArray(
                        i++,
                        c.createArrayOf(
                                "text",
                                EnumSet.copyOf(s.days()).stream()
                                        .map(PostgresDailyRepository::dayName)
                                        .toArray()));
                ps.setArray(
                        i++, c.createArrayOf("text", s.steps().stream().sorted().toArray()));
                ps.setString(i++, s.difficulty().map(Difficulty::id).orElse(null));
                ps.setInt(i++, s.count());
                Sql.optional(ps, i++, s.pingRole());
                ps.setInt(i++, Math.toIntExact(s.window().toMinutes()));
                ps.setInt(i++, s.groupMinimum());
                ps.setString(
                        i++, s.reportDay().map(PostgresDailyRepository::dayName).orElse(null));
                ps.setLong(i++, s.setBy());
                Sql.instant(ps, i++, s.since());
                ps.setString(i, s.source().id());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO daily_groups (guild_id, channel_id, "
                + "streak_current, streak_best, streak_last, last_report) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (Map.Entry<ScheduleId, GroupState> e : state.groups().entrySet()) {
                ps.setLong(1, e.getKey().guildId());
                ps.setLong(2, e.getKey().channelId());
                ps.setInt(3, e.getValue().streak().current());
                ps.setInt(4, e.getValue().streak().best());
                ps.setObject(5, e.getValue().streak().lastCounted().orElse(null));
                ps.setObject(6, e.getValue().lastReport().orElse(null));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO daily_rotation (guild_id, question_id) VALUES (?, ?)")) {
            for (Map.Entry<Long, Set<String>> e : state.seen().entrySet()) {
                for (String q : e.getValue()) {
                    ps.setLong(1, e.getKey());
                    ps.setString(2, q);
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
    }

    private static void requireOwned(OwnedGuilds owned, long guildId) {
        if (!owned.owns(guildId)) {
            throw new IllegalArgumentException("guild " + guildId + " is not on " + owned);
        }
    }

    @Override
    public void writeRun(DailyRun run) throws IOException {
        requireOwned(owned, run.guildId());
        inTransaction("saving daily run " + run.id(), c -> {
            writeRun(c, run);
            return null;
        });
    }

    /** Stores {@code run} on {@code c}, in the caller's transaction. */
    static void writeRun(Connection c, DailyRun run) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO daily_runs (id, guild_id, channel_id, "
                + "run_date, question_ids, scheduled_at, started_at, closes_at, late, status, failure) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                + "guild_id = EXCLUDED.guild_id, channel_id = EXCLUDED.channel_id, run_date = EXCLUDED.run_date, "
                + "question_ids = EXCLUDED.question_ids, scheduled_at = EXCLUDED.scheduled_at, "
                + "started_at = EXCLUDED.started_at, closes_at = EXCLUDED.closes_at, late = EXCLUDED.late, "
                + "status = EXCLUDED.status, failure = EXCLUDED.failure")) {
            ps.setString(1, run.id());
            ps.setLong(2, run.guildId());
            ps.setLong(3, run.channelId());
            ps.setObject(4, run.date());
            ps.setArray(5, c.createArrayOf("text", run.questionIds().toArray()));
            Sql.instant(ps, 6, run.scheduledAt());
            Sql.instant(ps, 7, run.startedAt());
            Sql.instant(ps, 8, run.closesAt());
            ps.setBoolean(9, run.late());
            ps.setString(10, run.status().name());
            ps.setString(11, run.failure().orElse(null));
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM daily_run_answers WHERE run_id = ?")) {
            ps.setString(1, run.id());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO daily_run_answers (run_id, ordinal, user_id, "
                + "position, question_id, step, correct, points, answered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int ordinal = 0;
            for (RunAnswer a : run.answers()) {
                ps.setString(1, run.id());
                ps.setInt(2, ordinal++);
                ps.setLong(3, a.userId());
                ps.setInt(4, a.position());
                ps.setString(5, a.questionId());
                ps.setString(6, a.step());
                ps.setBoolean(7, a.correct());
                ps.setInt(8, a.points());
                Sql.instant(ps, 9, a.at());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    @Override
    public void deleteRun(String runId) throws IOException {
        inTransaction("deleting daily run " + runId, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM daily_runs WHERE id = ?")) {
                ps.setString(1, runId);
                ps.executeUpdate();
            }
            return null;
        });
    }
}
