package dev.drillbit.storage.flatfile;

import static dev.drillbit.storage.flatfile.JsonFields.text;
import static dev.drillbit.storage.flatfile.JsonFields.whole;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drillbit.packs.Suggestion;
import dev.drillbit.packs.SuggestionStore;
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
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Members' suggested questions in {@code <data>/suggestions/}, format version 1: one file per server, written
 * whole by {@link AtomicFile} (temp file, force, atomic rename, directory force) on every change, so a file is
 * the old or the new state, never torn. Damage stops start-up with a {@link DataFileException} naming the
 * file; nothing is changed on a failed read.
 *
 * <pre>
 * suggestions/
 *   &lt;guild&gt;.json        {"format":"drillbit-suggestions","version":1, guild, review_channel (or null),
 *                       suggestions: [{id, author, step, json, status, reason, suggested_at, decided_at}]}
 *   suggestions.lock     held while a store has the folder open
 * </pre>
 * Ids are unique across servers: one more than the highest ever read or given. Thread-safe: every method
 * holds the store's monitor; everything is also kept in memory (open suggestions are capped per member).
 */
public final class FlatFileSuggestionStore implements SuggestionStore {
    static final String FORMAT = "drillbit-suggestions";
    static final int VERSION = 1;
    public static final String LOCK = "suggestions.lock";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One server's file, as held in memory. */
    private static final class Server {
        OptionalLong channel = OptionalLong.empty();
        final Map<Long, Suggestion> suggestions = new TreeMap<>();
    }

    private final Path dir;
    private final Map<Long, Server> servers = new HashMap<>();
    private long lastId;
    private DirectoryLock lock;

    private FlatFileSuggestionStore(Path dir) {
        this.dir = dir;
    }

    /**
     * Opens the suggestions in {@code dir} (created if missing), locks the folder and reads every file.
     *
     * @throws DataFileException when a file is damaged; nothing was changed
     * @throws IllegalStateException when another store (in this or another process) has the folder open
     * @throws UncheckedIOException when the folder cannot be created, locked or read
     */
    public static FlatFileSuggestionStore open(Path dir) {
        FlatFileSuggestionStore store = new FlatFileSuggestionStore(dir);
        store.lock = DirectoryLock.ofFolder(dir, LOCK, "the suggestions", store::read);
        return store;
    }

    private void read() throws IOException {
        AtomicFile.readFolder(dir, ".json", this::parse);
    }

    private void parse(Path file) throws IOException {
        JsonNode n;
        try {
            n = MAPPER.readTree(Files.readAllBytes(file));
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
            long guild = whole(n, "guild");
            if (!file.getFileName().toString().equals(fileName(guild))) {
                throw new IllegalArgumentException("it holds the suggestions of guild " + guild);
            }
            Server server = new Server();
            JsonNode channel = n.get("review_channel");
            if (channel != null && !channel.isNull()) {
                server.channel = OptionalLong.of(whole(n, "review_channel"));
            }
            JsonNode list = n.get("suggestions");
            if (list == null || !list.isArray()) {
                throw new IllegalArgumentException("field \"suggestions\" is missing or not a list");
            }
            for (JsonNode s : list) {
                Suggestion suggestion = new Suggestion(
                        whole(s, "id"),
                        guild,
                        whole(s, "author"),
                        text(s, "step"),
                        text(s, "json"),
                        Suggestion.Status.of(text(s, "status"))
                                .orElseThrow(() -> new IllegalArgumentException("unknown status")),
                        text(s, "reason"),
                        Instant.parse(text(s, "suggested_at")),
                        s.path("decided_at").isNull() || s.path("decided_at").isMissingNode()
                                ? null
                                : Instant.parse(text(s, "decided_at")));
                server.suggestions.put(suggestion.id(), suggestion);
                lastId = Math.max(lastId, suggestion.id());
            }
            servers.put(guild, server);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new DataFileException(
                    file,
                    0,
                    "is not a valid suggestions file (" + e.getMessage() + "); start-up stopped and the file was"
                            + " left untouched");
        }
    }

    private static String fileName(long guildId) {
        return guildId + ".json";
    }

    /** Writes the server's file whole: {@code changed} in place of what it held. */
    private void write(long guildId, Server changed) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("format", FORMAT);
        n.put("version", VERSION);
        n.put("guild", guildId);
        if (changed.channel.isPresent()) {
            n.put("review_channel", changed.channel.getAsLong());
        } else {
            n.putNull("review_channel");
        }
        ArrayNode list = n.putArray("suggestions");
        for (Suggestion s : changed.suggestions.values()) {
            ObjectNode o = list.addObject();
            o.put("id", s.id());
            o.put("author", s.authorId());
            o.put("step", s.step());
            o.put("json", s.json());
            o.put("status", s.status().id());
            o.put("reason", s.reason());
            o.put("suggested_at", s.suggestedAt().toString());
            if (s.decidedAt() == null) {
                o.putNull("decided_at");
            } else {
                o.put("decided_at", s.decidedAt().toString());
            }
        }
        try {
            byte[] bytes = (MAPPER.writeValueAsString(n) + "\n").getBytes(StandardCharsets.UTF_8);
            AtomicFile.write(dir.resolve(fileName(guildId)), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("saving the suggestions of guild " + guildId + " failed", e);
        }
        servers.put(guildId, changed);
    }

    /** A copy of the server's state to change, so memory changes only once the file is written. */
    private Server copy(long guildId) {
        Server now = servers.get(guildId);
        Server copy = new Server();
        if (now != null) {
            copy.channel = now.channel;
            copy.suggestions.putAll(now.suggestions);
        }
        return copy;
    }

    private void open() {
        if (lock == null) {
            throw new IllegalStateException("the suggestion store is closed");
        }
    }

    @Override
    public synchronized Suggestion add(Suggestion draft) {
        open();
        Suggestion stored = draft.withId(lastId + 1);
        Server changed = copy(draft.guildId());
        changed.suggestions.put(stored.id(), stored);
        write(draft.guildId(), changed);
        lastId = stored.id();
        return stored;
    }

    @Override
    public synchronized Optional<Suggestion> find(long guildId, long id) {
        open();
        return Optional.ofNullable(servers.get(guildId)).map(s -> s.suggestions.get(id));
    }

    @Override
    public synchronized List<Suggestion> open(long guildId) {
        open();
        Server server = servers.get(guildId);
        if (server == null) {
            return List.of();
        }
        return server.suggestions.values().stream()
                .filter(s -> s.status() == Suggestion.Status.OPEN)
                .sorted(Comparator.comparing(Suggestion::suggestedAt).thenComparingLong(Suggestion::id))
                .toList();
    }

    @Override
    public synchronized void update(Suggestion suggestion) {
        open();
        Server changed = copy(suggestion.guildId());
        if (!changed.suggestions.containsKey(suggestion.id())) {
            throw new IllegalArgumentException("there is no suggestion " + suggestion.id() + " to update");
        }
        changed.suggestions.put(suggestion.id(), suggestion);
        write(suggestion.guildId(), changed);
    }

    @Override
    public synchronized OptionalLong reviewChannel(long guildId) {
        open();
        Server server = servers.get(guildId);
        return server == null ? OptionalLong.empty() : server.channel;
    }

    @Override
    public synchronized void setReviewChannel(long guildId, long channelId) {
        open();
        Server changed = copy(guildId);
        changed.channel = OptionalLong.of(channelId);
        write(guildId, changed);
    }

    /** Every server's suggestions, by id (for {@code migrate-data}). */
    public synchronized List<Suggestion> all() {
        open();
        return servers.values().stream()
                .flatMap(s -> s.suggestions.values().stream())
                .sorted(Comparator.comparingLong(Suggestion::id))
                .toList();
    }

    /** Each server's review channel, by guild (for {@code migrate-data}). */
    public synchronized Map<Long, Long> reviewChannels() {
        open();
        Map<Long, Long> out = new TreeMap<>();
        servers.forEach((guild, s) -> s.channel.ifPresent(c -> out.put(guild, c)));
        return out;
    }

    @Override
    public synchronized void forget(long guildId, long userId) {
        open();
        forget(guildId, s -> s.authorId() == userId);
    }

    @Override
    public synchronized void forgetEverywhere(long userId) {
        open();
        for (long guildId : new ArrayList<>(servers.keySet())) {
            forget(guildId, s -> s.authorId() == userId);
        }
    }

    private void forget(long guildId, Predicate<Suggestion> whose) {
        Server server = servers.get(guildId);
        if (server == null || server.suggestions.values().stream().noneMatch(whose)) {
            return;
        }
        Server changed = copy(guildId);
        changed.suggestions.values().removeIf(s -> whose.test(s) && s.status() != Suggestion.Status.APPROVED);
        changed.suggestions.replaceAll((id, s) -> whose.test(s) ? s.anonymous() : s);
        write(guildId, changed);
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
