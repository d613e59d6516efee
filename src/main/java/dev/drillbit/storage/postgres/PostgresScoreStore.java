package dev.drillbit.storage.postgres;

import dev.drillbit.bank.Difficulty;
import dev.drillbit.bank.QuestionType;
import dev.drillbit.insights.QuestionStats;
import dev.drillbit.learning.DeckCard;
import dev.drillbit.learning.DeckRule;
import dev.drillbit.learning.LearnerState;
import dev.drillbit.learning.LearningStore;
import dev.drillbit.learning.Rating;
import dev.drillbit.progress.Answer;
import dev.drillbit.progress.AnswerEvent;
import dev.drillbit.progress.ForgetEvent;
import dev.drillbit.progress.Forgotten;
import dev.drillbit.progress.GuildZones;
import dev.drillbit.progress.JournalEntry;
import dev.drillbit.progress.MemberRef;
import dev.drillbit.progress.ReminderEvent;
import dev.drillbit.progress.ReviewEvent;
import dev.drillbit.progress.ScoreStore;
import dev.drillbit.progress.stats.Accuracy;
import dev.drillbit.progress.stats.Leaderboard;
import dev.drillbit.progress.stats.LeaderboardEntry;
import dev.drillbit.progress.stats.LeaderboardPeriod;
import dev.drillbit.progress.stats.MemberStats;
import dev.drillbit.progress.stats.Streak;
import dev.drillbit.quiz.SelfGrade;
import dev.drillbit.storage.CommitObserver;
import dev.drillbit.storage.GroupCommit;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ScoreStore} and {@link LearningStore} on PostgreSQL (like {@code FlatFileScoreStore}, one object
 * is both: an answer changes scores and the review deck in one transaction). Tables: see the migrations in
 * {@code db/migration}.
 *
 * <h2>Durability and batching</h2>
 * One writer thread takes whatever is queued (up to {@value #MAX_BATCH} events), draws their ids from the
 * {@code event_ids} sequence, applies them in one transaction ({@link EventBatch}: answer rows inserted,
 * the member's totals, steps, seen questions and review cards read with {@code FOR UPDATE}, changed by the
 * same pure rules as the flat file, written back) and commits; only then are the callers' futures
 * completed. Concurrent answers therefore share one commit (one WAL flush); {@link #commits()} counts them.
 * When a transaction fails (the database went away, a constraint), every event of the batch is failed with
 * a {@link StorageUnavailableException} ("not saved") and the writer carries on with the next batch: the
 * pool opens a new connection when the database is back.
 *
 * <h2>Queries</h2>
 * SQL over the per-member tables and indexes, never a replay: the all-time board reads
 * {@code member_scores} (or {@code member_steps} for one step), the day, week and month boards sum the
 * scoring answers in the window ({@code answers_scoring_by_time}); ranking, top ten, count and the
 * requester's place come from one window-function query whose order is {@code Ranking}'s (points
 * descending, then who reached them first, then the lower user id; the contract's tie test holds both to
 * it). A member's figures and learner state, several queries each, are read in one REPEATABLE READ
 * transaction; everything else is one statement.
 *
 * <p>Thread-safe: every public method may be called from any thread. Futures complete on the writer
 * thread. The store does not own the {@link PostgresDatabase}; close the store first, then the database.
 */
public final class PostgresScoreStore implements LearningStore {
    static final int MAX_BATCH = 1024;
    private static final Logger log = LoggerFactory.getLogger(PostgresScoreStore.class);

    private final PostgresDatabase db;
    private final Clock clock;
    private final GuildZones zones;
    private final DeckRule deckRule = new DeckRule();
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong failedBatches = new AtomicLong();
    private final GroupCommit<Pending> writer;
    /** Touched by the writer thread only. */
    private final Outage outage = new Outage(System::nanoTime);

    /** An event waiting for its id: {@code make} builds it, {@code future} hears of it. */
    private record Pending(LongFunction<JournalEntry> make, CompletableFuture<?> future) {}

    private PostgresScoreStore(PostgresDatabase db, Clock clock, GuildZones zones, CommitObserver commits) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zones = Objects.requireNonNull(zones, "zones");
        this.writer = new GroupCommit<>("score-postgres-writer", MAX_BATCH, this::write, () -> null, commits);
    }

    /** Opens the store over an open (migrated) database and starts its writer. */
    public static PostgresScoreStore open(PostgresDatabase db, Clock clock, GuildZones zones) {
        return open(db, clock, zones, CommitObserver.NONE);
    }

    /** As {@link #open(PostgresDatabase, Clock, GuildZones)}, telling {@code commits} about each commit. */
    public static PostgresScoreStore open(PostgresDatabase db, Clock clock, GuildZones zones, CommitObserver commits) {
        PostgresScoreStore store = new PostgresScoreStore(db, clock, zones, commits);
        store.writer.start();
        return store;
    }

    // ---- writing -----------------------------------------------------------------------------------

    @Override
    public CompletableFuture<AnswerEvent> record(Answer answer) {
        Objects.requireNonNull(answer, "answer");
        CompletableFuture<AnswerEvent> future = new CompletableFuture<>();
        writer.submit(
                new Pending(
                        id -> {
                            AnswerEvent event = answer.withId(id);
                            return event.withDay(Streak.dayOf(event.at(), zones.zoneOf(event.guildId())));
                        },
                        future),
                future);
        return future;
    }

    @Override
    public CompletableFuture<Forgotten> forget(long guildId, long userId) {
        CompletableFuture<Forgotten> future = new CompletableFuture<>();
        writer.submit(new Pending(id -> new ForgetEvent(id, guildId, userId, now()), future), future);
        return future;
    }

    @Override
    public CompletableFuture<ReviewEvent> review(
            long guildId, long userId, String questionId, Rating rating, Instant at) {
        Objects.requireNonNull(questionId, "questionId");
        Objects.requireNonNull(rating, "rating");
        Instant ms = at.truncatedTo(ChronoUnit.MILLIS);
        CompletableFuture<ReviewEvent> future = new CompletableFuture<>();
        writer.submit(new Pending(id -> new ReviewEvent(id, guildId, userId, questionId, rating, ms), future), future);
        return future;
    }

    @Override
    public CompletableFuture<ReminderEvent> setReminder(long userId, boolean on) {
        CompletableFuture<ReminderEvent> future = new CompletableFuture<>();
        writer.submit(new Pending(id -> new ReminderEvent(id, MemberRef.PERSONAL, userId, on, now()), future), future);
        return future;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private void write(List<Pending> batch) {
        if (!outage.shouldTry()) {
            failedBatches.incrementAndGet();
            outage.refused(batch.size());
            StorageUnavailableException failure = new StorageUnavailableException("not saved: PostgreSQL at "
                    + db.settings().safeUrl() + " is unreachable; trying again in "
                    + outage.retryIn().toMillis() + " ms");
            batch.forEach(p -> p.future().completeExceptionally(failure));
            return;
        }
        List<JournalEntry> entries = new ArrayList<>(batch.size());
        List<Object> results = new ArrayList<>(batch.size());
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try {
                long[] ids = EventBatch.nextIds(c, batch.size());
                for (int i = 0; i < batch.size(); i++) {
                    entries.add(batch.get(i).make().apply(ids[i]));
                }
                EventBatch tx = new EventBatch(c, deckRule);
                tx.load(entries);
                for (JournalEntry e : entries) {
                    results.add(tx.apply(e));
                }
                tx.flush();
                tx.close();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                rollback(c);
                throw e;
            }
        } catch (SQLException | RuntimeException e) {
            failedBatches.incrementAndGet();
            if (!Outage.isConnectionLoss(e)) {
                log.error(
                        "Writing {} events to PostgreSQL failed; they were not saved and their callers are told so",
                        batch.size(),
                        e);
            } else if (outage.connectionLost(batch.size())) {
                log.error(
                        "Lost the connection to PostgreSQL at {} ({}): {} events were not saved and their callers"
                                + " are told so; until it is back, answers are refused at once and the connection is"
                                + " tried again every {} ms up to every {} s",
                        db.settings().safeUrl(),
                        firstLine(e),
                        batch.size(),
                        Outage.FIRST_WAIT.toMillis(),
                        Outage.MAX_WAIT.toSeconds());
            } else {
                log.debug("PostgreSQL still unreachable: {} events not saved", batch.size(), e);
            }
            StorageUnavailableException failure =
                    new StorageUnavailableException("not saved: the database did not commit (" + firstLine(e) + ")", e);
            batch.forEach(p -> p.future().completeExceptionally(failure));
            return;
        }
        outage.committed()
                .ifPresent(r -> log.warn(
                        "PostgreSQL at {} is back: writes commit again after {} s without; {} events were refused"
                                + " meanwhile",
                        db.settings().safeUrl(),
                        r.lasted().toMillis() / 1000.0,
                        r.refused()));
        commits.incrementAndGet();
        for (int i = 0; i < batch.size(); i++) {
            if (results.get(i) instanceof Forgotten f) {
                log.info("Forgot member {} in guild {} (event {})", f.userId(), f.guildId(), f.eventId());
            }
            complete(batch.get(i), results.get(i));
        }
    }

    private static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }

    private static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            log.debug("Rolling back a failed batch failed too (the connection is probably gone)", e);
        }
    }

    @SuppressWarnings("unchecked") // each Pending's future was made for the type its make function returns
    private static void complete(Pending p, Object value) {
        ((CompletableFuture<Object>) p.future()).complete(value);
    }

    /** Stops taking events and waits until every accepted one is committed or failed. Idempotent. */
    @Override
    public void close() {
        if (!writer.closeAndWait()) {
            return;
        }
        log.info(
                "PostgreSQL score store closed after {} commits ({} failed batches)",
                commits.get(),
                failedBatches.get());
    }

    /** Transactions committed so far: fewer than events when concurrent answers shared a commit. */
    public long commits() {
        return commits.get();
    }

    // ---- score queries ---------------------------------------------------------------------------------

    /**
     * The all-time board of a whole guild without ranking every member: the top ten straight from the board
     * index ({@code member_scores_board}), the requester's place as one plus the members ahead of them (a
     * range of the same index), and the count. Same order as the general query below: points descending,
     * then who reached them first, then the lower user id.
     */
    private static final String ALL_TIME_BOARD = "WITH me AS (SELECT user_id, points, reached_at FROM member_scores "
            + "WHERE guild_id = ? AND user_id = ? AND points > 0), "
            + "top AS (SELECT user_id, points, reached_at FROM member_scores WHERE guild_id = ? AND points > 0 "
            + "ORDER BY points DESC, reached_at ASC, user_id ASC LIMIT ?), "
            + "total AS (SELECT count(*) AS n FROM member_scores WHERE guild_id = ? AND points > 0) "
            + "SELECT place, user_id, points, (SELECT n FROM total) AS total FROM ("
            + "SELECT row_number() OVER (ORDER BY points DESC, reached_at ASC, user_id ASC) AS place, user_id, points "
            + "FROM top UNION ALL "
            + "SELECT 1 + (SELECT count(*) FROM member_scores s WHERE s.guild_id = ? AND s.points > 0 AND "
            + "(s.points > me.points OR (s.points = me.points AND (s.reached_at < me.reached_at "
            + "OR (s.reached_at = me.reached_at AND s.user_id < me.user_id))))), me.user_id, me.points FROM me "
            + "WHERE NOT EXISTS (SELECT 1 FROM top WHERE top.user_id = me.user_id)) r ORDER BY place";

    @Override
    public Leaderboard leaderboard(
            long guildId, LeaderboardPeriod period, Optional<String> step, long requesterId, ZoneId zone) {
        LeaderboardPeriod.Window window = period.window(clock.instant(), zone);
        String standings;
        if (period == LeaderboardPeriod.ALL_TIME) {
            // as the flat file: on a step's board too, ties go by when the member reached their all-time points
            standings = step.isEmpty()
                    ? "SELECT user_id, points, reached_at AS reached FROM member_scores WHERE guild_id = ? AND points > 0"
                    : "SELECT s.user_id, s.points, m.reached_at AS reached FROM member_steps s JOIN member_scores m "
                            + "USING (guild_id, user_id) WHERE s.guild_id = ? AND s.points > 0 AND s.step = ?";
        } else {
            // ties: the quarter-hour of the last scoring answer in the window, as the flat file keeps it
            standings = "SELECT user_id, sum(points) AS points, "
                    + "date_bin('15 minutes', max(answered_at), TIMESTAMPTZ '1970-01-01 00:00:00+00') AS reached "
                    + "FROM answers WHERE guild_id = ? AND points > 0 AND answered_at >= ? AND answered_at < ?"
                    + (step.isPresent() ? " AND step = ?" : "") + " GROUP BY user_id";
        }
        String sql = "WITH standings AS (" + standings + "), ranked AS (SELECT user_id, points, "
                + "row_number() OVER (ORDER BY points DESC, reached ASC, user_id ASC) AS place, count(*) OVER () AS total "
                + "FROM standings) SELECT place, user_id, points, total FROM ranked WHERE place <= ? OR user_id = ? "
                + "ORDER BY place";
        boolean wholeGuildAllTime = period == LeaderboardPeriod.ALL_TIME && step.isEmpty();
        return Sql.query(db, "the leaderboard", c -> {
            try (PreparedStatement ps = c.prepareStatement(wholeGuildAllTime ? ALL_TIME_BOARD : sql)) {
                int i = 1;
                if (wholeGuildAllTime) {
                    ps.setLong(i++, guildId);
                    ps.setLong(i++, requesterId);
                    ps.setLong(i++, guildId);
                    ps.setInt(i++, Leaderboard.TOP);
                    ps.setLong(i++, guildId);
                    ps.setLong(i, guildId);
                } else {
                    ps.setLong(i++, guildId);
                    if (period != LeaderboardPeriod.ALL_TIME) {
                        Sql.instant(ps, i++, window.from());
                        Sql.instant(ps, i++, window.until());
                    }
                    if (step.isPresent()) {
                        ps.setString(i++, step.get());
                    }
                    ps.setInt(i++, Leaderboard.TOP);
                    ps.setLong(i, requesterId);
                }
                List<LeaderboardEntry> top = new ArrayList<>();
                Optional<LeaderboardEntry> mine = Optional.empty();
                int ranked = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        LeaderboardEntry e =
                                new LeaderboardEntry(rs.getInt("place"), rs.getLong("user_id"), rs.getLong("points"));
                        ranked = rs.getInt("total");
                        if (e.rank() <= Leaderboard.TOP) {
                            top.add(e);
                        }
                        if (e.userId() == requesterId) {
                            mine = Optional.of(e);
                        }
                    }
                }
                return new Leaderboard(guildId, period, step, zone, window, ranked, top, mine);
            }
        });
    }

    @Override
    public Optional<MemberStats> memberStats(long guildId, long userId) {
        int today = Streak.dayOf(clock.instant(), zones.zoneOf(guildId));
        return Sql.read(db, "member stats", c -> memberStats(c, guildId, userId, today));
    }

    /** A member's figures read on {@code c} (in the caller's transaction); {@code today} an epoch day in the guild's zone. */
    static Optional<MemberStats> memberStats(Connection c, long guildId, long userId, int today) throws SQLException {
        long points;
        Accuracy overall;
        Streak streak;
        Instant lastActive;
        try (PreparedStatement ps =
                c.prepareStatement("SELECT * FROM member_scores WHERE guild_id = ? AND user_id = ?")) {
            ps.setLong(1, guildId);
            ps.setLong(2, userId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getInt("answered") == 0) {
                    return Optional.empty();
                }
                points = rs.getLong("points");
                overall = new Accuracy(rs.getInt("answered"), rs.getInt("correct"));
                streak =
                        new Streak(rs.getInt("streak_last_day"), rs.getInt("streak_current"), rs.getInt("streak_best"));
                lastActive = Sql.instant(rs, "last_active");
            }
        }
        Map<String, Accuracy> bySteps = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT step, answered, correct FROM member_steps "
                + "WHERE guild_id = ? AND user_id = ? ORDER BY first_answer_id")) {
            ps.setLong(1, guildId);
            ps.setLong(2, userId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    bySteps.put(rs.getString("step"), new Accuracy(rs.getInt("answered"), rs.getInt("correct")));
                }
            }
        }
        Map<Difficulty, Accuracy> byDifficulty = new EnumMap<>(Difficulty.class);
        try (PreparedStatement ps = c.prepareStatement("SELECT difficulty, count(*) AS answered, "
                + "count(*) FILTER (WHERE correct) AS correct FROM answers WHERE guild_id = ? AND user_id = ? "
                + "GROUP BY difficulty")) {
            ps.setLong(1, guildId);
            ps.setLong(2, userId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byDifficulty.put(
                            Difficulty.valueOf(rs.getString("difficulty")),
                            new Accuracy(rs.getInt("answered"), rs.getInt("correct")));
                }
            }
        }
        return Optional.of(new MemberStats(
                guildId,
                userId,
                points,
                overall,
                bySteps,
                byDifficulty,
                streak.currentOn(today),
                streak.best(),
                lastActive));
    }

    @Override
    public List<AnswerEvent> history(long guildId, long userId) {
        return Sql.query(db, "answer history", c -> {
            List<AnswerEvent> out = new ArrayList<>();
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT * FROM answers WHERE guild_id = ? AND user_id = ? ORDER BY id")) {
                ps.setLong(1, guildId);
                ps.setLong(2, userId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(answer(rs));
                    }
                }
            }
            return out;
        });
    }

    private static AnswerEvent answer(ResultSet rs) throws SQLException {
        String grade = rs.getString("self_grade");
        return new AnswerEvent(
                        rs.getLong("id"),
                        rs.getLong("guild_id"),
                        rs.getLong("user_id"),
                        rs.getString("question_id"),
                        rs.getString("step"),
                        Difficulty.valueOf(rs.getString("difficulty")),
                        QuestionType.valueOf(rs.getString("question_type")),
                        rs.getBoolean("correct"),
                        Optional.ofNullable(grade).map(SelfGrade::valueOf),
                        rs.getInt("points"),
                        Sql.instant(rs, "answered_at"),
                        Sql.optionalLong(rs, "elapsed_ms"),
                        Sql.optionalLong(rs, "limit_ms"),
                        Sql.optionalInt(rs, "choice"))
                .withDay(rs.getInt("streak_day"));
    }

    // ---- learning loop queries -------------------------------------------------------------------------

    /** Question ids in Java's order, as the flat file sorts them, whatever the database's collation. */
    private static final String CARD_ORDER = "ORDER BY due, question_id COLLATE \"C\"";

    @Override
    public List<DeckCard> dueCards(long userId, Instant at) {
        return Sql.query(db, "due cards", c -> cards(c, MemberRef.PERSONAL, userId, at));
    }

    static List<DeckCard> cards(Connection c, long guildId, long userId, Instant until) throws SQLException {
        List<DeckCard> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM review_cards WHERE guild_id = ? AND user_id = ?"
                + (until == null ? "" : " AND due <= ?") + " " + CARD_ORDER)) {
            ps.setLong(1, guildId);
            ps.setLong(2, userId);
            if (until != null) {
                Sql.instant(ps, 3, until);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new DeckCard(rs.getString("question_id"), Cards.read(rs)));
                }
            }
        }
        return out;
    }

    @Override
    public Optional<Instant> nextDue(long userId) {
        long guildId = MemberRef.PERSONAL;
        return Sql.query(db, "the next due card", c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT min(due) FROM review_cards WHERE guild_id = ? AND user_id = ?")) {
                ps.setLong(1, guildId);
                ps.setLong(2, userId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    java.time.OffsetDateTime t = rs.getObject(1, java.time.OffsetDateTime.class);
                    return Optional.ofNullable(t).map(java.time.OffsetDateTime::toInstant);
                }
            }
        });
    }

    @Override
    public int deckSize(long userId) {
        long guildId = MemberRef.PERSONAL;
        return Sql.query(
                db,
                "the deck size",
                c -> count(c, "SELECT count(*) FROM review_cards WHERE guild_id = ? AND user_id = ?", guildId, userId));
    }

    @Override
    public boolean reminderOn(long userId) {
        return Sql.query(db, "the reminder setting", c -> reminder(c, MemberRef.PERSONAL, userId));
    }

    static boolean reminder(Connection c, long guildId, long userId) throws SQLException {
        return count(c, "SELECT count(*) FROM reminders WHERE guild_id = ? AND user_id = ?", guildId, userId) > 0;
    }

    private static int count(Connection c, String sql, long guildId, long userId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, guildId);
            ps.setLong(2, userId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    @Override
    public List<MemberRef> membersToRemind(Instant at) {
        return Sql.query(db, "members to remind", c -> {
            List<MemberRef> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT r.guild_id, r.user_id FROM reminders r "
                    + "WHERE EXISTS (SELECT 1 FROM review_cards d WHERE d.guild_id = r.guild_id "
                    + "AND d.user_id = r.user_id AND d.due <= ?) AND r.guild_id = ? ORDER BY r.user_id")) {
                Sql.instant(ps, 1, at);
                ps.setLong(2, MemberRef.PERSONAL);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new MemberRef(rs.getLong(1), rs.getLong(2)));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public LearnerState learner(long userId) {
        return Sql.read(db, "the learner's state", c -> learner(c, userId));
    }

    /** The person's learning, read on {@code c} (in the caller's transaction). */
    static LearnerState learner(Connection c, long userId) throws SQLException {
        long guildId = MemberRef.PERSONAL;
        Set<String> seen = new HashSet<>();
        Set<String> right = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT question_id, latest_right FROM member_questions " + "WHERE guild_id = ? AND user_id = ?")) {
            ps.setLong(1, guildId);
            ps.setLong(2, userId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    seen.add(rs.getString(1));
                    if (rs.getBoolean(2)) {
                        right.add(rs.getString(1));
                    }
                }
            }
        }
        return new LearnerState(userId, seen, right, cards(c, guildId, userId, null), reminder(c, guildId, userId));
    }

    @Override
    public List<Long> guildsOf(long userId) {
        return Sql.query(db, "the member's guilds", c -> {
            List<Long> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT guild_id FROM answers WHERE user_id = ? "
                    + "UNION SELECT guild_id FROM member_scores WHERE user_id = ? AND answered > 0 "
                    + "UNION SELECT guild_id FROM member_questions WHERE user_id = ? "
                    + "UNION SELECT guild_id FROM review_cards WHERE user_id = ? "
                    + "UNION SELECT guild_id FROM reviews WHERE user_id = ? "
                    + "UNION SELECT guild_id FROM reminders WHERE user_id = ? ORDER BY 1")) {
                for (int i = 1; i <= 6; i++) {
                    ps.setLong(i, userId);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getLong(1));
                    }
                }
            }
            return out;
        });
    }

    /** Counts every kept answer with two GROUP BY queries over {@code answers} (for a report). */
    @Override
    public List<QuestionStats> questionStats() {
        return Sql.read(db, "question stats", c -> {
            Map<String, int[]> counts = new TreeMap<>();
            Map<String, Map<Integer, Integer>> choices = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT question_id, count(*), "
                            + "count(*) FILTER (WHERE correct) FROM answers GROUP BY question_id");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), new int[] {rs.getInt(2), rs.getInt(3)});
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT question_id, choice, count(*) FROM answers "
                            + "WHERE choice IS NOT NULL GROUP BY question_id, choice");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    choices.computeIfAbsent(rs.getString(1), q -> new TreeMap<>())
                            .put(rs.getInt(2), rs.getInt(3));
                }
            }
            List<QuestionStats> out = new ArrayList<>();
            counts.forEach((q, n) -> {
                Map<Integer, Integer> byOption = choices.getOrDefault(q, Map.of());
                int options = byOption.keySet().stream()
                                .mapToInt(Integer::intValue)
                                .max()
                                .orElse(-1)
                        + 1;
                List<Integer> list = new ArrayList<>();
                for (int o = 0; o < options; o++) {
                    list.add(byOption.getOrDefault(o, 0));
                }
                out.add(new QuestionStats(q, n[0], n[1], list));
            });
            return out;
        });
    }
}
