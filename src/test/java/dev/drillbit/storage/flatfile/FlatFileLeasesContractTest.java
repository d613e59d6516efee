package dev.drillbit.storage.flatfile;

import dev.drillbit.learning.Leases;
import dev.drillbit.learning.LeasesContract;

/**
 * The leases contract beside the flat files: one process (the data folder's lock), so every "process" of
 * the contract is this one instance.
 */
class FlatFileLeasesContractTest extends LeasesContract {
    private final FlatFileLeases leases = new FlatFileLeases();

    @Override
    protected Leases open() {
        return leases;
    }
}
