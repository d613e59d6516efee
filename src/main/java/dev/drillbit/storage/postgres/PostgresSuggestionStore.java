package dev.drillbit.storage.postgres;

import dev.drillbit.packs.Suggestion;
import dev.drillbit.packs.SuggestionStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The {@link SuggestionStore} on PostgreSQL: tables {@code suggestions} and {@code suggestion_channels} (see
 * {@code V11__suggestions.sql}). Ids come from the table's identity column. Each write is its own
 * transaction, committed before it returns.
 *
 * <p>Thread-safe, and stateless apart from the shared database.
 */
public final class PostgresSuggestionStore implements SuggestionStore {
    private static final String COLUMNS =
            "id, guild_id, author_id, step, pack_json, status, reason, suggested_at, decided_at";
    private final PostgresDatabase db;

    private PostgresSuggestionStore(PostgresDatabase db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /** The suggestions in an open (migrated) database. */
    public static PostgresSuggestionStore open(PostgresDatabase db) {
        return new PostgresSuggestionStore(db);
    }

    private static Suggestion row(ResultSet rs) throws SQLException {
        return new Suggestion(
                rs.getLong("id"),
                rs.getLong("guild_id"),
                rs.getLong("author_id"),
                rs.getString("step"),
                rs.getString("pack_json"),
                Suggestion.Status.of(rs.getString("status"))
                        .orElseThrow(() -> new SQLException("unknown suggestion status")),
                rs.getString("reason"),
                Sql.instant(rs, "suggested_at"),
                rs.getTimestamp("decided_at") == null ? null : Sql.instant(rs, "decided_at"));
    }

    @Override
    public Suggestion add(Suggestion draft) {
        return Sql.write(db, "the suggestion", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO suggestions (guild_id, author_id, step, pack_json, status, reason, suggested_at,"
                            + " decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
                bind(ps, draft);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return draft.withId(rs.getLong(1));
                }
            }
        });
    }

    /** Binds guild to decided_at as parameters 1 to 8. */
    private static void bind(PreparedStatement ps, Suggestion s) throws SQLException {
        ps.setLong(1, s.guildId());
        ps.setLong(2, s.authorId());
        ps.setString(3, s.step());
        ps.setString(4, s.json());
        ps.setString(5, s.status().id());
        ps.setString(6, s.reason());
        Sql.instant(ps, 7, s.suggestedAt());
        if (s.decidedAt() == null) {
            ps.setNull(8, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            Sql.instant(ps, 8, s.decidedAt());
        }
    }

    @Override
    public Optional<Suggestion> find(long guildId, long id) {
        return Sql.query(db, "a suggestion", c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT " + COLUMNS + " FROM suggestions WHERE guild_id = ? AND id = ?")) {
                ps.setLong(1, guildId);
                ps.setLong(2, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(row(rs)) : Optional.<Suggestion>empty();
                }
            }
        });
    }

    @Override
    public List<Suggestion> open(long guildId) {
        return Sql.query(db, "the open suggestions", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM suggestions"
                    + " WHERE guild_id = ? AND status = 'open' ORDER BY suggested_at, id")) {
                ps.setLong(1, guildId);
                List<Suggestion> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(row(rs));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public void update(Suggestion suggestion) {
        int changed = Sql.write(db, "the suggestion's review", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE suggestions SET guild_id = ?, author_id = ?,"
                    + " step = ?, pack_json = ?, status = ?, reason = ?, suggested_at = ?, decided_at = ?"
                    + " WHERE id = ?")) {
                bind(ps, suggestion);
                ps.setLong(9, suggestion.id());
                return ps.executeUpdate();
            }
        });
        if (changed == 0) {
            throw new IllegalArgumentException("there is no suggestion " + suggestion.id() + " to update");
        }
    }

    @Override
    public OptionalLong reviewChannel(long guildId) {
        return Sql.query(db, "the review channel", c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT channel_id FROM suggestion_channels WHERE guild_id = ?")) {
                ps.setLong(1, guildId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
                }
            }
        });
    }

    @Override
    public void setReviewChannel(long guildId, long channelId) {
        Sql.write(db, "the review channel", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO suggestion_channels (guild_id, channel_id)"
                    + " VALUES (?, ?) ON CONFLICT (guild_id) DO UPDATE SET channel_id = EXCLUDED.channel_id")) {
                ps.setLong(1, guildId);
                ps.setLong(2, channelId);
                return ps.executeUpdate();
            }
        });
    }

    /** Every suggestion on {@code c}, by id. */
    static List<Suggestion> all(Connection c) throws SQLException {
        List<Suggestion> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM suggestions ORDER BY id");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(row(rs));
            }
        }
        return out;
    }

    /** Every server's review channel on {@code c}, by guild. */
    static java.util.Map<Long, Long> reviewChannels(Connection c) throws SQLException {
        java.util.Map<Long, Long> out = new java.util.TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT guild_id, channel_id FROM suggestion_channels");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getLong(1), rs.getLong(2));
            }
        }
        return out;
    }

    /**
     * Copies suggestions under their own ids and the review channels, on {@code c} in the caller's
     * transaction; new ids then continue after the highest copied.
     */
    static void copy(Connection c, List<Suggestion> suggestions, java.util.Map<Long, Long> channels)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO suggestions (guild_id, author_id, step,"
                + " pack_json, status, reason, suggested_at, decided_at, id) OVERRIDING SYSTEM VALUE"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Suggestion s : suggestions) {
                bind(ps, s);
                ps.setLong(9, s.id());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO suggestion_channels (guild_id, channel_id) VALUES (?, ?)")) {
            for (java.util.Map.Entry<Long, Long> e : channels.entrySet()) {
                ps.setLong(1, e.getKey());
                ps.setLong(2, e.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT setval(pg_get_serial_sequence('suggestions', 'id'),"
                        + " COALESCE((SELECT max(id) FROM suggestions), 0) + 1, false)");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
        }
    }

    @Override
    public void forget(long guildId, long userId) {
        Sql.write(db, "forgetting a member's suggestions", c -> forget(c, "guild_id = ? AND ", guildId, userId));
    }

    @Override
    public void forgetEverywhere(long userId) {
        Sql.write(db, "forgetting a person's suggestions", c -> forget(c, "", null, userId));
    }

    /** Deletes the author's open and rejected suggestions and unnames the approved ones, in one transaction. */
    private static int forget(Connection c, String where, Long guildId, long userId) throws SQLException {
        int n = 0;
        for (String sql : List.of(
                "DELETE FROM suggestions WHERE " + where + "author_id = ? AND status <> 'approved'",
                "UPDATE suggestions SET author_id = 0 WHERE " + where + "author_id = ?")) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                if (guildId != null) {
                    ps.setLong(i++, guildId);
                }
                ps.setLong(i, userId);
                n += ps.executeUpdate();
            }
        }
        return n;
    }

    @Override
    public void close() {
        // the database is the backend's to close
    }

    @Override
    public String toString() {
        return "PostgreSQL " + db.settings().safeUrl();
    }
}
