package dev.drillbit.playground;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The application commands the bot registered, globally (scope 0) and per guild, as Discord stores
 * them: the bot's JSON plus {@code id}, {@code application_id}, {@code version} and {@code guild_id}.
 *
 * <p>Threading: not thread-safe; callers hold the {@link LocalWorld} lock.
 */
final class CommandCatalog {
    private final long applicationId;
    private final LongSupplier ids;
    private final Map<Long, Map<String, ObjectNode>> byScope = new LinkedHashMap<>();

    CommandCatalog(long applicationId, LongSupplier ids) {
        this.applicationId = applicationId;
        this.ids = ids;
    }

    /** Bulk overwrite, as {@code PUT …/commands}: replaces the scope's commands, keeping ids of same names. */
    List<ObjectNode> replace(long guildId, JsonNode commands) {
        Map<String, ObjectNode> previous = byScope.getOrDefault(guildId, Map.of());
        Map<String, ObjectNode> next = new LinkedHashMap<>();
        for (JsonNode command : commands) {
            ObjectNode stored = store(guildId, (ObjectNode) command.deepCopy(), previous.get(key(command)));
            next.put(key(stored), stored);
        }
        byScope.put(guildId, next);
        return List.copyOf(next.values());
    }

    /** Create or replace one command by name, as {@code POST …/commands}. */
    ObjectNode upsert(long guildId, JsonNode command) {
        Map<String, ObjectNode> scope = byScope.computeIfAbsent(guildId, g -> new LinkedHashMap<>());
        ObjectNode stored = store(guildId, (ObjectNode) command.deepCopy(), scope.get(key(command)));
        scope.put(key(stored), stored);
        return stored;
    }

    boolean delete(long guildId, long commandId) {
        Map<String, ObjectNode> scope = byScope.getOrDefault(guildId, Map.of());
        return scope.values().removeIf(c -> c.path("id").asText().equals(Long.toUnsignedString(commandId)));
    }

    List<ObjectNode> list(long guildId) {
        return List.copyOf(byScope.getOrDefault(guildId, Map.of()).values());
    }

    /** A chat-input command by name: the guild's own first, then the global one. */
    Optional<ObjectNode> chatInput(long guildId, String name) {
        String key = "1:" + name;
        ObjectNode command = byScope.getOrDefault(guildId, Map.of()).get(key);
        if (command == null) {
            command = byScope.getOrDefault(0L, Map.of()).get(key);
        }
        return Optional.ofNullable(command);
    }

    List<String> chatInputNames(long guildId) {
        List<String> names = new ArrayList<>();
        for (long scope : new long[] {guildId, 0L}) {
            byScope.getOrDefault(scope, Map.of()).values().stream()
                    .filter(c -> c.path("type").asInt(1) == 1)
                    .forEach(c -> names.add(c.path("name").asText()));
        }
        return names;
    }

    private ObjectNode store(long guildId, ObjectNode command, ObjectNode previous) {
        String id = previous != null ? previous.path("id").asText() : Long.toUnsignedString(ids.getAsLong());
        command.put("id", id);
        command.put("application_id", Long.toUnsignedString(applicationId));
        command.put("version", Long.toUnsignedString(ids.getAsLong()));
        if (!command.has("type")) {
            command.put("type", 1);
        }
        if (guildId != 0) {
            command.put("guild_id", Long.toUnsignedString(guildId));
        }
        if (!command.has("default_member_permissions")) {
            command.putNull("default_member_permissions");
        }
        if (!command.has("nsfw")) {
            command.put("nsfw", false);
        }
        if (!command.has("description")) {
            command.put("description", "");
        }
        if (!command.has("options")) {
            command.putArray("options");
        }
        return command;
    }

    private static String key(JsonNode command) {
        return command.path("type").asInt(1) + ":" + command.path("name").asText();
    }
}
