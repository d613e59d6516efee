package dev.drillbit.storage.postgres;

import dev.drillbit.learning.PersonalDeckUpgrade;
import dev.drillbit.progress.GuildZones;
import dev.drillbit.testsupport.Fixtures;
import dev.drillbit.testsupport.ManualTime;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Migration V7 over rows the version 4 schema's store wrote: per-server decks become the person's. */
class PersonalLearningMigrationTest {

    @Test
    @DisplayName("V7 merges each person's per-server decks, seen questions and reminder by the flat file's rule")
    void mergesPerServerDecks() throws Exception {
        // GIVEN a schema at version 4 holding what that version's store recorded (the flat fixture's history)
        PostgresSettings s = TestPostgres.freshSchema();
        String schema = s.schema().orElseThrow();
        Flyway.configure()
                .dataSource(s.url(), s.user(), s.password())
                .locations("classpath:db/migration")
                .schemas(schema)
                .target("4")
                .load()
                .migrate();
        String rows = Files.readString(Fixtures.resource("postgres/version-4-two-servers.sql"));
        try (Connection c = DriverManager.getConnection(s.url(), s.user(), s.password());
                Statement st = c.createStatement()) {
            st.execute("SET search_path TO " + schema);
            st.execute(rows);
        }

        // WHEN the bot opens it (migrating to the current version)
        ManualTime time = ManualTime.at("2026-03-14T12:00:00Z");
        try (PostgresDatabase db = PostgresDatabase.open(s);
                PostgresScoreStore store = PostgresScoreStore.open(db, time, GuildZones.utc())) {
            // THEN it reads as the flat files read after their upgrade
            PersonalDeckUpgrade.assertMerged(store);
        }
    }
}
