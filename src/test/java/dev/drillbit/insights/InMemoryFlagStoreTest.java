package dev.drillbit.insights;

/** The in-memory store the domain tests use keeps the same contract as the real ones. */
class InMemoryFlagStoreTest extends FlagStoreContract {
    private final InMemoryFlagStore store = new InMemoryFlagStore();

    @Override
    protected FlagStore open() {
        return store;
    }
}
