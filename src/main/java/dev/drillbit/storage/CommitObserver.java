package dev.drillbit.storage;

/**
 * Hears each durable commit of a store's writer: how many pieces of work it carried and how long the write
 * took. Called on the writer thread, after the batch's futures were completed; must be quick and not throw.
 */
@FunctionalInterface
public interface CommitObserver {
    CommitObserver NONE = (batchSize, nanos) -> {};

    void committed(int batchSize, long nanos);
}
