package dev.drillbit.storage.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Small JDBC conversions the PostgreSQL stores share: instants as {@code timestamptz}, optional numbers as NULL. */
final class Sql {
    private Sql() {}

    static void instant(PreparedStatement ps, int i, Instant at) throws SQLException {
        ps.setObject(i, at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static void optional(PreparedStatement ps, int i, OptionalLong v) throws SQLException {
        if (v.isPresent()) {
            ps.setLong(i, v.getAsLong());
        } else {
            ps.setNull(i, java.sql.Types.BIGINT);
        }
    }

    static void optional(PreparedStatement ps, int i, OptionalInt v) throws SQLException {
        if (v.isPresent()) {
            ps.setInt(i, v.getAsInt());
        } else {
            ps.setNull(i, java.sql.Types.INTEGER);
        }
    }

    static OptionalLong optionalLong(ResultSet rs, String column) throws SQLException {
        Long v = rs.getObject(column, Long.class);
        return v == null ? OptionalLong.empty() : OptionalLong.of(v);
    }

    static OptionalInt optionalInt(ResultSet rs, String column) throws SQLException {
        Integer v = rs.getObject(column, Integer.class);
        return v == null ? OptionalInt.empty() : OptionalInt.of(v);
    }

    /** A query's work inside one connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs {@code work}, one statement, on its own: a single statement always sees one committed state. */
    static <T> T query(PostgresDatabase db, String what, Work<T> work) {
        try (Connection c = db.connection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StorageUnavailableException("reading " + what + " from PostgreSQL failed: " + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code work} in one read-only REPEATABLE READ transaction, so that the several queries of one
     * answer see one committed state.
     */
    static <T> T read(PostgresDatabase db, String what, Work<T> work) {
        try (Connection c = db.connection()) {
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            return commit(c, work);
        } catch (SQLException e) {
            throw new StorageUnavailableException("reading " + what + " from PostgreSQL failed: " + e.getMessage(), e);
        }
    }

    /** Runs {@code work} in one read-write transaction, committed before this returns. */
    static <T> T write(PostgresDatabase db, String what, Work<T> work) {
        try (Connection c = db.connection()) {
            return commit(c, work);
        } catch (SQLException e) {
            throw new StorageUnavailableException(what + " could not be saved in PostgreSQL: " + e.getMessage(), e);
        }
    }

    /** Runs {@code work} as one transaction on {@code c}: committed when it returns, rolled back when it throws. */
    static <T> T commit(Connection c, Work<T> work) throws SQLException {
        c.setAutoCommit(false);
        try {
            T result = work.run(c);
            c.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        }
    }
}
