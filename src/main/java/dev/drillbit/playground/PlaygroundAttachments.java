package dev.drillbit.playground;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The playground's {@code attach <file>}: a local file staged for the next slash command, which then carries
 * it in its ATTACHMENT option (given by name, {@code file:pack.json}, or left out), as a member picks a file
 * in Discord's upload box before sending the command. Not thread-safe: the terminal's one person uses it.
 */
final class PlaygroundAttachments {
    /** What Discord lets a member upload without Nitro. */
    static final int MAX_BYTES = 10 * 1024 * 1024;

    private LocalAttachment staged;

    /** Reads and stages the file; returns what to tell the person. */
    String attach(LocalDiscord discord, String typed) {
        if (typed.isBlank()) {
            throw new IllegalArgumentException("attach what? write attach <path to a file>, e.g. attach pack.json");
        }
        Path file;
        try {
            file = Path.of(typed.strip());
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("\"" + typed + "\" is not a path");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no file " + file.toAbsolutePath());
        }
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new IllegalArgumentException(file + " is larger than Discord's upload limit of 10 MiB");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        }
        String name = file.getFileName().toString();
        staged = discord.attach(name, contentType(name), bytes);
        return "attached " + name + " (" + bytes.length + " bytes); it goes with your next command that takes a file,"
                + " e.g. /pack import";
    }

    private static String contentType(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".json")) {
            return "application/json; charset=utf-8";
        }
        if (lower.endsWith(".txt") || lower.endsWith(".md") || lower.endsWith(".csv")) {
            return "text/plain; charset=utf-8";
        }
        return "application/octet-stream";
    }

    /**
     * The options to send: the typed ones, with the staged file in the command's ATTACHMENT option when it has
     * one (the file is used up then).
     *
     * @param command the registered command, if there is one (an unknown command is refused by the stand-in)
     * @throws IllegalArgumentException when the command needs a file and none is staged
     */
    Map<String, Object> fill(Optional<JsonNode> command, String path, Map<String, String> typed) {
        Map<String, Object> options = new LinkedHashMap<>(typed);
        Optional<JsonNode> declared = command.map(c -> declaredOptions(c, path));
        if (declared.isEmpty()) {
            return options;
        }
        for (JsonNode option : declared.get()) {
            if (option.path("type").asInt() != 11) {
                continue;
            }
            String name = option.path("name").asText();
            String given = typed.get(name);
            if (staged != null && (given == null || given.equals(staged.filename()))) {
                options.put(name, staged);
                staged = null;
            } else if (given != null) {
                throw new IllegalArgumentException("option " + name + " takes a file: attach it first (attach " + given
                        + "), then send the command");
            } else if (option.path("required").asBoolean(false)) {
                throw new IllegalArgumentException(
                        "/" + path + " needs a file in " + name + ": attach one first, e.g. attach pack.json");
            }
        }
        return options;
    }

    private static JsonNode declaredOptions(JsonNode command, String path) {
        JsonNode declared = command.path("options");
        List<String> parts = List.of(path.strip().split("\\s+"));
        for (String part : parts.subList(1, parts.size())) {
            JsonNode next = null;
            for (JsonNode o : declared) {
                if (o.path("name").asText().equals(part)) {
                    next = o.path("options");
                }
            }
            if (next == null) {
                return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
            }
            declared = next;
        }
        return declared;
    }
}
