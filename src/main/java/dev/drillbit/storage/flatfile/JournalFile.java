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
        LineScanner.End end = LineScanner.scan(file, limit, (buf, off, len, lineNumber, offset) -> {
            if (lineNumber == 1) {
                state[3] = checkHeader(file, generation, new String(buf, off, len, StandardCharsets.UTF_8));
                state[2] = 1;
                return;
            }
            JournalEntry entry;
            try {
                entry = EntryCodec.decode(buf, off, len);
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
