package dev.drillbit.storage.postgres;

import dev.drillbit.insights.Flag;
import dev.drillbit.insights.FlagReason;
import dev.drillbit.insights.FlagStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link FlagStore} on PostgreSQL: table {@code question_flags} (see {@code V6__question_flags.sql}), one
 * row per server, question and member. Each write is one statement in its own transaction, committed
 * before it returns.
 *
 * <p>Thread-safe, and stateless apart from the shared database.
 */
public final class PostgresFlagStore implements FlagStore {
    private final PostgresDatabase db;

    private PostgresFlagStore(PostgresDatabase db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /** The reports in an open (migrated) database. */
    public static PostgresFlagStore open(PostgresDatabase db) {
        return new PostgresFlagStore(db);
    }

    @Override
    public List<Flag> all() {
        return Sql.query(db, "the question reports", PostgresFlagStore::all);
    }

    /** Every report on {@code c}, by guild, question and member. */
    static List<Flag> all(Connection c) throws SQLException {
        List<Flag> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                        "SELECT guild_id, question_id, user_id, reason, note, flagged_at FROM question_flags"
                                + " ORDER BY guild_id, question_id COLLATE \"C\", user_id");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String reason = rs.getString("reason");
                out.add(new Flag(
                        rs.getLong("guild_id"),
                        rs.getString("question_id"),
                        rs.getLong("user_id"),
                        FlagReason.fromId(reason)
                                .orElseThrow(() -> new java.sql.SQLException("unknown report reason " + reason)),
                        Optional.ofNullable(rs.getString("note")),
                        Sql.instant(rs, "flagged_at")));
            }
        }
        return out;
    }

    @Override
    public void put(Flag flag) {
        Sql.write(db, "the question report", c -> put(c, flag));
    }

    /** Stores the report on {@code c}, in the caller's transaction. */
    static int put(Connection c, Flag flag) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO question_flags (guild_id, question_id, user_id, reason, note, flagged_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (guild_id, question_id, user_id) DO UPDATE"
                        + " SET reason = EXCLUDED.reason, note = EXCLUDED.note, flagged_at = EXCLUDED.flagged_at")) {
            ps.setLong(1, flag.guildId());
            ps.setString(2, flag.questionId());
            ps.setLong(3, flag.userId());
            ps.setString(4, flag.reason().id());
            ps.setString(5, flag.note().orElse(null));
            Sql.instant(ps, 6, flag.at());
            return ps.executeUpdate();
        }
    }

    @Override
    public int resolve(long guildId, String questionId) {
        return Sql.write(db, "resolving the question's reports", c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("DELETE FROM question_flags WHERE guild_id = ? AND question_id = ?")) {
                ps.setLong(1, guildId);
                ps.setString(2, questionId);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public void forget(long guildId, long userId) {
        Sql.write(db, "forgetting a member's question reports", c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("DELETE FROM question_flags WHERE guild_id = ? AND user_id = ?")) {
                ps.setLong(1, guildId);
                ps.setLong(2, userId);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public void forgetEverywhere(long userId) {
        Sql.write(db, "forgetting a person's question reports", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM question_flags WHERE user_id = ?")) {
                ps.setLong(1, userId);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public void close() {
        // the database is the backend's to close
    }
}
