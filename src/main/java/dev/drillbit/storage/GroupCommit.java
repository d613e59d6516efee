package dev.drillbit.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The group commit every store shares: callers queue work, one writer thread takes whatever is queued (up
 * to a batch size) and hands it to the store in one batch, so concurrent writers share one fsync or one
 * transaction. Closing stops admission, lets the writer finish everything already accepted, and waits for
 * it. The store decides what a batch means and completes the futures itself.
 *
 * <p>Thread-safe: {@link #submit} and {@link #close} may be called from any thread; the {@link Batches}
 * callbacks run on the writer thread only, one at a time.
 *
 * @param <T> one queued piece of work
 */
public final class GroupCommit<T> implements AutoCloseable {
    private static final Object STOP = new Object();

    /** What the writer thread does with the work; all three run on the writer thread. */
    public interface Batches<T> {
        /** Writes one batch (never empty) durably and completes its futures. */
        void write(List<T> batch);

        /** Runs after each batch; {@code stopping} on the last one, once close() was called. */
        default void afterBatch(boolean stopping) {}

        /** Runs once when the writer ends, after the last batch. */
        default void stopped() {}
    }

    private final int maxBatch;
    private final Batches<T> batches;
    private final Supplier<RuntimeException> refusal;
    private final CommitObserver observer;
    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>(1 << 16);
    private final ReentrantReadWriteLock admission = new ReentrantReadWriteLock();
    private final Thread writer;
    private boolean closed;

    /**
     * @param refusal why new work is refused though the writer runs (a store that failed to write), or null
     *     while all is well; asked under the admission lock for each submission
     */
    public GroupCommit(String threadName, int maxBatch, Batches<T> batches, Supplier<RuntimeException> refusal) {
        this(threadName, maxBatch, batches, refusal, CommitObserver.NONE);
    }

    /** @param observer hears each batch's size and write time (a written batch, whether or not it failed) */
    public GroupCommit(
            String threadName,
            int maxBatch,
            Batches<T> batches,
            Supplier<RuntimeException> refusal,
            CommitObserver observer) {
        this.maxBatch = maxBatch;
        this.batches = batches;
        this.refusal = refusal;
        this.observer = java.util.Objects.requireNonNull(observer, "observer");
        this.writer = new Thread(this::run, threadName);
        this.writer.setDaemon(true); // nothing unacknowledged is promised; close() drains the queue
    }

    /** Starts the writer thread; call once, when the store is ready to write. */
    public void start() {
        writer.start();
    }

    /** Queues {@code work}, or fails {@code future} at once when closed or refused. */
    public void submit(T work, CompletableFuture<?> future) {
        admission.readLock().lock();
        try {
            RuntimeException refused = closed ? new IllegalStateException("the score store is closed") : refusal.get();
            if (refused != null) {
                future.completeExceptionally(refused);
            } else {
                queue.put(work);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.completeExceptionally(e);
        } finally {
            admission.readLock().unlock();
        }
    }

    @SuppressWarnings("unchecked") // everything queued but STOP is a T
    private void run() {
        List<Object> batch = new ArrayList<>();
        boolean stopping = false;
        while (!stopping) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                continue; // only close() stops the writer, by queueing STOP
            }
            queue.drainTo(batch, maxBatch - 1);
            if (batch.get(batch.size() - 1) == STOP) {
                batch.remove(batch.size() - 1);
                stopping = true;
            }
            if (!batch.isEmpty()) {
                long began = System.nanoTime();
                batches.write((List<T>) (List<?>) batch);
                observer.committed(batch.size(), System.nanoTime() - began);
            }
            batch.clear();
            batches.afterBatch(stopping);
        }
        batches.stopped();
    }

    /**
     * Stops taking work and waits until the writer has finished everything accepted. Idempotent.
     *
     * @return true for the call that closed it, false when it was closed already
     */
    public boolean closeAndWait() {
        admission.writeLock().lock();
        try {
            if (closed) {
                return false;
            }
            closed = true;
            queue.put(STOP);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while closing the score store", e);
        } finally {
            admission.writeLock().unlock();
        }
        boolean interrupted = false;
        while (writer.isAlive()) {
            try {
                writer.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return true;
    }

    @Override
    public void close() {
        closeAndWait();
    }
}
