package dev.drillbit.storage.postgres;

import dev.drillbit.daily.RunClaims;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The {@link RunClaims} on PostgreSQL: one row per claimed run in {@code daily_run_claims}; the insert that
 * adds the row is the claim, so of two processes inserting the same run id exactly one succeeds (the primary
 * key decides). Thread-safe, stateless apart from the database.
 */
public final class PostgresRunClaims implements RunClaims {
    private static final String CLAIM =
            "INSERT INTO daily_run_claims (run_id, claimed_at) VALUES (?, ?) ON CONFLICT (run_id) DO NOTHING";

    private final PostgresDatabase db;

    private PostgresRunClaims(PostgresDatabase db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /** The run claims in an open (migrated) database. */
    public static PostgresRunClaims open(PostgresDatabase db) {
        return new PostgresRunClaims(db);
    }

    @Override
    public boolean claim(String runId, Instant now) {
        try (Connection c = db.connection();
                PreparedStatement ps = c.prepareStatement(CLAIM)) {
            ps.setString(1, runId);
            ps.setObject(2, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException(
                    "daily run " + runId + " could not be claimed in PostgreSQL: " + e.getMessage(), e));
        }
    }
}
