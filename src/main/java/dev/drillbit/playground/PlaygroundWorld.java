package dev.drillbit.playground;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The playground's server as it was last time: the guild's, channels', roles' and members' ids by name, kept in
 * {@code world.json} in the playground's data folder. Scores and schedules are keyed by these ids, so a
 * restarted playground must bring back the same ones. Not thread-safe; used by the playground's thread.
 */
final class PlaygroundWorld {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A remembered member: user id and whether they have Manage Server. */
    record Member(long id, boolean admin) {}

    private final Path file;
    private long guildId;
    private final Map<String, Long> channels = new LinkedHashMap<>();
    private final Map<String, Member> members = new LinkedHashMap<>();
    private final Map<String, Long> roles = new LinkedHashMap<>();

    private PlaygroundWorld(Path file) {
        this.file = file;
    }

    /** Reads {@code world.json} from {@code dataDir}; an empty world when there is none yet. */
    static PlaygroundWorld load(Path dataDir) {
        PlaygroundWorld world = new PlaygroundWorld(dataDir.resolve("world.json"));
        if (!Files.exists(world.file)) {
            return world;
        }
        try {
            JsonNode root = JSON.readTree(world.file.toFile());
            world.guildId = root.path("guild").asLong();
            root.path("channels")
                    .fields()
                    .forEachRemaining(
                            e -> world.channels.put(e.getKey(), e.getValue().asLong()));
            root.path("roles")
                    .fields()
                    .forEachRemaining(
                            e -> world.roles.put(e.getKey(), e.getValue().asLong()));
            root.path("members")
                    .fields()
                    .forEachRemaining(e -> world.members.put(
                            e.getKey(),
                            new Member(
                                    e.getValue().path("id").asLong(),
                                    e.getValue().path("admin").asBoolean())));
            if (world.guildId <= 0) {
                throw new IllegalStateException(world.file + ": no guild id; delete the file to start a new world");
            }
        } catch (IOException e) {
            throw new IllegalStateException(
                    world.file + " cannot be read (" + e.getMessage() + "); delete it to start a new playground world",
                    e);
        }
        return world;
    }

    boolean isNew() {
        return guildId == 0;
    }

    long guildId() {
        return guildId;
    }

    Map<String, Long> channels() {
        return Map.copyOf(channels);
    }

    Map<String, Member> members() {
        return Map.copyOf(members);
    }

    Map<String, Long> roles() {
        return Map.copyOf(roles);
    }

    void role(String name, long id) {
        roles.put(name, id);
        save();
    }

    void guild(long id) {
        guildId = id;
        save();
    }

    void channel(String name, long id) {
        channels.put(name, id);
        save();
    }

    void member(String name, long id, boolean admin) {
        members.put(name, new Member(id, admin));
        save();
    }

    private void save() {
        ObjectNode root = JSON.createObjectNode().put("guild", guildId);
        ObjectNode channelNode = root.putObject("channels");
        channels.forEach(channelNode::put);
        ObjectNode roleNode = root.putObject("roles");
        roles.forEach(roleNode::put);
        ObjectNode memberNode = root.putObject("members");
        members.forEach(
                (name, m) -> memberNode.putObject(name).put("id", m.id()).put("admin", m.admin()));
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), root);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
