package dev.drillbit.storage.postgres;

import dev.drillbit.daily.DailyRepository;
import dev.drillbit.daily.DailyRepositoryContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The daily repository contract against PostgreSQL, a fresh schema per test; every open shares it. */
class PostgresDailyRepositoryContractTest extends DailyRepositoryContract {
    private PostgresDatabase db;

    @BeforeEach
    void freshSchema() {
        db = TestPostgres.freshDatabase();
    }

    @AfterEach
    void closeDatabase() {
        db.close();
    }

    @Override
    protected DailyRepository open() {
        return PostgresDailyRepository.open(db);
    }
}
