package dev.drillbit.packs;

/** The in-memory store the domain tests use keeps the same contract as the real ones. */
class InMemoryServerPackStoreTest extends ServerPackStoreContract {
    private final InMemoryServerPackStore store = new InMemoryServerPackStore();

    @Override
    protected ServerPackStore open() {
        return store;
    }
}
