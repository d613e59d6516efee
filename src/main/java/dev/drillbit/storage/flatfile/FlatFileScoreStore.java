package dev.drillbit.storage.flatfile;

import dev.drillbit.insights.QuestionCounter;
import dev.drillbit.insights.QuestionStats;
import dev.drillbit.learning.DeckCard;
import dev.drillbit.learning.LearnerState;
import dev.drillbit.learning.LearningStore;
import dev.drillbit.learning.Rating;
import dev.drillbit.progress.Answer;
import dev.drillbit.progress.AnswerEvent;
import dev.drillbit.progress.ForgetEvent;
import dev.drillbit.progress.Forgotten;
import dev.drillbit.progress.GuildZones;
import dev.drillbit.progress.JournalEntry;
import dev.drillbit.progress.MemberRef;
import dev.drillbit.progress.ReminderEvent;
import dev.drillbit.progress.ReviewEvent;
import dev.drillbit.progress.ScoreStore;
import dev.drillbit.progress.stats.Leaderboard;
import dev.drillbit.progress.stats.LeaderboardPeriod;
import dev.drillbit.progress.stats.MemberStats;
import dev.drillbit.progress.stats.Streak;
import dev.drillbit.storage.DataFileException;
import dev.drillbit.storage.DirectoryLock;
import dev.drillbit.storage.FormatVersions;
import dev.drillbit.storage.Fsync;
import dev.drillbit.storage.GroupCommit;
import dev.drillbit.storage.GroupCommit.Batches;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link ScoreStore} and {@link LearningStore}: aggregates (scores, review decks, seen
 * questions, reminders) in memory, every event in an append-only journal on disk.
 *
 * <h2>Files in the data directory</h2>
 * <ul>
 *   <li>{@code journal-<generation>.jsonl}: the live journal(s), see {@link JournalFile};
 *   <li>{@code snapshot.jsonl}: aggregates up to an event id, naming the first journal generation it
 *       does not include, see {@link SnapshotFile};
 *   <li>{@code history/journal-<generation>.jsonl}: compacted generations, kept for history export and
 *       for rebuilding a lost snapshot; forgotten members' events are removed from them at compaction.
 * </ul>
 *
 * <h2>Durability</h2>
 * One writer thread takes whatever is queued (up to {@value #MAX_BATCH} events), assigns ids, appends the
 * lines in one write, forces the journal ({@link FileChannel#force}), applies the events to the
 * aggregates and only then completes the callers' futures. Concurrent callers therefore share one fsync
 * (group commit); {@link #journalSyncs()} counts them.
 *
 * <h2>Compaction, and why a crash never loses or double-counts</h2>
 * Every {@code compactEvery} events, after every batch holding a forget (so that a forget's future
 * completes only once the member is off the disk too) and on close, the writer (between batches, so nothing else moves):
 * (1) creates journal G+1 (header forced, directory forced) and appends there from now on; (2) puts
 * the finished generations into {@code history/}: a hard link, or, when members were forgotten since the
 * last compaction, a copy without their events (temp file, force, rename);
 * (3) removes forgotten members from older history files the same way; (4) writes the snapshot saying
 * "events up to id S, next generation G+1" via temp file, force, atomic rename, directory force: this
 * rename is the commit point; (5) deletes the compacted journals. On open: a journal whose generation is
 * below the snapshot's is already counted and is deleted, never replayed (crash between 4 and 5);
 * journals from the snapshot's generation on are replayed in order (crash before 4: the old snapshot
 * still names the old generation, so nothing is lost); history copies at or above the snapshot's
 * generation are stale (crash before 4) and deleted. As a second guard, ids are strictly increasing and
 * an event whose id is not above the snapshot's is skipped. Forget events stay in the journal until the
 * snapshot that no longer holds the member is committed, so replay can never bring a forgotten member
 * back.
 *
 * <h2>Damage</h2>
 * A last journal line without its newline was cut short by a crash and never acknowledged: it is dropped
 * with a warning naming the byte offset, and the live journal is truncated there. Damage anywhere else,
 * a missing generation or a foreign format version stops {@link #open} with a {@link DataFileException}
 * and leaves the files untouched; {@link FlatFileRepair#repair} salvages them.
 *
 * <p>Thread-safe: every public method may be called from any thread. Queries take a read lock on the
 * aggregates; the writer holds the write lock only while applying a batch. Futures complete on the
 * writer thread.
 */
public final class FlatFileScoreStore implements LearningStore {
    static final String HISTORY = "history";
    static final String LOCK = "store.lock";
    static final int MAX_BATCH = 8192;
    private static final Logger log = LoggerFactory.getLogger(FlatFileScoreStore.class);

    private final Path dir;
    private final Path historyDir;
    private final Clock clock;
    private final GuildZones zones;
    private final int compactEvery;
    private final Aggregates aggregates;
    private final ReentrantReadWriteLock aggregateLock = new ReentrantReadWriteLock();
    private final ReentrantReadWriteLock filesLock = new ReentrantReadWriteLock();
    private final Map<MemberKey, Long> pendingForgets = new ConcurrentHashMap<>();
    private final AtomicLong syncs = new AtomicLong();
    private final AtomicLong compactions = new AtomicLong();
    private final GroupCommit<Pending> writer;
    /** The writer's buffers for one batch: the journal lines and the events they encode. */
    private final StringBuilder lines = new StringBuilder(1 << 16);

    private final List<JournalEntry> entries = new ArrayList<>();
    /** Forget futures of the last batch: completed once the compaction after it took the member off disk. */
    private final List<Runnable> afterCompaction = new ArrayList<>();

    private FileChannel live;
    private DirectoryLock lock;
    private volatile long liveGeneration;
    private volatile long firstLiveGeneration;
    private volatile long durableLength;
    private long nextId;
    private long sinceCompaction;
    private volatile Throwable failure;

    record MemberKey(long guildId, long userId) {}

    /** An event waiting for its id: {@code make} builds it, {@code future} hears of it. */
    private record Pending(LongFunction<JournalEntry> make, CompletableFuture<?> future) {}

    private FlatFileScoreStore(StoreOptions options) {
        this.dir = options.dataDir();
        this.historyDir = dir.resolve(HISTORY);
        this.clock = options.clock();
        this.zones = options.zones();
        this.compactEvery = options.compactEvery();
        this.aggregates = new Aggregates(options.zones());
        this.writer = new GroupCommit<>(
                "score-journal-writer",
                MAX_BATCH,
                new Batches<>() {
                    @Override
                    public void write(List<Pending> batch) {
                        FlatFileScoreStore.this.write(batch);
                    }

                    @Override
                    public void afterBatch(boolean stopping) {
                        compactIfDue(stopping);
                    }

                    @Override
                    public void stopped() {
                        closeFiles();
                    }
                },
                this::refusal,
                options.commits());
    }

    /**
     * Opens the store: loads the snapshot, replays the journals, and starts the writer thread.
     *
     * @throws DataFileException when a file is damaged (other than a torn last line), a generation is
     *     missing, or a file has a format version this build does not read; nothing is modified then
     * @throws UncheckedIOException when the directory cannot be read or written
     */
    public static FlatFileScoreStore open(StoreOptions options) {
        FlatFileScoreStore store = new FlatFileScoreStore(options);
        try {
            store.lock();
            store.recover();
        } catch (IOException e) {
            store.unlock();
            throw new UncheckedIOException("cannot open the score store in " + options.dataDir(), e);
        } catch (RuntimeException e) {
            store.unlock();
            throw e;
        }
        store.writer.start();
        return store;
    }

    /** One store per data directory, across processes: the OS drops the lock when a process dies. */
    private void lock() throws IOException {
        Files.createDirectories(dir);
        lock = DirectoryLock.acquire(
                dir.resolve(LOCK),
                "another process has the score store in " + dir + " open",
                "the score store in " + dir + " is already open in this process");
    }

    private void unlock() {
        if (lock != null) {
            try {
                lock.close();
            } catch (IOException e) {
                log.warn("Releasing the lock on {} failed", dir, e);
            }
        }
    }

    // ---- recovery ----------------------------------------------------------------------------------

    private void recover() throws IOException {
        long started = System.nanoTime();
        Files.createDirectories(historyDir);
        TreeMap<Long, Path> journals = journals(dir);
        TreeMap<Long, Path> history = journals(historyDir);
        Path snapshot = dir.resolve(SnapshotFile.NAME);
        long nowMs = clock.millis();
        long snapshotLastId = 0;
        long firstGeneration;
        boolean haveSnapshot = Files.exists(snapshot);
        int[] snapshotVersion = {FormatVersions.SNAPSHOT};
        // Read everything before changing anything, so that a refusal leaves the directory as it was.
        if (haveSnapshot) {
            SnapshotFile.Header header = SnapshotFile.read(snapshot, aggregates);
            firstGeneration = header.generation();
            snapshotLastId = header.lastId();
            snapshotVersion[0] = header.version();
            log.info(
                    "Loaded snapshot {}: {} members, events up to id {}, next journal generation {}",
                    snapshot,
                    header.members(),
                    header.lastId(),
                    header.generation());
        } else {
            firstGeneration =
                    journals.isEmpty() ? (history.isEmpty() ? 1 : history.lastKey() + 1) : journals.firstKey();
            for (long g = 1; g < firstGeneration; g++) {
                if (!history.containsKey(g)) {
                    throw new DataFileException(
                            snapshot,
                            0,
                            "there is no snapshot, and journal generation " + g
                                    + " is in neither " + dir + " nor " + historyDir
                                    + "; the events of generations before "
                                    + firstGeneration
                                    + " cannot be counted. Restore the snapshot or the missing journal; "
                                    + "nothing was changed");
                }
            }
            if (firstGeneration > 1) {
                log.warn(
                        "No snapshot in {}: rebuilding the scores from {} history generation(s) and the journals",
                        dir,
                        firstGeneration - 1);
            }
        }
        if (haveSnapshot && snapshotVersion[0] == 2) {
            int merged = aggregates.mergeLearningIntoPersons();
            log.info(
                    "Snapshot format version 2: merged {} per-server review deck(s) into each person's own deck "
                            + "(the card with the latest review wins); the next compaction writes version {}",
                    merged,
                    FormatVersions.SNAPSHOT);
        }
        if (haveSnapshot && snapshotVersion[0] < 2) {
            migrateLearning(history, firstGeneration, snapshotLastId);
        }
        long expected = firstGeneration;
        for (long g : journals.tailMap(firstGeneration).keySet()) {
            if (g != expected) {
                throw new DataFileException(
                        dir.resolve(JournalFile.name(expected)),
                        0,
                        "journal generation "
                                + expected + " is missing but generation " + g + " exists; its events would be lost. "
                                + "Nothing was changed");
            }
            expected++;
        }
        long snapshotId = snapshotLastId;
        long[] lastId = {snapshotLastId};
        long[] skipped = {0};
        Consumer<JournalEntry> replay = entry -> {
            if (entry.id() <= snapshotId) {
                skipped[0]++;
                return;
            }
            aggregates.apply(entry, nowMs);
            if (entry instanceof ForgetEvent) {
                pendingForgets.merge(new MemberKey(entry.guildId(), entry.userId()), entry.id(), Math::max);
            }
            lastId[0] = entry.id();
        };
        long events = 0;
        long chainId = 0;
        if (!haveSnapshot) {
            for (long g = 1; g < firstGeneration; g++) {
                JournalFile.Scan scan = readForReplay(history.get(g), g, chainId, false, replay);
                chainId = Math.max(chainId, scan.lastId());
                events += scan.entries();
            }
        }
        JournalFile.Scan lastScan = null;
        Long lastGeneration = journals.isEmpty() ? null : journals.lastKey();
        for (Map.Entry<Long, Path> j : journals.tailMap(firstGeneration).entrySet()) {
            boolean isLive = j.getKey().equals(lastGeneration);
            lastScan = readForReplay(j.getValue(), j.getKey(), chainId, isLive, replay);
            chainId = Math.max(chainId, lastScan.lastId());
            events += lastScan.entries();
        }
        if (skipped[0] > 0) {
            log.warn(
                    "Skipped {} journal events already counted in the snapshot (ids up to {})",
                    skipped[0],
                    snapshotLastId);
        }
        nextId = Math.max(lastId[0], chainId) + 1;

        // Now tidy up what a crashed compaction left behind; every step here is idempotent.
        deleteTemporaries(dir);
        deleteTemporaries(historyDir);
        for (Map.Entry<Long, Path> j : journals.headMap(firstGeneration).entrySet()) {
            Path archived = historyDir.resolve(JournalFile.name(j.getKey()));
            if (Files.exists(archived)) {
                log.info("Deleting {}: compacted into the snapshot and archived before a restart", j.getValue());
                Files.delete(j.getValue());
            } else {
                log.warn("Archiving {} as is: compacted into the snapshot but never archived", j.getValue());
                Files.move(j.getValue(), archived, StandardCopyOption.ATOMIC_MOVE);
                Fsync.directory(historyDir);
            }
        }
        for (Map.Entry<Long, Path> h : history.tailMap(firstGeneration).entrySet()) {
            log.info("Deleting {}: a copy from a compaction that did not finish", h.getValue());
            Files.delete(h.getValue());
        }
        Fsync.directory(historyDir);
        firstLiveGeneration = firstGeneration;
        if (lastGeneration == null || lastGeneration < firstGeneration) {
            if (haveSnapshot) {
                log.info("Snapshot without a journal: starting journal generation {}", firstGeneration);
            }
            live = createJournal(firstGeneration);
            liveGeneration = firstGeneration;
        } else {
            Path file = journals.get(lastGeneration);
            live = FileChannel.open(file, StandardOpenOption.WRITE);
            if (!lastScan.headerPresent()) {
                log.warn(
                        "{} has no complete header (crash while it was created, {} bytes): starting it afresh",
                        file,
                        lastScan.tornBytes());
                live.truncate(0);
                live.write(ByteBuffer.wrap(JournalFile.header(lastGeneration)));
                live.force(true);
            } else if (lastScan.tornOffset() >= 0) {
                live.truncate(lastScan.validLength());
                live.force(true);
            }
            live.position(live.size());
            liveGeneration = lastGeneration;
            if (lastScan.headerPresent() && lastScan.version() < FormatVersions.JOURNAL) {
                log.info(
                        "{} is in journal format version {}: it is kept for reading, and new events go to "
                                + "generation {} in version {}",
                        file,
                        lastScan.version(),
                        lastGeneration + 1,
                        FormatVersions.JOURNAL);
                live.close();
                live = createJournal(lastGeneration + 1);
                liveGeneration = lastGeneration + 1;
            }
        }
        durableLength = live.size();
        Fsync.directory(dir);
        log.info(
                "Score store open in {}: {} members, {} journal events replayed, next id {}, in {} ms",
                dir,
                aggregates.memberCount(),
                events,
                nextId,
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Migration from snapshot version 1, which held no learning state: rebuilds review decks, seen
     * questions and reminders from the compacted generations the snapshot counts ({@code history/} below
     * its generation, ids up to its last id). Counters are not touched: the snapshot has them. The next
     * compaction writes a current snapshot, after which this is not needed again.
     */
    private void migrateLearning(TreeMap<Long, Path> history, long firstGeneration, long snapshotLastId)
            throws IOException {
        long started = System.nanoTime();
        long[] applied = {0};
        long chain = 0;
        for (Map.Entry<Long, Path> h : history.headMap(firstGeneration).entrySet()) {
            JournalFile.Scan scan = JournalFile.readAhead(h.getValue(), h.getKey(), Long.MAX_VALUE, chain, e -> {
                if (e.id() <= snapshotLastId) {
                    aggregates.applyLearningOnly(e);
                    applied[0]++;
                }
            });
            chain = Math.max(chain, scan.lastId());
        }
        long missing = firstGeneration - 1 - history.headMap(firstGeneration).size();
        if (missing > 0) {
            log.warn(
                    "Snapshot format version 1: {} compacted generation(s) are not in {}; review decks are rebuilt "
                            + "from the rest only",
                    missing,
                    historyDir);
        }
        log.info(
                "Snapshot format version 1: rebuilt review decks from {} history events in {} ms",
                applied[0],
                (System.nanoTime() - started) / 1_000_000);
    }

    private JournalFile.Scan readForReplay(
            Path file, long generation, long afterId, boolean live, Consumer<JournalEntry> replay) throws IOException {
        JournalFile.Scan scan = JournalFile.readAhead(file, generation, Long.MAX_VALUE, afterId, replay);
        if (!scan.headerPresent()) {
            if (!live) {
                log.warn("{} has no complete header ({} bytes); it holds no events", file, scan.tornBytes());
            }
        } else if (scan.tornOffset() >= 0) {
            log.warn(
                    "Dropping a torn last line in {} at byte offset {} ({} bytes): a write cut short by a crash, "
                            + "never acknowledged",
                    file,
                    scan.tornOffset(),
                    scan.tornBytes());
        }
        return scan;
    }

    static TreeMap<Long, Path> journals(Path directory) throws IOException {
        TreeMap<Long, Path> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(directory)) {
            files.forEach(f -> JournalFile.generationOf(f).ifPresent(g -> out.put(g, f)));
        }
        return out;
    }

    private static void deleteTemporaries(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".tmp"))
                    .toList()) {
                log.info("Deleting {}: left by a write that did not finish", f);
                Files.delete(f);
            }
        }
    }

    private FileChannel createJournal(long generation) throws IOException {
        Path file = dir.resolve(JournalFile.name(generation));
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        channel.write(ByteBuffer.wrap(JournalFile.header(generation)));
        channel.force(true);
        Fsync.directory(dir);
        return channel;
    }

    // ---- writing -----------------------------------------------------------------------------------

    @Override
    public CompletableFuture<AnswerEvent> record(Answer answer) {
        CompletableFuture<AnswerEvent> future = new CompletableFuture<>();
        writer.submit(
                new Pending(
                        id -> {
                            AnswerEvent event = answer.withId(id);
                            return event.withDay(Streak.dayOf(event.at(), zones.zoneOf(event.guildId())));
                        },
                        future),
                future);
        return future;
    }

    @Override
    public CompletableFuture<Forgotten> forget(long guildId, long userId) {
        CompletableFuture<Forgotten> future = new CompletableFuture<>();
        writer.submit(new Pending(id -> new ForgetEvent(id, guildId, userId, now()), future), future);
        return future;
    }

    @Override
    public CompletableFuture<ReviewEvent> review(
            long guildId, long userId, String questionId, Rating rating, Instant at) {
        java.util.Objects.requireNonNull(questionId, "questionId");
        java.util.Objects.requireNonNull(rating, "rating");
        Instant ms = at.truncatedTo(ChronoUnit.MILLIS);
        CompletableFuture<ReviewEvent> future = new CompletableFuture<>();
        writer.submit(new Pending(id -> new ReviewEvent(id, guildId, userId, questionId, rating, ms), future), future);
        return future;
    }

    @Override
    public CompletableFuture<ReminderEvent> setReminder(long userId, boolean on) {
        CompletableFuture<ReminderEvent> future = new CompletableFuture<>();
        writer.submit(new Pending(id -> new ReminderEvent(id, MemberRef.PERSONAL, userId, on, now()), future), future);
        return future;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private RuntimeException refusal() {
        Throwable failed = failure;
        return failed == null ? null : new IllegalStateException("the score store failed to write", failed);
    }

    /** Runs on the writer thread after each batch: compacts when due, then completes waiting forgets. */
    private void compactIfDue(boolean stopping) {
        boolean forgetting = !afterCompaction.isEmpty();
        if (failure == null && (sinceCompaction >= compactEvery || forgetting || stopping && sinceCompaction > 0)) {
            try {
                compact();
            } catch (IOException | RuntimeException e) {
                log.error(
                        "Compaction failed; the journals are intact and it will be tried again{}",
                        forgetting ? " (forgotten members stay in the files until it succeeds)" : "",
                        e);
                sinceCompaction = 0;
            }
        }
        afterCompaction.forEach(Runnable::run);
        afterCompaction.clear();
    }

    /** Runs on the writer thread when it ends. */
    private void closeFiles() {
        try {
            live.close();
        } catch (IOException e) {
            log.warn("Closing {} failed", dir, e);
        }
        unlock();
    }

    private void write(List<Pending> batch) {
        Throwable failed = failure;
        if (failed != null) {
            batch.forEach(p -> fail(p, new IllegalStateException("the score store failed to write", failed)));
            return;
        }
        lines.setLength(0);
        entries.clear();
        for (Pending p : batch) {
            long id = nextId++;
            JournalEntry entry = p.make().apply(id);
            entries.add(entry);
            EntryCodec.encode(entry, lines);
        }
        try {
            ByteBuffer bytes = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
            int length = bytes.remaining();
            while (bytes.hasRemaining()) {
                live.write(bytes);
            }
            live.force(false);
            syncs.incrementAndGet();
            durableLength += length;
        } catch (IOException | RuntimeException e) {
            failure = e;
            log.error(
                    "Writing {} events to journal generation {} in {} failed; refusing further events",
                    batch.size(),
                    liveGeneration,
                    dir,
                    e);
            batch.forEach(p -> fail(
                    p,
                    new UncheckedIOException(
                            "the answer could not be made durable",
                            e instanceof IOException io ? io : new IOException(e))));
            return;
        }
        long nowMs = clock.millis();
        boolean[] had = new boolean[batch.size()];
        aggregateLock.writeLock().lock();
        try {
            for (int i = 0; i < entries.size(); i++) {
                JournalEntry entry = entries.get(i);
                had[i] = aggregates.apply(entry, nowMs);
                if (entry instanceof ForgetEvent) {
                    pendingForgets.merge(new MemberKey(entry.guildId(), entry.userId()), entry.id(), Math::max);
                }
            }
        } finally {
            aggregateLock.writeLock().unlock();
        }
        sinceCompaction += entries.size();
        for (int i = 0; i < batch.size(); i++) {
            Pending p = batch.get(i);
            JournalEntry entry = entries.get(i);
            if (entry instanceof ForgetEvent) {
                log.info("Forgot member {} in guild {} (event {})", entry.userId(), entry.guildId(), entry.id());
                Forgotten forgotten = new Forgotten(entry.guildId(), entry.userId(), entry.id(), had[i]);
                afterCompaction.add(() -> complete(p, forgotten));
            } else {
                complete(p, entry);
            }
        }
    }

    @SuppressWarnings("unchecked") // each Pending's future was made for the type its make function returns
    private static void complete(Pending p, Object value) {
        ((CompletableFuture<Object>) p.future()).complete(value);
    }

    private static void fail(Pending p, Throwable t) {
        p.future().completeExceptionally(t);
    }

    /** Runs on the writer thread, between batches. */
    private void compact() throws IOException {
        long started = System.nanoTime();
        long oldLast = liveGeneration;
        long newGeneration = oldLast + 1;
        Map<MemberKey, Long> forgets = Map.copyOf(pendingForgets);
        filesLock.writeLock().lock();
        try {
            FileChannel next = createJournal(newGeneration);
            live.close();
            live = next;
            durableLength = next.size();
            liveGeneration = newGeneration;
            for (long g = firstLiveGeneration; g <= oldLast; g++) {
                archive(dir.resolve(JournalFile.name(g)), g, historyDir.resolve(JournalFile.name(g)), forgets);
            }
            if (!forgets.isEmpty()) {
                for (Map.Entry<Long, Path> h :
                        journals(historyDir).headMap(firstLiveGeneration).entrySet()) {
                    rewriteIfHolding(h.getValue(), h.getKey(), forgets);
                }
            }
            SnapshotFile.write(dir, aggregates, newGeneration, nextId - 1, clock.instant());
            for (long g = firstLiveGeneration; g <= oldLast; g++) {
                Files.deleteIfExists(dir.resolve(JournalFile.name(g)));
            }
            Fsync.directory(dir);
            firstLiveGeneration = newGeneration;
            forgets.forEach((k, v) -> pendingForgets.remove(k, v));
        } finally {
            filesLock.writeLock().unlock();
        }
        sinceCompaction = 0;
        compactions.incrementAndGet();
        log.info(
                "Compacted {} into a snapshot of {} members up to event {}; journal generation {} started, in {} ms",
                dir,
                aggregates.memberCount(),
                nextId - 1,
                newGeneration,
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Puts a finished journal into {@code history/}: a hard link when nothing in it is to be forgotten (no
     * copying; the journal is never written again), otherwise a filtered copy.
     */
    private static void archive(Path journal, long generation, Path target, Map<MemberKey, Long> forgets)
            throws IOException {
        if (forgets.isEmpty()) {
            try {
                Files.deleteIfExists(target);
                Files.createLink(target, journal);
                Fsync.directory(target.getParent());
                return;
            } catch (UnsupportedOperationException | IOException e) {
                log.debug("Cannot link {} into history ({}); copying it", journal, e.toString());
            }
        }
        copyWithout(journal, generation, target, forgets);
    }

    static boolean erased(JournalEntry e, Map<MemberKey, Long> forgets) {
        Long forgetId = forgets.get(new MemberKey(e.guildId(), e.userId()));
        if (forgetId == null && (e instanceof ReviewEvent || e instanceof ReminderEvent)) {
            // own ratings and reminder settings are the person's learning, wherever given: forgetting the
            // person erases them too
            forgetId = forgets.get(new MemberKey(MemberRef.PERSONAL, e.userId()));
        }
        return forgetId != null && e.id() <= forgetId;
    }

    private void rewriteIfHolding(Path file, long generation, Map<MemberKey, Long> forgets) throws IOException {
        boolean[] holds = {false};
        JournalFile.read(file, generation, Long.MAX_VALUE, 0, false, e -> holds[0] |= erased(e, forgets));
        if (holds[0]) {
            copyWithout(file, generation, file, forgets);
        }
    }

    /** Writes {@code from}'s entries minus forgotten members' to {@code to} via a forced temporary file. */
    private static void copyWithout(Path from, long generation, Path to, Map<MemberKey, Long> forgets)
            throws IOException {
        Path tmp = to.resolveSibling(to.getFileName() + ".tmp");
        StringBuilder sb = new StringBuilder(1 << 16);
        try (FileChannel out = FileChannel.open(
                tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write(ByteBuffer.wrap(JournalFile.header(generation)));
            IOException[] error = {null};
            JournalFile.read(from, generation, Long.MAX_VALUE, 0, false, e -> {
                if (!erased(e, forgets)) {
                    EntryCodec.encode(e, sb);
                }
                if (sb.length() > 1 << 15) {
                    error[0] = flush(sb, out, error[0]);
                }
            });
            error[0] = flush(sb, out, error[0]);
            if (error[0] != null) {
                throw error[0];
            }
            out.force(true);
        }
        Files.move(tmp, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Fsync.directory(to.getParent());
    }

    private static IOException flush(StringBuilder sb, FileChannel out, IOException earlier) {
        if (earlier != null) {
            return earlier;
        }
        try {
            ByteBuffer b = ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8));
            while (b.hasRemaining()) {
                out.write(b);
            }
            sb.setLength(0);
            return null;
        } catch (IOException e) {
            return e;
        }
    }

    /**
     * Stops taking events, waits until every accepted one is durable, writes a snapshot if anything
     * changed since the last, and closes the journal. Idempotent.
     */
    @Override
    public void close() {
        if (!writer.closeAndWait()) {
            return;
        }
        log.info("Score store in {} closed after {} journal syncs", dir, syncs.get());
    }

    // ---- queries -----------------------------------------------------------------------------------

    @Override
    public Leaderboard leaderboard(
            long guildId, LeaderboardPeriod period, Optional<String> step, long requesterId, ZoneId zone) {
        aggregateLock.readLock().lock();
        try {
            return aggregates.leaderboard(guildId, period, step, requesterId, zone, clock.instant());
        } finally {
            aggregateLock.readLock().unlock();
        }
    }

    @Override
    public Optional<MemberStats> memberStats(long guildId, long userId) {
        aggregateLock.readLock().lock();
        try {
            return aggregates.memberStats(guildId, userId, clock.instant());
        } finally {
            aggregateLock.readLock().unlock();
        }
    }

    /**
     * Reads the member's answers from the history files and the journals, so it costs a pass over the
     * files; meant for an occasional export, not for every message.
     */
    @Override
    public List<AnswerEvent> history(long guildId, long userId) {
        List<AnswerEvent> out = new ArrayList<>();
        filesLock.readLock().lock();
        try {
            Long forgetId = pendingForgets.get(new MemberKey(guildId, userId));
            long limit = durableLength;
            long first = firstLiveGeneration;
            long last = liveGeneration;
            Consumer<JournalEntry> keep = e -> {
                if (e instanceof AnswerEvent a
                        && a.guildId() == guildId
                        && a.userId() == userId
                        && (forgetId == null || a.id() > forgetId)) {
                    out.add(a);
                }
            };
            for (Map.Entry<Long, Path> h : journals(historyDir).headMap(first).entrySet()) {
                JournalFile.read(h.getValue(), h.getKey(), Long.MAX_VALUE, 0, false, keep);
            }
            for (long g = first; g <= last; g++) {
                JournalFile.read(
                        dir.resolve(JournalFile.name(g)), g, g == last ? limit : Long.MAX_VALUE, 0, false, keep);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the answer history in " + dir, e);
        } finally {
            filesLock.readLock().unlock();
        }
        return out;
    }

    // ---- learning loop queries -------------------------------------------------------------------------

    private <T> T read(java.util.function.Supplier<T> query) {
        aggregateLock.readLock().lock();
        try {
            return query.get();
        } finally {
            aggregateLock.readLock().unlock();
        }
    }

    @Override
    public List<DeckCard> dueCards(long userId, Instant at) {
        return read(() -> aggregates.due(userId, at));
    }

    @Override
    public Optional<Instant> nextDue(long userId) {
        return read(() -> aggregates.nextDue(userId));
    }

    @Override
    public int deckSize(long userId) {
        return read(() -> aggregates.deckSize(userId));
    }

    @Override
    public boolean reminderOn(long userId) {
        return read(() -> aggregates.reminder(userId));
    }

    @Override
    public List<Long> guildsOf(long userId) {
        return read(() -> aggregates.guildsOf(userId));
    }

    @Override
    public List<MemberRef> membersToRemind(Instant at) {
        return read(() -> aggregates.toRemind(at));
    }

    @Override
    public LearnerState learner(long userId) {
        return read(() -> aggregates.learner(userId));
    }

    /**
     * Counts every kept answer in the history files and the journals, like {@link #history}: one pass over
     * the files. Forgotten members' answers are not counted.
     */
    @Override
    public List<QuestionStats> questionStats() {
        QuestionCounter counter = new QuestionCounter();
        filesLock.readLock().lock();
        try {
            Map<MemberKey, Long> forgets = Map.copyOf(pendingForgets);
            long limit = durableLength;
            long first = firstLiveGeneration;
            long last = liveGeneration;
            Consumer<JournalEntry> count = e -> {
                if (e instanceof AnswerEvent a && !erased(a, forgets)) {
                    counter.add(a);
                }
            };
            for (Map.Entry<Long, Path> h : journals(historyDir).headMap(first).entrySet()) {
                JournalFile.read(h.getValue(), h.getKey(), Long.MAX_VALUE, 0, false, count);
            }
            for (long g = first; g <= last; g++) {
                JournalFile.read(
                        dir.resolve(JournalFile.name(g)), g, g == last ? limit : Long.MAX_VALUE, 0, false, count);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the answers in " + dir, e);
        } finally {
            filesLock.readLock().unlock();
        }
        return counter.result();
    }

    /** Every member the store keeps anything about (answers, a review deck, a reminder), by guild then user. */
    public List<MemberRef> members() {
        return read(aggregates::members);
    }

    /**
     * Hands every kept event to {@code sink} in id order: the history files, then the journals (the
     * compacted generations have forgotten members' events removed; a forget still in a journal follows the
     * events it erases). One pass over the files, for copying the store elsewhere ({@code migrate-data});
     * events recorded while it runs may or may not be included.
     */
    public void forEachEvent(Consumer<JournalEntry> sink) {
        filesLock.readLock().lock();
        try {
            long limit = durableLength;
            long first = firstLiveGeneration;
            long last = liveGeneration;
            for (Map.Entry<Long, Path> h : journals(historyDir).headMap(first).entrySet()) {
                JournalFile.read(h.getValue(), h.getKey(), Long.MAX_VALUE, 0, false, sink);
            }
            for (long g = first; g <= last; g++) {
                JournalFile.read(
                        dir.resolve(JournalFile.name(g)), g, g == last ? limit : Long.MAX_VALUE, 0, false, sink);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the events in " + dir, e);
        } finally {
            filesLock.readLock().unlock();
        }
    }

    /** Journal fsyncs so far: fewer than events when concurrent answers shared a group commit. */
    public long journalSyncs() {
        return syncs.get();
    }

    /** Compactions completed since open. */
    public long compactions() {
        return compactions.get();
    }
}
