package dev.drillbit.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads {@code config.json} over {@link Config#defaults()}: every key is optional, an unknown key, a
 * wrong type or a bad value is an error naming the key. Stateless and thread-safe.
 */
public final class ConfigLoader {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(com.fasterxml.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    /** Reads {@code file}; the defaults alone when {@code file} is null. */
    public Config load(Path file) throws ConfigException {
        if (file == null) {
            return Config.defaults();
        }
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(file + ": no such config file");
        }
        JsonNode given;
        try {
            given = MAPPER.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new ConfigException(file + (at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr())
                    + ": malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage());
        }
        if (given == null || !given.isObject()) {
            throw new ConfigException(file + ": must hold a JSON object");
        }
        ObjectNode merged = MAPPER.valueToTree(Config.defaults());
        List<String> problems = new ArrayList<>();
        merge(merged, given, "", problems);
        snowflakes(merged, "discord", "devGuildIds", problems);
        if (!problems.isEmpty()) {
            throw new ConfigException(
                    problems.stream().map(p -> file + ": " + p).collect(Collectors.joining("\n")));
        }
        Config config;
        try {
            config = MAPPER.treeToValue(merged, Config.class);
        } catch (MismatchedInputException e) {
            String key = e.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."))
                    .replace(".[", "[");
            throw new ConfigException(
                    file + ": \"" + key + "\" has the wrong type: expected " + expected(e.getTargetType()));
        } catch (JsonProcessingException e) {
            throw new ConfigException(file + ": " + e.getOriginalMessage());
        }
        validate(config, problems);
        if (!problems.isEmpty()) {
            throw new ConfigException(
                    problems.stream().map(p -> file + ": " + p).collect(Collectors.joining("\n")));
        }
        return config;
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "an object";
    }

    private static void merge(ObjectNode into, JsonNode given, String prefix, List<String> problems) {
        for (Iterator<String> names = given.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            String key = prefix + name;
            JsonNode value = given.get(name);
            if (!into.has(name)) {
                List<String> known = new ArrayList<>();
                into.fieldNames().forEachRemaining(n -> known.add(prefix + n));
                problems.add("unknown key \"" + key + "\"; known keys here: " + String.join(", ", known));
                continue;
            }
            JsonNode current = into.get(name);
            if (current.isObject()) {
                if (!value.isObject()) {
                    problems.add("\"" + key + "\" must be an object");
                } else {
                    merge((ObjectNode) current, value, key + ".", problems);
                }
            } else {
                into.set(name, value);
            }
        }
    }

    private static void validate(Config config, List<String> problems) {
        range(problems, "quiz.questionsPerQuiz", config.quiz().questionsPerQuiz(), 1, 50);
        range(problems, "quiz.secondsPerQuestion", config.quiz().secondsPerQuestion(), 5, 600);
        range(problems, "quiz.idleMinutes", config.quiz().idleMinutes(), 1, 1440);
        range(problems, "quiz.maxSessions", config.quiz().maxSessions(), 1, 10_000_000);
        // A pack travels as a Discord attachment and is read whole: 8 MiB is far beyond any sensible pack.
        range(problems, "packs.maxPackBytes", config.packs().maxPackBytes(), 1_024, 8_388_608);
        range(problems, "packs.maxQuestionsPerServer", config.packs().maxQuestionsPerServer(), 1, 100_000);
        range(problems, "packs.maxOpenSuggestionsPerMember", config.packs().maxOpenSuggestionsPerMember(), 1, 100);
        if (config.questionsDir() != null && config.questionsDir().isBlank()) {
            problems.add("\"questionsDir\" must name a folder; leave it out to use the bank shipped in the jar");
        }
        if (config.dataDir() == null || config.dataDir().isBlank()) {
            problems.add("\"dataDir\" must name a folder");
        }
        storage(config.storage(), problems);
        shards(config.discord().shards(), config.storage(), problems);
        metrics(config.metrics(), problems);
        url(problems, "discord.restBaseUrl", config.discord().restBaseUrl(), "http", "https");
        url(problems, "discord.gatewayUrl", config.discord().gatewayUrl(), "ws", "wss");
    }

    /** The most shards one bot may have: Discord's own sharding stops well before. */
    static final int MAX_SHARDS = 65_536;

    private static void shards(Config.Shards shards, Config.Storage storage, List<String> problems) {
        Integer total = shards.total();
        if (total == null) {
            if (!shards.ids().isEmpty()) {
                problems.add("\"discord.shards.ids\" needs \"discord.shards.total\": a shard id means something only"
                        + " out of a known number of shards");
            }
            return;
        }
        if (total < 1 || total > MAX_SHARDS) {
            problems.add("\"discord.shards.total\" is " + total + "; it must be 1 to " + MAX_SHARDS);
            return;
        }
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int i = 0; i < shards.ids().size(); i++) {
            Integer id = shards.ids().get(i);
            String key = "\"discord.shards.ids[" + i + "]\"";
            if (id == null || id < 0 || id >= total) {
                problems.add(key + " is " + id + "; a shard id must be 0 to " + (total - 1) + " (total " + total + ")");
            } else if (!seen.add(id)) {
                problems.add(key + " is " + id + " again; list each shard once");
            }
        }
        if (shards.partial() && !storage.postgres()) {
            problems.add("\"discord.shards.ids\" runs " + shards.ids().size() + " of " + total
                    + " shards here, so other processes run the rest, but \"storage.type\" is \""
                    + storage.type() + "\": the flat files are for one process only (one holds the data folder's"
                    + " lock); use \"postgres\" to share one store between processes");
        }
    }

    private static void metrics(Config.Metrics metrics, List<String> problems) {
        if (metrics.port() != null) {
            range(problems, "metrics.port", metrics.port(), 0, 65_535);
        }
        if (metrics.bind() == null || metrics.bind().isBlank()) {
            problems.add("\"metrics.bind\" must name an address to listen on, e.g. \"127.0.0.1\"");
        }
    }

    private static void storage(Config.Storage storage, List<String> problems) {
        String type = storage.type();
        if (!Config.Storage.FLATFILE_TYPE.equals(type) && !Config.Storage.POSTGRES_TYPE.equals(type)) {
            problems.add("\"storage.type\" is " + (type == null ? "null" : "\"" + type + "\"") + "; it must be \""
                    + Config.Storage.FLATFILE_TYPE + "\" (files in dataDir) or \"" + Config.Storage.POSTGRES_TYPE
                    + "\"");
            return;
        }
        if (storage.url() != null && !storage.url().startsWith("jdbc:postgresql://")) {
            problems.add("\"storage.url\" must be a PostgreSQL JDBC URL (jdbc:postgresql://host:5432/drillbit), was \""
                    + storage.url() + "\"");
        }
        if (storage.postgres()) {
            if (storage.url() == null) {
                problems.add("\"storage.url\" must be set when \"storage.type\" is \"postgres\" "
                        + "(jdbc:postgresql://host:5432/drillbit)");
            }
            if (storage.user() == null || storage.user().isBlank()) {
                problems.add("\"storage.user\" must be set when \"storage.type\" is \"postgres\"");
            }
        }
    }

    /**
     * Turns the Discord ids listed under {@code section.key} into numbers. Discord writes a snowflake as a
     * string (and "Copy Server ID" gives digits people paste in quotes), so a string of digits is as good
     * as a JSON number; anything else is a problem naming the key and the value.
     */
    private static void snowflakes(ObjectNode root, String section, String key, List<String> problems) {
        JsonNode list = root.path(section).path(key);
        if (!list.isArray()) {
            return; // a wrong type is reported when the tree is read
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode id = list.get(i);
            String name = "\"" + section + "." + key + "[" + i + "]\"";
            String text = id.isTextual() ? id.asText().strip() : id.isIntegralNumber() ? id.asText() : null;
            Long value = text != null && text.matches("[0-9]{1,19}") ? parsePositive(text) : null;
            if (value == null) {
                problems.add(name + " must be a Discord id (a positive whole number, as a number or a string of"
                        + " digits), found " + id);
            } else {
                ((ArrayNode) list).set(i, root.numberNode(value));
            }
        }
    }

    private static Long parsePositive(String digits) {
        try {
            long value = Long.parseLong(digits);
            return value > 0 ? value : null;
        } catch (NumberFormatException e) {
            return null; // beyond a long
        }
    }

    private static void range(List<String> problems, String key, int value, int min, int max) {
        if (value < min || value > max) {
            problems.add("\"" + key + "\" is " + value + "; it must be " + min + " to " + max);
        }
    }

    private static void url(List<String> problems, String key, String value, String... schemes) {
        if (value == null) {
            return;
        }
        try {
            URI uri = new URI(value);
            if (uri.getScheme() == null || !List.of(schemes).contains(uri.getScheme()) || uri.getHost() == null) {
                problems.add(
                        "\"" + key + "\" must be a " + String.join(" or ", schemes) + " URL, was \"" + value + "\"");
            }
        } catch (URISyntaxException e) {
            problems.add("\"" + key + "\" is not a URL: " + e.getMessage());
        }
    }
}
