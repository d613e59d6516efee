package dev.drillbit.packs;

/** The in-memory store the domain tests use keeps the same contract as the real ones. */
class InMemorySuggestionStoreTest extends SuggestionStoreContract {
    private final InMemorySuggestionStore store = new InMemorySuggestionStore();

    @Override
    protected SuggestionStore open() {
        return store;
    }
}
