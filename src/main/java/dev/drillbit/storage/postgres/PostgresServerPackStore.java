package dev.drillbit.storage.postgres;

import dev.drillbit.packs.ServerPackStore;
import dev.drillbit.packs.StoredPack;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The {@link ServerPackStore} on PostgreSQL: table {@code server_packs} (see {@code V5__server_packs.sql}),
 * one row per server and step. Each write is one statement in its own transaction, committed before it
 * returns; a pack is replaced whole by an upsert.
 *
 * <p>Thread-safe, and stateless apart from the shared database.
 */
public final class PostgresServerPackStore implements ServerPackStore {
    private final PostgresDatabase db;

    private PostgresServerPackStore(PostgresDatabase db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /** The packs in an open (migrated) database. */
    public static PostgresServerPackStore open(PostgresDatabase db) {
        return new PostgresServerPackStore(db);
    }

    @Override
    public List<StoredPack> all() {
        return Sql.query(db, "the server packs", PostgresServerPackStore::all);
    }

    /** Every pack on {@code c}, by guild and step. */
    static List<StoredPack> all(Connection c) throws SQLException {
        List<StoredPack> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                        "SELECT guild_id, step, pack_json, imported_by, imported_at FROM server_packs"
                                + " ORDER BY guild_id, step COLLATE \"C\"");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new StoredPack(
                        rs.getLong("guild_id"),
                        rs.getString("step"),
                        rs.getString("pack_json"),
                        rs.getLong("imported_by"),
                        Sql.instant(rs, "imported_at")));
            }
        }
        return out;
    }

    @Override
    public void put(StoredPack pack) {
        Sql.write(db, "the server pack", c -> put(c, pack));
    }

    /** Stores the pack on {@code c}, in the caller's transaction. */
    static int put(Connection c, StoredPack pack) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO server_packs (guild_id, step, pack_json, imported_by, imported_at)"
                        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (guild_id, step) DO UPDATE SET"
                        + " pack_json = EXCLUDED.pack_json, imported_by = EXCLUDED.imported_by,"
                        + " imported_at = EXCLUDED.imported_at")) {
            ps.setLong(1, pack.guildId());
            ps.setString(2, pack.step());
            ps.setString(3, pack.json());
            ps.setLong(4, pack.importedBy());
            Sql.instant(ps, 5, pack.importedAt());
            return ps.executeUpdate();
        }
    }

    @Override
    public boolean remove(long guildId, String step) {
        return Sql.write(db, "removing the server pack", c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("DELETE FROM server_packs WHERE guild_id = ? AND step = ?")) {
                ps.setLong(1, guildId);
                ps.setString(2, step);
                return ps.executeUpdate() > 0;
            }
        });
    }

    @Override
    public void forget(long guildId, long userId) {
        Sql.write(db, "forgetting a member's server packs", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE server_packs SET imported_by = 0 WHERE guild_id = ? AND imported_by = ?")) {
                ps.setLong(1, guildId);
                ps.setLong(2, userId);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public void forgetEverywhere(long userId) {
        Sql.write(db, "forgetting a person's server packs", c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("UPDATE server_packs SET imported_by = 0 WHERE imported_by = ?")) {
                ps.setLong(1, userId);
                return ps.executeUpdate();
            }
        });
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
