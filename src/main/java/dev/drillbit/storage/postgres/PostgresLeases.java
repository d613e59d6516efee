package dev.drillbit.storage.postgres;

import dev.drillbit.learning.Leases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The {@link Leases} on PostgreSQL: one row per piece of work in {@code work_leases}. Taking or renewing is
 * one upsert that changes the row only when its owner is the caller or its lease has expired, and returns
 * the row when it did: the row lock makes two processes racing for an expired lease see one winner.
 * Thread-safe, stateless apart from the database.
 */
public final class PostgresLeases implements Leases {
    private static final String HOLD = "INSERT INTO work_leases AS l (name, owner, expires_at) VALUES (?, ?, ?) "
            + "ON CONFLICT (name) DO UPDATE SET owner = EXCLUDED.owner, expires_at = EXCLUDED.expires_at "
            + "WHERE l.owner = EXCLUDED.owner OR l.expires_at <= ? "
            + "RETURNING owner";

    private final PostgresDatabase db;

    private PostgresLeases(PostgresDatabase db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /** The leases in an open (migrated) database. */
    public static PostgresLeases open(PostgresDatabase db) {
        return new PostgresLeases(db);
    }

    @Override
    public boolean hold(String work, String owner, Instant now, Duration ttl) {
        try (Connection c = db.connection();
                PreparedStatement ps = c.prepareStatement(HOLD)) {
            ps.setString(1, work);
            ps.setString(2, owner);
            ps.setObject(3, OffsetDateTime.ofInstant(now.plus(ttl), ZoneOffset.UTC));
            ps.setObject(4, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException(
                    "the lease on " + work + " could not be taken in PostgreSQL: " + e.getMessage(), e));
        }
    }

    @Override
    public void release(String work, String owner) {
        try (Connection c = db.connection();
                PreparedStatement ps = c.prepareStatement("DELETE FROM work_leases WHERE name = ? AND owner = ?")) {
            ps.setString(1, work);
            ps.setString(2, owner);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException(
                    "the lease on " + work + " could not be released in PostgreSQL: " + e.getMessage(), e));
        }
    }
}
