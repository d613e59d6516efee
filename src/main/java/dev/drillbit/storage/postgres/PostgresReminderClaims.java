package dev.drillbit.storage.postgres;

import dev.drillbit.learning.ReminderClaims;
import dev.drillbit.progress.GuildZones;
import dev.drillbit.progress.MemberRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The {@link ReminderClaims} on PostgreSQL: one row per member with the last day they were reminded (table
 * {@code reminder_claims}). A claim is one upsert that changes a row only when its day is not today's, and
 * returns the rows it changed: the members claimed. Row locks make concurrent claimers, in this process or
 * another, claim each member once; the transaction commits before {@link #claim} returns. Rows more than a
 * day older than today in UTC (so past in every zone) are deleted as claims are made.
 *
 * <p>Thread-safe, and stateless apart from the shared database.
 */
public final class PostgresReminderClaims implements ReminderClaims {
    private static final String CLAIM = "INSERT INTO reminder_claims AS r (guild_id, user_id, day) "
            + "SELECT * FROM unnest(?::bigint[], ?::bigint[], ?::integer[]) "
            + "ON CONFLICT (guild_id, user_id) DO UPDATE SET day = EXCLUDED.day WHERE r.day <> EXCLUDED.day "
            + "RETURNING guild_id, user_id";

    private final PostgresDatabase db;
    private final GuildZones zones;

    private PostgresReminderClaims(PostgresDatabase db, GuildZones zones) {
        this.db = Objects.requireNonNull(db, "db");
        this.zones = Objects.requireNonNull(zones, "zones");
    }

    /** The claims in an open (migrated) database. */
    public static PostgresReminderClaims open(PostgresDatabase db, GuildZones zones) {
        return new PostgresReminderClaims(db, zones);
    }

    @Override
    public List<MemberRef> claim(List<MemberRef> due, Instant now) {
        Set<MemberRef> members = new LinkedHashSet<>(due);
        if (members.isEmpty()) {
            return List.of();
        }
        List<Long> guilds = new ArrayList<>();
        List<Long> users = new ArrayList<>();
        List<Integer> days = new ArrayList<>();
        for (MemberRef m : members) {
            guilds.add(m.guildId());
            users.add(m.userId());
            days.add((int) LocalDate.ofInstant(now, zones.zoneOf(m.guildId())).toEpochDay());
        }
        Set<MemberRef> claimed = new HashSet<>();
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement ps = c.prepareStatement(CLAIM)) {
                    ps.setArray(1, c.createArrayOf("bigint", guilds.toArray()));
                    ps.setArray(2, c.createArrayOf("bigint", users.toArray()));
                    ps.setArray(3, c.createArrayOf("integer", days.toArray()));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            claimed.add(new MemberRef(rs.getLong(1), rs.getLong(2)));
                        }
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM reminder_claims WHERE day < ?")) {
                    ps.setInt(1, (int) LocalDate.ofInstant(now, ZoneOffset.UTC).toEpochDay() - 1);
                    ps.executeUpdate();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new UncheckedIOException(
                    new IOException("the reminder claims could not be saved in PostgreSQL: " + e.getMessage(), e));
        }
        return due.stream().filter(claimed::contains).toList();
    }

    @Override
    public void forgetEverywhere(long userId) {
        try (Connection c = db.connection();
                PreparedStatement ps = c.prepareStatement("DELETE FROM reminder_claims WHERE user_id = ?")) {
            ps.setLong(1, userId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new UncheckedIOException(
                    new IOException("forgetting reminder claims in PostgreSQL failed: " + e.getMessage(), e));
        }
    }

    @Override
    public void forget(long guildId, long userId) {
        try (Connection c = db.connection();
                PreparedStatement ps =
                        c.prepareStatement("DELETE FROM reminder_claims WHERE guild_id = ? AND user_id = ?")) {
            ps.setLong(1, guildId);
            ps.setLong(2, userId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new UncheckedIOException(
                    new IOException("forgetting reminder claims in PostgreSQL failed: " + e.getMessage(), e));
        }
    }
}
