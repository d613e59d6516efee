package dev.drillbit.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drillbit.bank.Difficulty;
import dev.drillbit.bank.QuestionType;
import dev.drillbit.progress.Answer;
import dev.drillbit.storage.flatfile.FlatFileScoreStore;
import dev.drillbit.storage.flatfile.StoreOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * Durable answer recording, each writer a thread that records an answer and waits for its future (the
 * answer is on disk) before the next, for a fixed time after a warm-up:
 * <ul>
 *   <li>drillbit's {@link FlatFileScoreStore} with 1, 16 or 256 writers;
 *   <li>the disk's floor: one thread appending the very bytes that store wrote (its journal lines) in
 *       batches of the store's mean group-commit size (answers / journal fsyncs), {@code force} after each
 *       batch, as the store's writer does; measured in windows alternating with the store's;
 *   <li>what simple bots do: one JSON file of every member's score, rewritten whole (temp file, force,
 *       atomic rename) for each answer, at 10,000 members.
 * </ul>
 * Not thread-safe; one measurement at a time.
 */
final class DurableRecording {
    static final long GUILD = 1;

    /** The store's figure and the floor at its batch size. */
    record StoreResult(int writers, double answersPerSecond, double meanBatch, double floorPerSecond) {}

    private DurableRecording() {}

    static Answer answer(long user) {
        return new Answer(
                GUILD,
                user,
                "sql-001",
                "sql",
                Difficulty.MID,
                QuestionType.MULTIPLE_CHOICE,
                true,
                Optional.empty(),
                10,
                Instant.now());
    }

    /**
     * How writers wait for durability: {@code THREADS}, a thread per writer blocking on its future (as a
     * handler that waits before replying); {@code CALLBACKS}, each writer a chain that records its next
     * answer from the previous one's completion (as a handler that replies in {@code thenAccept}), so
     * {@code writers} answers are always in flight without a thread each.
     */
    enum Waiting {
        THREADS,
        CALLBACKS
    }

    /**
     * Measures the store and its floor in alternating windows ({@code rounds} × (store {@code measure},
     * then floor {@code floorTime} at the batch size the store just used)), so that both meet the same
     * background load; the writers are paused while the floor runs.
     */
    static StoreResult store(
            Path dir,
            int writers,
            Waiting waiting,
            int members,
            Duration warmup,
            Duration measure,
            Duration floorTime,
            int rounds)
            throws InterruptedException, IOException {
        Path data = dir.resolve("store-" + writers + "-" + waiting.name().toLowerCase());
        deleteTree(data);
        long answers = 0;
        long syncs = 0;
        double seconds = 0;
        double floorLines = 0;
        double floorSeconds = 0;
        try (FlatFileScoreStore store = FlatFileScoreStore.open(StoreOptions.defaults(data))) {
            AtomicLong done = new AtomicLong();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicBoolean paused = new AtomicBoolean();
            AtomicInteger idle = new AtomicInteger(); // writers not waiting for an answer
            List<Thread> threads = new ArrayList<>();
            Runnable resume;
            if (waiting == Waiting.THREADS) {
                for (int w = 0; w < writers; w++) {
                    Thread t = new Thread(
                            () -> {
                                ThreadLocalRandom random = ThreadLocalRandom.current();
                                boolean isIdle = false;
                                while (!stop.get()) {
                                    if (paused.get()) {
                                        if (!isIdle) {
                                            isIdle = true;
                                            idle.incrementAndGet();
                                        }
                                        LockSupport.parkNanos(1_000_000);
                                        continue;
                                    }
                                    if (isIdle) {
                                        isIdle = false;
                                        idle.decrementAndGet();
                                    }
                                    store.record(answer(1 + random.nextInt(members)))
                                            .join();
                                    done.incrementAndGet();
                                }
                            },
                            "bench-writer-" + w);
                    t.setDaemon(true);
                    threads.add(t);
                    t.start();
                }
                resume = () -> {};
            } else {
                idle.set(writers);
                Chain chain = new Chain(store, members, done, paused, stop, idle);
                resume = () -> {
                    for (int n = idle.getAndSet(0); n > 0; n--) {
                        chain.next();
                    }
                };
                resume.run();
            }
            Thread.sleep(warmup.toMillis());
            List<byte[]> lines = null;
            for (int round = 0; round < rounds; round++) {
                if (round > 0) {
                    paused.set(false);
                    resume.run();
                    Thread.sleep(Math.min(500, warmup.toMillis())); // writers back up to speed
                }
                long a0 = done.get();
                long s0 = store.journalSyncs();
                long t0 = System.nanoTime();
                Thread.sleep(measure.toMillis());
                long a = done.get() - a0;
                long sy = store.journalSyncs() - s0;
                seconds += (System.nanoTime() - t0) / 1e9;
                answers += a;
                syncs += sy;
                paused.set(true);
                while (idle.get() < writers) {
                    Thread.sleep(1);
                }
                if (lines == null) {
                    lines = journalLines(data);
                }
                int batch = Math.max(1, (int) Math.round(sy == 0 ? 1 : (double) a / sy));
                double[] floor = rawAppend(dir, lines, batch, floorTime);
                floorLines += floor[0];
                floorSeconds += floor[1];
            }
            stop.set(true);
            for (Thread t : threads) {
                t.join();
            }
        }
        double batch = syncs == 0 ? 1 : (double) answers / syncs;
        return new StoreResult(writers, answers / seconds, batch, floorLines / floorSeconds);
    }

    /** A writer without a thread: each completion records the next answer, until paused or stopped. */
    private record Chain(
            FlatFileScoreStore store,
            int members,
            AtomicLong done,
            AtomicBoolean paused,
            AtomicBoolean stop,
            AtomicInteger idle) {
        void next() {
            if (paused.get() || stop.get()) {
                idle.incrementAndGet();
                return;
            }
            store.record(answer(1 + ThreadLocalRandom.current().nextInt(members)))
                    .whenComplete((event, failed) -> {
                        if (failed != null) { // a failed store completes at once: do not recurse
                            idle.incrementAndGet();
                            return;
                        }
                        done.incrementAndGet();
                        next();
                    });
        }
    }

    /** Every event line the store wrote, headers excluded. */
    static List<byte[]> journalLines(Path data) throws IOException {
        List<byte[]> lines = new ArrayList<>();
        for (Path d : List.of(data.resolve("history"), data)) {
            try (Stream<Path> files = Files.list(d)) {
                for (Path f : files.filter(f -> f.getFileName().toString().startsWith("journal-"))
                        .sorted()
                        .toList()) {
                    List<String> all = Files.readAllLines(f, StandardCharsets.UTF_8);
                    for (String line : all.subList(1, all.size())) {
                        lines.add((line + "\n").getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
        }
        if (lines.isEmpty()) {
            throw new IllegalStateException("the store wrote no events in " + data);
        }
        return lines;
    }

    /** Appends {@code lines} in batches of {@code batch}, forcing after each; returns {lines, seconds}. */
    static double[] rawAppend(Path dir, List<byte[]> lines, int batch, Duration time) throws IOException {
        List<ByteBuffer> batches = new ArrayList<>();
        for (int i = 0; i + batch <= Math.max(lines.size(), batch) && batches.size() < 64; i += batch) {
            ByteBuffer buffer = ByteBuffer.allocate(batch * 256);
            for (int j = 0; j < batch; j++) {
                byte[] line = lines.get((i + j) % lines.size());
                if (buffer.remaining() < line.length) {
                    ByteBuffer bigger = ByteBuffer.allocate(buffer.capacity() * 2 + line.length);
                    buffer.flip();
                    bigger.put(buffer);
                    buffer = bigger;
                }
                buffer.put(line);
            }
            buffer.flip();
            batches.add(buffer);
        }
        Path file = dir.resolve("raw-" + batch + ".jsonl");
        Files.deleteIfExists(file);
        long written = 0;
        long t0;
        long elapsed;
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            t0 = System.nanoTime();
            long end = t0 + time.toNanos();
            int k = 0;
            do {
                ByteBuffer b = batches.get(k++ % batches.size()).duplicate();
                while (b.hasRemaining()) {
                    out.write(b);
                }
                out.force(false);
                written += batch;
            } while (System.nanoTime() < end);
            elapsed = System.nanoTime() - t0;
        }
        Files.deleteIfExists(file);
        return new double[] {written, elapsed / 1e9};
    }

    /** A member's score as a simple bot keeps it. */
    record Score(long points, long answers, long correct) {}

    /** One writer: each answer updates the map and rewrites the whole file durably. Answers per second. */
    static double wholeFileRewrite(Path dir, int members, Duration warmup, Duration measure) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Map<String, Score> scores = new LinkedHashMap<>();
        for (int m = 1; m <= members; m++) {
            scores.put(Long.toString(m), new Score(m % 500, m % 50, m % 40));
        }
        Files.createDirectories(dir);
        Path file = dir.resolve("scores.json");
        Path tmp = dir.resolve("scores.json.tmp");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long end = System.nanoTime() + warmup.toNanos();
        long count = 0;
        long t0 = 0;
        boolean measuring = false;
        while (true) {
            long now = System.nanoTime();
            if (!measuring && now >= end) {
                measuring = true;
                count = 0;
                t0 = now;
                end = now + measure.toNanos();
            } else if (measuring && now >= end) {
                break;
            }
            String key = Long.toString(1 + random.nextInt(members));
            Score s = scores.get(key);
            scores.put(key, new Score(s.points() + 10, s.answers() + 1, s.correct() + 1));
            byte[] bytes = json.writeValueAsBytes(scores);
            try (FileChannel out = FileChannel.open(
                    tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer b = ByteBuffer.wrap(bytes);
                while (b.hasRemaining()) {
                    out.write(b);
                }
                out.force(false);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            count++;
        }
        return count / ((System.nanoTime() - t0) / 1e9);
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
