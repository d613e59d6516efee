package dev.drillbit.storage.postgres;

import dev.drillbit.config.Config;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The test PostgreSQL for tests outside this package (the end-to-end suite on the database). */
public final class PostgresForTests {
    private PostgresForTests() {}

    /** The bot's {@code storage} config for a fresh schema on the test server. */
    public static Config.Storage freshStorageConfig() {
        return TestPostgres.freshStorageConfig();
    }

    /**
     * Every {@code table.column} of bigint type in the config's schema that holds {@code id} in some row:
     * where a member's id is still stored.
     */
    public static List<String> columnsHolding(Config.Storage storage, long id) {
        String schema = schemaOf(storage.url());
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(storage.url(), storage.user(), storage.password())) {
            List<String[]> columns = new ArrayList<>();
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT table_name, column_name FROM information_schema.columns "
                            + "WHERE table_schema = ? AND data_type = 'bigint'")) {
                ps.setString(1, schema);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        columns.add(new String[] {rs.getString(1), rs.getString(2)});
                    }
                }
            }
            for (String[] tc : columns) {
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT count(*) FROM " + schema + "." + tc[0] + " WHERE " + tc[1] + " = ?")) {
                    ps.setLong(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) > 0) {
                            out.add(tc[0] + "." + tc[1]);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not search the test schema " + schema, e);
        }
        return out;
    }

    private static String schemaOf(String url) {
        String query = URI.create(url.substring("jdbc:".length())).getQuery();
        for (String part : query.split("&")) {
            if (part.startsWith("currentSchema=")) {
                return part.substring("currentSchema=".length());
            }
        }
        throw new IllegalArgumentException("no currentSchema in " + url);
    }
}
