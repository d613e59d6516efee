package dev.drillbit.storage.flatfile;

import static dev.drillbit.storage.flatfile.JsonFields.text;
import static dev.drillbit.storage.flatfile.JsonFields.whole;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drillbit.insights.Flag;
import dev.drillbit.insights.FlagReason;
import dev.drillbit.insights.FlagStore;
import dev.drillbit.storage.AtomicFile;
import dev.drillbit.storage.DataFileException;
import dev.drillbit.storage.DirectoryLock;
import dev.drillbit.storage.FormatVersions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Members' reports of questions in {@code <data>/flags/flags.json}, format version 1, rewritten whole by
 * {@link AtomicFile} on every change (reports are few), so the file is the old or the new list, never torn.
 * A damaged file stops start-up with a {@link DataFileException}; nothing is changed on a failed read.
 * {@link #read(Path)} reads the file without the lock, for {@code report questions} beside a running bot.
 *
 * <pre>
 * flags/
 *   flags.json   {"format":"drillbit-flags","version":1,"flags":[{guild, question, user, reason, note, at}]}
 *   flags.lock   held while a store has the folder open
 * </pre>
 * Thread-safe: every method holds the store's monitor.
 */
public final class FlatFileFlagStore implements FlagStore {
    static final String FILE = "flags.json";
    public static final String LOCK = "flags.lock";
    static final String FORMAT = "drillbit-flags";
    static final int VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Comparator<Flag> ORDER = Comparator.comparingLong(Flag::guildId)
            .thenComparing(Flag::questionId)
            .thenComparingLong(Flag::userId);

    private final Path dir;
    private List<Flag> flags;
    private DirectoryLock lock;

    private FlatFileFlagStore(Path dir) {
        this.dir = dir;
    }

    /**
     * Opens the reports in {@code dir} (created if missing) and locks the folder.
     *
     * @throws DataFileException when the file is damaged; nothing was changed
     * @throws IllegalStateException when another store has the folder open
     */
    public static FlatFileFlagStore open(Path dir) {
        FlatFileFlagStore store = new FlatFileFlagStore(dir);
        store.lock = DirectoryLock.ofFolder(dir, LOCK, "the question reports", () -> {
            store.flags = new ArrayList<>(read(dir));
            AtomicFile.delete(dir.resolve(FILE + AtomicFile.TMP));
        });
        return store;
    }

    /** The reports in {@code dir}, read without taking the lock; empty when there are none. */
    public static List<Flag> read(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        if (!Files.exists(file)) {
            return List.of();
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            throw new DataFileException(
                    file,
                    e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    "not valid JSON (" + e.getOriginalMessage() + "); it is written whole, so it was damaged after"
                            + " writing. Start-up stopped and the file was left untouched",
                    e);
        }
        if (root == null || !root.isObject()) {
            throw new DataFileException(file, 1, "not a JSON object; start-up stopped and the file was left untouched");
        }
        FormatVersions.check(file, root, FORMAT, VERSION);
        List<Flag> out = new ArrayList<>();
        JsonNode list = root.path("flags");
        if (!list.isArray()) {
            throw new DataFileException(file, 0, "field \"flags\" is not a list; the file was left untouched");
        }
        for (JsonNode n : list) {
            try {
                JsonNode note = n.get("note");
                out.add(new Flag(
                        whole(n, "guild"),
                        text(n, "question"),
                        whole(n, "user"),
                        FlagReason.fromId(text(n, "reason"))
                                .orElseThrow(() -> new IllegalArgumentException("unknown reason")),
                        note == null || note.isNull() ? Optional.empty() : Optional.of(note.asText()),
                        Instant.parse(text(n, "at"))));
            } catch (RuntimeException e) {
                throw new DataFileException(
                        file,
                        0,
                        "a report is not valid (" + e.getMessage() + "); start-up stopped and the file was"
                                + " left untouched");
            }
        }
        out.sort(ORDER);
        return out;
    }

    private void write(List<Flag> next) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        ArrayNode list = root.putArray("flags");
        for (Flag f : next) {
            ObjectNode n = list.addObject();
            n.put("guild", f.guildId());
            n.put("question", f.questionId());
            n.put("user", f.userId());
            n.put("reason", f.reason().id());
            n.put("note", f.note().orElse(null));
            n.put("at", f.at().toString());
        }
        try {
            AtomicFile.write(
                    dir.resolve(FILE), (MAPPER.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("saving the question reports in " + dir + " failed", e);
        }
        flags = next;
    }

    private void open() {
        if (lock == null) {
            throw new IllegalStateException("the question report store is closed");
        }
    }

    private int without(Predicate<Flag> gone) {
        List<Flag> next = new ArrayList<>(flags);
        int before = next.size();
        next.removeIf(gone);
        if (next.size() != before) {
            write(next);
        }
        return before - next.size();
    }

    @Override
    public synchronized List<Flag> all() {
        open();
        return List.copyOf(flags);
    }

    @Override
    public synchronized void put(Flag flag) {
        open();
        List<Flag> next = new ArrayList<>(flags);
        next.removeIf(f -> f.guildId() == flag.guildId()
                && f.questionId().equals(flag.questionId())
                && f.userId() == flag.userId());
        next.add(flag);
        next.sort(ORDER);
        write(next);
    }

    @Override
    public synchronized int resolve(long guildId, String questionId) {
        open();
        return without(f -> f.guildId() == guildId && f.questionId().equals(questionId));
    }

    @Override
    public synchronized void forget(long guildId, long userId) {
        open();
        without(f -> f.guildId() == guildId && f.userId() == userId);
    }

    @Override
    public synchronized void forgetEverywhere(long userId) {
        open();
        without(f -> f.userId() == userId);
    }

    @Override
    public synchronized void close() {
        if (lock != null) {
            lock.release();
            lock = null;
        }
    }
}
