package dev.drillbit.storage.flatfile;

import static dev.drillbit.storage.flatfile.JsonFields.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drillbit.packs.ServerPackStore;
import dev.drillbit.packs.StoredPack;
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
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Servers' packs in {@code <data>/packs/}, format version 1: one file per server and step, written whole by
 * {@link AtomicFile} (temp file, force, atomic rename, directory force), so a file is the old or the new
 * pack, never torn. Damage stops start-up with a {@link DataFileException} naming the file; nothing is
 * changed on a failed read.
 *
 * <pre>
 * packs/
 *   &lt;guild&gt;-&lt;step&gt;.json   {"format":"drillbit-server-pack","version":1, guild, step, imported_by,
 *                          imported_at, json: the pack's text exactly as uploaded}
 *   packs.lock             held while a store has the folder open
 * </pre>
 * Thread-safe: every method holds the store's monitor; the packs are also kept in memory (they are small and
 * bounded by the configured limits).
 */
public final class FlatFileServerPackStore implements ServerPackStore {
    static final String FORMAT = "drillbit-server-pack";
    static final int VERSION = 1;
    public static final String LOCK = "packs.lock";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private record Key(long guildId, String step) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = Long.compare(guildId, o.guildId);
            return c != 0 ? c : step.compareTo(o.step);
        }
    }

    private final Path dir;
    private final Map<Key, StoredPack> packs = new TreeMap<>();
    private DirectoryLock lock;

    private FlatFileServerPackStore(Path dir) {
        this.dir = dir;
    }

    /**
     * Opens the packs in {@code dir} (created if missing), locks the folder and reads every pack.
     *
     * @throws DataFileException when a pack file is damaged; nothing was changed
     * @throws IllegalStateException when another store (in this or another process) has the folder open
     * @throws UncheckedIOException when the folder cannot be created, locked or read
     */
    public static FlatFileServerPackStore open(Path dir) {
        FlatFileServerPackStore store = new FlatFileServerPackStore(dir);
        store.lock = DirectoryLock.ofFolder(dir, LOCK, "the server packs", store::read);
        return store;
    }

    private void read() throws IOException {
        AtomicFile.readFolder(dir, ".json", this::readPack);
    }

    private void readPack(Path file) throws IOException {
        String name = file.getFileName().toString();
        StoredPack pack = parse(file);
        if (!name.equals(fileName(pack.guildId(), pack.step()))) {
            throw new DataFileException(
                    file,
                    0,
                    "holds the pack of guild " + pack.guildId() + " for step " + pack.step() + " but is named " + name
                            + "; start-up stopped and the file was left untouched");
        }
        packs.put(new Key(pack.guildId(), pack.step()), pack);
    }

    private static String fileName(long guildId, String step) {
        return guildId + "-" + step + ".json";
    }

    private static StoredPack parse(Path file) throws IOException {
        byte[] content = Files.readAllBytes(file);
        JsonNode n;
        try {
            n = MAPPER.readTree(content);
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new DataFileException(
                    file,
                    line,
                    "not valid JSON (" + e.getOriginalMessage() + "); it is written whole, so it was damaged"
                            + " after writing. Start-up stopped and the file was left untouched: restore it from a"
                            + " backup or move it aside",
                    e);
        }
        if (n == null || !n.isObject()) {
            throw new DataFileException(file, 1, "not a JSON object; start-up stopped and the file was left untouched");
        }
        FormatVersions.check(file, n, FORMAT, VERSION);
        try {
            JsonNode guild = n.get("guild");
            JsonNode by = n.get("imported_by");
            if (guild == null || !guild.canConvertToLong() || by == null || !by.canConvertToLong()) {
                throw new IllegalArgumentException("guild and imported_by must be whole numbers");
            }
            String step = text(n, "step");
            if (!step.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
                throw new IllegalArgumentException("step \"" + step + "\" is not a step id");
            }
            return new StoredPack(
                    guild.longValue(), step, text(n, "json"), by.longValue(), Instant.parse(text(n, "imported_at")));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new DataFileException(
                    file,
                    0,
                    "is not a valid pack file (" + e.getMessage() + "); start-up stopped and the file was"
                            + " left untouched");
        }
    }

    private void write(StoredPack pack) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("format", FORMAT);
        n.put("version", VERSION);
        n.put("guild", pack.guildId());
        n.put("step", pack.step());
        n.put("imported_by", pack.importedBy());
        n.put("imported_at", pack.importedAt().toString());
        n.put("json", pack.json());
        try {
            byte[] bytes = (MAPPER.writeValueAsString(n) + "\n").getBytes(StandardCharsets.UTF_8);
            AtomicFile.write(dir.resolve(fileName(pack.guildId(), pack.step())), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "saving the server pack " + pack.guildId() + "/" + pack.step() + " failed", e);
        }
    }

    private void open() {
        if (lock == null) {
            throw new IllegalStateException("the server pack store is closed");
        }
    }

    @Override
    public synchronized List<StoredPack> all() {
        open();
        return List.copyOf(new ArrayList<>(packs.values()));
    }

    @Override
    public synchronized void put(StoredPack pack) {
        open();
        write(pack);
        packs.put(new Key(pack.guildId(), pack.step()), pack);
    }

    @Override
    public synchronized boolean remove(long guildId, String step) {
        open();
        Key key = new Key(guildId, step);
        if (!packs.containsKey(key)) {
            return false;
        }
        try {
            AtomicFile.delete(dir.resolve(fileName(guildId, step)));
        } catch (IOException e) {
            throw new UncheckedIOException("removing the server pack " + guildId + "/" + step + " failed", e);
        }
        packs.remove(key);
        return true;
    }

    @Override
    public synchronized void forget(long guildId, long userId) {
        open();
        for (StoredPack pack : List.copyOf(packs.values())) {
            if (pack.guildId() == guildId && pack.importedBy() == userId) {
                StoredPack anonymous = pack.anonymous();
                write(anonymous);
                packs.put(new Key(guildId, pack.step()), anonymous);
            }
        }
    }

    @Override
    public synchronized void forgetEverywhere(long userId) {
        open();
        for (StoredPack pack : List.copyOf(packs.values())) {
            if (pack.importedBy() == userId) {
                StoredPack anonymous = pack.anonymous();
                write(anonymous);
                packs.put(new Key(pack.guildId(), pack.step()), anonymous);
            }
        }
    }

    @Override
    public synchronized void close() {
        if (lock != null) {
            lock.release();
            lock = null;
        }
    }

    @Override
    public String toString() {
        return dir.toString();
    }
}
