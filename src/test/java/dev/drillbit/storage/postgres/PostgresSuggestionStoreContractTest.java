package dev.drillbit.storage.postgres;

import dev.drillbit.packs.SuggestionStore;
import dev.drillbit.packs.SuggestionStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The suggestion store contract against PostgreSQL, a fresh schema per test. */
class PostgresSuggestionStoreContractTest extends SuggestionStoreContract {
    @RegisterExtension
    final FreshDatabase database = new FreshDatabase();

    @Override
    protected SuggestionStore open() {
        return PostgresSuggestionStore.open(database.db());
    }
}
