package dev.drillbit.storage.postgres;

import dev.drillbit.cluster.LoginSlots;
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
 * The {@link LoginSlots} on PostgreSQL: a row per bucket in {@code login_slots}. Reserving is one upsert that
 * moves the bucket's {@code free_at} only when it has passed, and returns the row when it did: the row lock
 * makes two processes reserving at once see one winner; the loser reads when the slot frees. Thread-safe,
 * stateless apart from the database.
 */
public final class PostgresLoginSlots implements LoginSlots {
    private static final String RESERVE = "INSERT INTO login_slots AS s (bucket, free_at) VALUES (?, ?) "
            + "ON CONFLICT (bucket) DO UPDATE SET free_at = EXCLUDED.free_at WHERE s.free_at <= ? "
            + "RETURNING bucket";

    private final PostgresDatabase db;

    private PostgresLoginSlots(PostgresDatabase db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /** The login slots in an open (migrated) database. */
    public static PostgresLoginSlots open(PostgresDatabase db) {
        return new PostgresLoginSlots(db);
    }

    @Override
    public Duration reserve(int bucket, Instant now, Duration spacing) {
        try (Connection c = db.connection()) {
            try (PreparedStatement ps = c.prepareStatement(RESERVE)) {
                ps.setInt(1, bucket);
                ps.setObject(2, OffsetDateTime.ofInstant(now.plus(spacing), ZoneOffset.UTC));
                ps.setObject(3, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return Duration.ZERO;
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT free_at FROM login_slots WHERE bucket = ?")) {
                ps.setInt(1, bucket);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Duration.ofMillis(1); // gone meanwhile: ask again
                    }
                    Instant free = rs.getObject(1, OffsetDateTime.class).toInstant();
                    Duration wait = Duration.between(now, free);
                    return wait.isNegative() || wait.isZero() ? Duration.ofMillis(1) : wait;
                }
            }
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException(
                    "login bucket " + bucket + " could not be reserved in PostgreSQL: " + e.getMessage(), e));
        }
    }
}
