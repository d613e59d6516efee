package dev.drillbit.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PostgresDatabaseTest {

    @Test
    @DisplayName("opening migrates an empty schema; opening it again finds it up to date")
    void migratesOnce() throws Exception {
        PostgresSettings settings = TestPostgres.freshSchema();
        try (PostgresDatabase db = PostgresDatabase.open(settings)) {
            try (Connection c = db.connection();
                    Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT count(*) FROM answers")) {
                rs.next();
                assertThat(rs.getLong(1)).isZero();
            }
        }
        try (PostgresDatabase again = PostgresDatabase.open(settings)) {
            assertThat(again.settings()).isEqualTo(settings);
        }
    }

    @Test
    @DisplayName("an unreachable server fails with one line naming the URL and user, never the password")
    void unreachable() {
        PostgresSettings nowhere =
                new PostgresSettings("jdbc:postgresql://127.0.0.1:1/drillbit", "drillbit", "s3cret-pw");

        assertThatThrownBy(() -> PostgresDatabase.open(nowhere))
                .isInstanceOf(StorageUnavailableException.class)
                .hasMessageContaining("127.0.0.1:1")
                .hasMessageContaining("drillbit")
                .satisfies(e ->
                        assertThat(e.getMessage()).doesNotContain("s3cret-pw").doesNotContain("\n"));
        assertThat(nowhere.toString()).doesNotContain("s3cret-pw");
    }

    @Test
    @DisplayName("a password written into the URL is masked wherever the URL is shown")
    void passwordInTheUrlIsMasked() {
        PostgresSettings s =
                new PostgresSettings("jdbc:postgresql://db/drillbit?ssl=true&password=hunter2&x=1", "drillbit", "");

        assertThat(s.safeUrl()).isEqualTo("jdbc:postgresql://db/drillbit?ssl=true&password=***&x=1");
        assertThat(s.toString()).doesNotContain("hunter2");
    }
}
