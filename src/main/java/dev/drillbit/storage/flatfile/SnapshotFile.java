package dev.drillbit.storage.flatfile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drillbit.storage.DataFileException;
import dev.drillbit.storage.FormatVersions;
import dev.drillbit.storage.Fsync;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The snapshot: {@code snapshot.jsonl}, JSON Lines. Line 1 is the header
 * {@code {"format":"drillbit-snapshot","version":3,"generation":G,"last_id":S,"steps":[...],"questions":[...],
 * "written":"..."}}: the aggregates include every event up to id S, and journal generation G is the first
 * one <em>not</em> included; {@code steps} and {@code questions} list the ids that member lines refer to by
 * position. Then one line per member (its counters and, since version 2, its learning state:
 * {@code seen} and {@code right} bit sets over question positions, {@code cards} as 9 numbers per card
 * and {@code remind}), and a last line {@code {"end":"drillbit-snapshot","members":N}} so
 * that a cut-short copy is detected. Written to a temporary file, forced, renamed over the old one and
 * the directory forced, so a reader sees the old snapshot or the new one, whole. Stateless; thread-safe.
 */
final class SnapshotFile {
    static final String NAME = "snapshot.jsonl";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** What the header says. */
    record Header(long generation, long lastId, long members, int version) {}

    private SnapshotFile() {}

    static void write(Path dir, Aggregates aggregates, long generation, long lastId, Instant now) throws IOException {
        Path tmp = dir.resolve(NAME + ".tmp");
        try (FileChannel channel = FileChannel.open(
                tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            Writer out = new BufferedWriter(
                    new OutputStreamWriter(Channels.newOutputStream(channel), StandardCharsets.UTF_8), 1 << 16);
            StringBuilder header = new StringBuilder();
            header.append("{\"format\":\"")
                    .append(FormatVersions.SNAPSHOT_FORMAT)
                    .append("\",\"version\":")
                    .append(FormatVersions.SNAPSHOT)
                    .append(",\"generation\":")
                    .append(generation)
                    .append(",\"last_id\":")
                    .append(lastId)
                    .append(",\"steps\":[");
            List<String> steps = aggregates.stepNames();
            for (int i = 0; i < steps.size(); i++) {
                if (i > 0) {
                    header.append(',');
                }
                EntryCodec.string(steps.get(i), header);
            }
            header.append("],\"questions\":[");
            List<String> questions = MemberLines.questionNames(aggregates);
            for (int i = 0; i < questions.size(); i++) {
                if (i > 0) {
                    header.append(',');
                }
                EntryCodec.string(questions.get(i), header);
            }
            header.append("],\"written\":\"").append(now).append("\"}\n");
            out.append(header);
            long n = MemberLines.write(aggregates, out);
            out.append("{\"end\":\"")
                    .append(FormatVersions.SNAPSHOT_FORMAT)
                    .append("\",\"members\":")
                    .append(String.valueOf(n))
                    .append("}\n");
            out.flush();
            channel.force(true);
        }
        Files.move(tmp, dir.resolve(NAME), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Fsync.directory(dir);
    }

    /** Reads the snapshot into empty {@code aggregates}; any damage is fatal, since the file is written whole. */
    static Header read(Path file, Aggregates aggregates) throws IOException {
        List<String> stepNames = new ArrayList<>();
        long[] state = {-1, -1, 0, -1, 0, 0}; // generation, last id, members, end count, end line, version
        LineScanner.End end = LineScanner.scan(file, Long.MAX_VALUE, (buf, off, len, lineNumber, offset) -> {
            if (state[4] != 0) {
                throw new DataFileException(file, lineNumber, "text after the end line (byte offset " + offset + ")");
            }
            if (lineNumber == 1) {
                JsonNode header = tree(file, 1, new String(buf, off, len, StandardCharsets.UTF_8));
                state[5] = FormatVersions.check(file, header, FormatVersions.SNAPSHOT_FORMAT, FormatVersions.SNAPSHOT);
                state[0] = header.path("generation").asLong(-1);
                state[1] = header.path("last_id").asLong(-1);
                if (state[0] < 1 || state[1] < 0 || !header.path("steps").isArray()) {
                    throw new DataFileException(file, 1, "header lacks generation, last_id or steps");
                }
                header.path("steps").forEach(s -> stepNames.add(s.asText()));
                List<String> questionNames = new ArrayList<>();
                header.path("questions").forEach(q -> questionNames.add(q.asText()));
                try {
                    MemberLines.internQuestions(aggregates, questionNames);
                } catch (EntryCodec.BadLineException e) {
                    throw new DataFileException(file, 1, e.getMessage());
                }
                return;
            }
            if (len > 7 && buf[off + 2] == 'e' && buf[off + 3] == 'n' && buf[off + 4] == 'd') {
                JsonNode endLine = tree(file, lineNumber, new String(buf, off, len, StandardCharsets.UTF_8));
                state[3] = endLine.path("members").asLong(-1);
                state[4] = lineNumber;
                return;
            }
            try {
                MemberLines.read(aggregates, buf, off, len, stepNames);
            } catch (EntryCodec.BadLineException e) {
                throw new DataFileException(
                        file,
                        lineNumber,
                        "damaged member line at byte offset " + offset + ": " + e.getMessage()
                                + "; the file was left untouched");
            }
            state[2]++;
        });
        if (end.lines() == 0) {
            throw new DataFileException(
                    file,
                    0,
                    "the snapshot is empty; snapshots are written whole, so it was "
                            + "damaged after writing. It was left untouched; `repair` moves it aside and rebuilds from "
                            + "the journals and history");
        }
        if (end.tailBytes() > 0 || state[4] == 0) {
            throw new DataFileException(
                    file,
                    end.lines() + 1,
                    "the snapshot is cut short (no end line); it was "
                            + "left untouched; `repair` moves it aside and rebuilds from the journals and history");
        }
        if (state[3] != state[2]) {
            throw new DataFileException(
                    file, state[4], "end line counts " + state[3] + " members but the file holds " + state[2]);
        }
        return new Header(state[0], state[1], state[2], (int) state[5]);
    }

    private static JsonNode tree(Path file, long line, String text) {
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || !node.isObject()) {
                throw new DataFileException(file, line, "not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new DataFileException(file, line, "not JSON (" + EntryCodec.firstLine(e.getMessage()) + ")");
        }
    }
}
