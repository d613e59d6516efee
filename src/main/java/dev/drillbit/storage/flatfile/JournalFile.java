package dev.drillbit.storage.flatfile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drillbit.progress.JournalEntry;
import dev.drillbit.storage.DataFileException;
import dev.drillbit.storage.FormatVersions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A journal file: {@code journal-<generation>.jsonl}, a header line
 * {@code {"format":"drillbit-journal","version":2,"generation":N}} (version 1 files are read too) and then one {@link EntryCodec} line per
 * entry, ids strictly increasing. The same format serves archived generations under {@code history/}.
 * Stateless helpers; thread-safe.
 */
final class JournalFile {
    private static final Pattern NAME = Pattern.compile("journal-(\\d{12})\\.jsonl");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JournalFile() {}

    static String name(long generation) {
        return String.format("journal-%012d.jsonl", generation);
    }

    static Optional<Long> generationOf(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        return m.matches() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
    }

    static byte[] header(long generation) {
        return ("{\"format\":\"" + FormatVersions.JOURNAL_FORMAT + "\",\"version\":" + FormatVersions.JOURNAL
                        + ",\"generation\":" + generation + "}\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * What a read found.
     *
     * @param headerPresent false when the file had no complete header line (empty, or torn while created)
     * @param completeLines newline-terminated lines, header included
     * @param validLength bytes worth keeping: up to the last complete line
     * @param tornOffset offset of a torn last line, or -1
     * @param tornBytes length of the torn last line
     * @param dropped damaged lines skipped (only in lenient reads)
     */
    record Scan(
            boolean headerPresent,
            long completeLines,
            long entries,
            long lastId,
            long validLength,
            long tornOffset,
            long tornBytes,
            List<DroppedLine> dropped,
            int version) {}

    /**
     * Reads every entry into {@code sink}, in file order.
     *
     * @param limit bytes to read (the durable length of a journal being written), or {@link Long#MAX_VALUE}
     * @param afterId entries must have ids above this (the previous file's last id)
     * @param lenient collect damaged lines instead of failing (for repair)
     * @throws DataFileException on damage before the last line (strict), a wrong header, or a foreign version
     */
    static Scan read(Path file, long generation, long limit, long afterId, boolean lenient, Consumer<JournalEntry> sink)
            throws IOException {
        List<DroppedLine> dropped = new ArrayList<>();
        long[] state = {0, afterId, 0, 0}; // entries, last id, header seen, version
        EntryCodec.Reader reader = new EntryCodec.Reader();
        LineScanner.End end = LineScanner.scan(file, limit, (buf, off, len, lineNumber, offset) -> {
            if (lineNumber == 1) {
                state[3] = checkHeader(file, generation, new String(buf, off, len, StandardCharsets.UTF_8));
                state[2] = 1;
                return;
            }
            JournalEntry entry;
            try {
                entry = reader.decode(buf, off, len);
                if (entry.id() <= state[1]) {
                    throw new EntryCodec.BadLineException("event id " + entry.id() + " does not follow id " + state[1]
                            + " (duplicated or out of order)");
                }
            } catch (EntryCodec.BadLineException e) {
                if (lenient) {
                    dropped.add(new DroppedLine(file, lineNumber, offset, e.getMessage()));
                    return;
                }
                throw new DataFileException(
                        file,
                        lineNumber,
                        "damaged line at byte offset " + offset + ": "
                                + e.getMessage()
                                + ". Start-up stopped and the file was left untouched; `repair` keeps every "
                                + "readable event and moves the damaged file aside");
            }
            state[0]++;
            state[1] = entry.id();
            sink.accept(entry);
        });
        boolean headerPresent = state[2] == 1;
        long tornOffset = end.tailBytes() > 0 ? end.completeBytes() : -1;
        return new Scan(
                headerPresent,
                end.lines(),
                state[0],
                state[1],
                end.completeBytes(),
                tornOffset,
                end.tailBytes(),
                List.copyOf(dropped),
                (int) state[3]);
    }

    /** Entries handed from the decoding thread to the caller at a time. */
    private static final int BATCH = 2048;
    /** Batches decoded ahead of the caller at most. */
    private static final int AHEAD = 8;

    /** What the decoding thread hands over last: how the read ended, or why it stopped. */
    private record Done(Scan scan, Throwable failure) {}

    /**
     * {@link #read} (strict: {@code lenient} false) on two threads: a decoding thread scans and decodes the
     * lines, checks their ids and hands the entries over in batches, in order; the calling thread passes them
     * to {@code sink}, so the sink sees every entry on the caller's thread, in file order, exactly as with
     * {@link #read}. A failure of the read (a damaged line, a foreign header, an I/O error) is thrown here
     * once every entry before it has gone to the sink, as {@link #read} throws it; a failure of the sink
     * stops the decoding thread. For replaying a whole journal at start-up, where decoding and applying take
     * about as long as each other.
     */
    static Scan readAhead(Path file, long generation, long limit, long afterId, Consumer<JournalEntry> sink)
            throws IOException {
        java.util.concurrent.BlockingQueue<Object> handed = new java.util.concurrent.ArrayBlockingQueue<>(AHEAD);
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        Thread decoder = new Thread(
                () -> {
                    JournalEntry[] batch = new JournalEntry[BATCH];
                    int[] n = {0};
                    Object last;
                    try {
                        Scan scan = read(file, generation, limit, afterId, false, entry -> {
                            batch[n[0]++] = entry;
                            if (n[0] == BATCH) {
                                hand(handed, batch.clone(), stop);
                                n[0] = 0;
                            }
                        });
                        if (n[0] > 0) {
                            hand(handed, java.util.Arrays.copyOf(batch, n[0]), stop);
                        }
                        last = new Done(scan, null);
                    } catch (Throwable failure) {
                        if (n[0] > 0 && !(failure instanceof Stopped)) {
                            try {
                                hand(handed, java.util.Arrays.copyOf(batch, n[0]), stop);
                            } catch (Stopped stopped) {
                                return;
                            }
                        }
                        last = new Done(null, failure);
                    }
                    try {
                        hand(handed, last, stop);
                    } catch (Stopped stopped) {
                        // the caller gave up; nobody waits for the end
                    }
                },
                "journal-decoder " + file.getFileName());
        decoder.setDaemon(true);
        decoder.start();
        try {
            while (true) {
                Object next = handed.take();
                if (next instanceof JournalEntry[] entries) {
                    for (JournalEntry entry : entries) {
                        sink.accept(entry);
                    }
                } else {
                    Done done = (Done) next;
                    if (done.failure() == null) {
                        return done.scan();
                    }
                    if (done.failure() instanceof IOException e) {
                        throw e;
                    }
                    if (done.failure() instanceof RuntimeException e) {
                        throw e;
                    }
                    if (done.failure() instanceof Error e) {
                        throw e;
                    }
                    throw new IllegalStateException(done.failure());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while replaying " + file);
        } finally {
            stop.set(true);
            handed.clear(); // frees a decoder waiting for room, which then sees the stop
        }
    }

    /** Thrown in the decoding thread when the caller has stopped taking what it hands over. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    private static void hand(
            java.util.concurrent.BlockingQueue<Object> handed,
            Object item,
            java.util.concurrent.atomic.AtomicBoolean stop) {
        try {
            while (!handed.offer(item, 10, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                if (stop.get()) {
                    throw new Stopped();
                }
            }
        } catch (InterruptedException e) {
            throw new Stopped();
        }
    }

    private static int checkHeader(Path file, long generation, String line) {
        JsonNode header;
        try {
            header = MAPPER.readTree(line);
        } catch (IOException e) {
            throw new DataFileException(file, 1, "header is not JSON (" + EntryCodec.firstLine(e.getMessage()) + ")");
        }
        if (header == null) {
            throw new DataFileException(file, 1, "header line is blank");
        }
        int version = FormatVersions.check(file, header, FormatVersions.JOURNAL_FORMAT, FormatVersions.JOURNAL);
        long g = header.path("generation").asLong(-1);
        if (g != generation) {
            throw new DataFileException(
                    file, 1, "header says generation " + g + " but the file name says " + generation);
        }
        return version;
    }
}
