package dev.drillbit.storage.postgres;

import dev.drillbit.daily.DailyRepository;
import dev.drillbit.daily.DailyRun;
import dev.drillbit.learning.DeckCard;
import dev.drillbit.learning.DeckRule;
import dev.drillbit.learning.LearnerState;
import dev.drillbit.progress.JournalEntry;
import dev.drillbit.progress.MemberRef;
import dev.drillbit.progress.stats.MemberStats;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A whole data set copied into PostgreSQL in <em>one</em> transaction: the daily quizzes, then every event
 * in id order (applied by the same {@link EventBatch} the store's writer uses, so the tables end as if the
 * bot had recorded them here, ids included), then read back on the same connection so the caller can
 * compare before anything is visible. {@link #commit} makes it all visible at once; {@link #close} without
 * it rolls everything back.
 *
 * <p>Not thread-safe: one caller, one pass.
 */
public final class PostgresImport implements AutoCloseable {
    static final int CHUNK = PostgresScoreStore.MAX_BATCH;

    private final PostgresDatabase db;
    private final Connection c;
    private final DeckRule deckRule = new DeckRule();
    private final List<JournalEntry> pending = new ArrayList<>(CHUNK);
    private long lastId;
    private boolean committed;

    private PostgresImport(PostgresDatabase db, Connection c) {
        this.db = db;
        this.c = c;
    }

    /** Opens the transaction the import runs in. */
    public static PostgresImport begin(PostgresDatabase db) {
        try {
            Connection c = db.connection();
            try {
                c.setAutoCommit(false);
                c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
                try (Statement st = c.createStatement()) {
                    st.execute("SET LOCAL synchronous_commit TO on");
                }
                return new PostgresImport(db, c);
            } catch (SQLException e) {
                c.close();
                throw e;
            }
        } catch (SQLException e) {
            throw failed("starting the import", e);
        }
    }

    private static StorageUnavailableException failed(String what, SQLException e) {
        return new StorageUnavailableException(what + " in PostgreSQL failed: " + e.getMessage(), e);
    }

    /** Where the import goes, for messages: the URL without credentials, and the schema. */
    public String target() {
        return db.settings().safeUrl() + " (" + db.settings().schema().orElse("default schema") + ")";
    }

    /**
     * Rows in every table of drillbit's schema (Flyway's own history aside), by table name: what the
     * target already holds.
     */
    public Map<String, Long> rowCounts() {
        try {
            Map<String, Long> out = new TreeMap<>();
            for (String table : tables()) {
                try (Statement st = c.createStatement();
                        ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
                    rs.next();
                    out.put(table, rs.getLong(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failed("counting rows", e);
        }
    }

    private List<String> tables() throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT quote_ident(table_name) FROM information_schema.tables "
                        + "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' "
                        + "AND table_name <> 'flyway_schema_history' ORDER BY table_name")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** Empties every table of drillbit's schema (inside the transaction: undone unless committed). */
    public void clear() {
        try (Statement st = c.createStatement()) {
            List<String> tables = tables();
            if (!tables.isEmpty()) {
                st.execute("TRUNCATE " + String.join(", ", tables));
            }
        } catch (SQLException e) {
            throw failed("emptying the tables", e);
        }
    }

    /** Writes the daily quizzes' state and runs. */
    public void daily(DailyRepository.Stored stored) {
        try {
            PostgresDailyRepository.writeState(c, stored.state());
            for (DailyRun run : stored.runs()) {
                PostgresDailyRepository.writeRun(c, run);
            }
        } catch (SQLException e) {
            throw failed("copying the daily quizzes", e);
        }
    }

    /** Writes the servers' packs and the members' reports of questions. */
    public void packsAndFlags(List<dev.drillbit.packs.StoredPack> packs, List<dev.drillbit.insights.Flag> flags) {
        try {
            for (dev.drillbit.packs.StoredPack pack : packs) {
                PostgresServerPackStore.put(c, pack);
            }
            for (dev.drillbit.insights.Flag flag : flags) {
                PostgresFlagStore.put(c, flag);
            }
        } catch (SQLException e) {
            throw failed("copying the server packs and question reports", e);
        }
    }

    /** Writes members' suggestions (under their own ids) and each server's review channel. */
    public void suggestions(List<dev.drillbit.packs.Suggestion> suggestions, Map<Long, Long> reviewChannels) {
        try {
            PostgresSuggestionStore.copy(c, suggestions, reviewChannels);
        } catch (SQLException e) {
            throw failed("copying the suggestions", e);
        }
    }

    /** The suggestions read back inside the transaction, by id. */
    public List<dev.drillbit.packs.Suggestion> suggestionsBack() {
        try {
            return PostgresSuggestionStore.all(c);
        } catch (SQLException e) {
            throw failed("reading the suggestions back", e);
        }
    }

    /** The review channels read back inside the transaction, by guild. */
    public Map<Long, Long> reviewChannelsBack() {
        try {
            return PostgresSuggestionStore.reviewChannels(c);
        } catch (SQLException e) {
            throw failed("reading the review channels back", e);
        }
    }

    /** The servers' packs read back inside the transaction. */
    public List<dev.drillbit.packs.StoredPack> packs() {
        try {
            return PostgresServerPackStore.all(c);
        } catch (SQLException e) {
            throw failed("reading the server packs back", e);
        }
    }

    /** The reports of questions read back inside the transaction. */
    public List<dev.drillbit.insights.Flag> flags() {
        try {
            return PostgresFlagStore.all(c);
        } catch (SQLException e) {
            throw failed("reading the question reports back", e);
        }
    }

    /** Writes who got their review reminder on which day (an epoch day in their guild's zone). */
    public void reminderClaims(Map<MemberRef, Long> claims) {
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO reminder_claims (guild_id, user_id, day) VALUES (?, ?, ?)")) {
            for (Map.Entry<MemberRef, Long> e : claims.entrySet()) {
                ps.setLong(1, e.getKey().guildId());
                ps.setLong(2, e.getKey().userId());
                ps.setInt(3, Math.toIntExact(e.getValue()));
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw failed("copying the reminder claims", e);
        }
    }

    /** Rows in {@code table} (one of drillbit's), inside the transaction. */
    public long count(String table) {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw failed("counting " + table, e);
        }
    }

    /**
     * Adds one event, with its id; ids must increase. Events are applied in batches of {@value #CHUNK}.
     *
     * @throws IllegalArgumentException when the id does not follow the previous one's
     */
    public void event(JournalEntry entry) {
        if (entry.id() <= lastId) {
            throw new IllegalArgumentException("event " + entry.id() + " comes after event " + lastId);
        }
        lastId = entry.id();
        pending.add(entry);
        if (pending.size() == CHUNK) {
            flushEvents();
        }
    }

    /** Applies the events still buffered and moves the id sequence past the last one. */
    public void finishEvents() {
        flushEvents();
        if (lastId > 0) {
            try (PreparedStatement ps = c.prepareStatement("SELECT setval('event_ids', ?)")) {
                ps.setLong(1, lastId);
                ps.execute();
            } catch (SQLException e) {
                throw failed("moving the event id sequence", e);
            }
        }
    }

    private void flushEvents() {
        if (pending.isEmpty()) {
            return;
        }
        try {
            EventBatch batch = new EventBatch(c, deckRule);
            batch.load(pending);
            for (JournalEntry e : pending) {
                batch.apply(e);
            }
            batch.flush();
            batch.close();
        } catch (SQLException e) {
            throw failed(
                    "copying events up to id " + pending.get(pending.size() - 1).id(), e);
        }
        pending.clear();
    }

    /** What the bot would show as the member's figures, read inside the transaction; {@code today} as epoch day. */
    public Optional<MemberStats> memberStats(MemberRef m, int today) {
        try {
            return PostgresScoreStore.memberStats(c, m.guildId(), m.userId(), today);
        } catch (SQLException e) {
            throw failed("reading member stats back", e);
        }
    }

    /** The person's learning (deck, seen and right questions, reminder), read inside the transaction. */
    public LearnerState learner(long userId) {
        try {
            return PostgresScoreStore.learner(c, userId);
        } catch (SQLException e) {
            throw failed("reading a learner back", e);
        }
    }

    /**
     * Makes the person's learning exactly {@code state}: their review cards and seen questions are replaced,
     * and their reminder is switched on (recorded as set {@code at}, with no event of its own) or off.
     */
    public void replaceLearning(LearnerState state, java.time.Instant at) {
        long user = state.userId();
        try {
            for (String table : List.of("review_cards", "member_questions")) {
                try (PreparedStatement ps =
                        c.prepareStatement("DELETE FROM " + table + " WHERE guild_id = ? AND user_id = ?")) {
                    ps.setLong(1, MemberRef.PERSONAL);
                    ps.setLong(2, user);
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO review_cards (guild_id, user_id, question_id, "
                    + "state, learning_step, stability, difficulty, last_review, due, reps, lapses) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (DeckCard card : state.deck()) {
                    ps.setLong(1, MemberRef.PERSONAL);
                    ps.setLong(2, user);
                    ps.setString(3, card.questionId());
                    ps.setString(4, card.card().state().name());
                    ps.setInt(5, card.card().step());
                    ps.setDouble(6, card.card().stability());
                    ps.setDouble(7, card.card().difficulty());
                    Sql.instant(ps, 8, card.card().lastReview());
                    Sql.instant(ps, 9, card.card().due());
                    ps.setInt(10, card.card().reps());
                    ps.setInt(11, card.card().lapses());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO member_questions (guild_id, user_id, "
                    + "question_id, latest_right) VALUES (?, ?, ?, ?)")) {
                for (String q : state.seen()) {
                    ps.setLong(1, MemberRef.PERSONAL);
                    ps.setLong(2, user);
                    ps.setString(3, q);
                    ps.setBoolean(4, state.right().contains(q));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            if (!state.reminder()) {
                try (PreparedStatement ps =
                        c.prepareStatement("DELETE FROM reminders WHERE guild_id = ? AND user_id = ?")) {
                    ps.setLong(1, MemberRef.PERSONAL);
                    ps.setLong(2, user);
                    ps.executeUpdate();
                }
            } else {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO reminders (guild_id, user_id, event_id, "
                        + "set_at) VALUES (?, ?, 0, ?) ON CONFLICT (guild_id, user_id) DO NOTHING")) {
                    ps.setLong(1, MemberRef.PERSONAL);
                    ps.setLong(2, user);
                    Sql.instant(ps, 3, at);
                    ps.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw failed("copying the learning of user " + user, e);
        }
    }

    /** Every member with a row in the score or learning tables, by guild then user. */
    public List<MemberRef> members() {
        List<MemberRef> out = new ArrayList<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT guild_id, user_id FROM member_scores "
                        + "UNION SELECT guild_id, user_id FROM review_cards "
                        + "UNION SELECT guild_id, user_id FROM member_questions "
                        + "UNION SELECT guild_id, user_id FROM reminders ORDER BY 1, 2")) {
            while (rs.next()) {
                out.add(new MemberRef(rs.getLong(1), rs.getLong(2)));
            }
        } catch (SQLException e) {
            throw failed("listing members", e);
        }
        return out;
    }

    /** The daily quizzes as the repository would load them, read inside the transaction. */
    public DailyRepository.Stored daily() {
        try {
            return PostgresDailyRepository.load(c);
        } catch (SQLException e) {
            throw failed("reading the daily quizzes back", e);
        }
    }

    /** Makes everything visible at once. */
    public void commit() {
        try {
            c.commit();
            committed = true;
        } catch (SQLException e) {
            throw failed("committing the import", e);
        }
    }

    /** Rolls back unless committed, and returns the connection. */
    @Override
    public void close() {
        try {
            if (!committed) {
                c.rollback();
            }
        } catch (SQLException e) {
            // the connection is going; PostgreSQL rolls back a transaction whose session ends
        } finally {
            try {
                c.close();
            } catch (SQLException e) {
                // nothing more to release
            }
        }
    }
}
