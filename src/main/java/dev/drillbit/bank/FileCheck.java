package dev.drillbit.bank;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads typed values out of one located JSON file and collects a {@link Problem} for everything that is
 * wrong, so that an author sees every mistake in one run. Not thread-safe; one per file.
 */
final class FileCheck {
    static final int ID_LENGTH = 40;

    private final Path file;
    private final LocatedJson json;
    private final List<Problem> problems;
    /** The URL {@link #httpsUrl} parsed last, and its host. */
    private String lastUrl;

    private String lastHost;

    FileCheck(Path file, LocatedJson json, List<Problem> problems) {
        this.file = file;
        this.json = json;
        this.problems = problems;
    }

    JsonNode root() {
        return json.root();
    }

    void problem(String path, String message) {
        int[] at = json.position(path);
        problems.add(new Problem(file, at[0], at[1], path, message));
    }

    /** Reports missing required keys and unknown keys; returns false when {@code node} is not an object. */
    boolean object(String path, JsonNode node, String what, Set<String> required, Set<String> optional) {
        if (!node.isObject()) {
            problem(path, what + " must be a JSON object, found " + kind(node));
            return false;
        }
        for (String key : required) {
            if (!node.has(key)) {
                problem(path, what + " is missing \"" + key + "\"");
            }
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!required.contains(name) && !optional.contains(name)) {
                Set<String> known = new TreeSet<>(required);
                known.addAll(optional);
                problem(
                        path + "." + name,
                        what + " has unknown field \"" + name + "\"; known fields: " + String.join(", ", known));
            }
        }
        return true;
    }

    /** A non-blank string of at most {@code max} characters; {@code why} says where the limit comes from. */
    Optional<String> text(String path, JsonNode node, String what, int max, String why) {
        if (node == null || node.isMissingNode()) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            problem(path, what + " must be a string, found " + kind(node));
            return Optional.empty();
        }
        String value = node.textValue();
        if (value.isBlank()) {
            problem(path, what + " must not be empty");
            return Optional.empty();
        }
        if (value.length() > max) {
            problem(path, what + " is " + value.length() + " characters; at most " + max + " (" + why + ")");
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /**
     * A well-formed https URL with a host, of at most {@code max} characters, such as a question's source.
     * Anything else is reported with what was found.
     */
    Optional<String> httpsUrl(String path, JsonNode node, String what, int max) {
        Optional<String> value = text(path, node, what, max, "a link to one page");
        if (value.isEmpty()) {
            return value;
        }
        String url = value.get();
        String found = ", found \"" + url + "\"";
        if (!url.startsWith("https://")) {
            problem(path, what + " must be an https URL" + found);
            return Optional.empty();
        }
        try {
            URI uri = new URI(url);
            lastUrl = url;
            lastHost = uri.getHost();
            if (uri.getHost() == null || uri.getHost().isEmpty()) {
                problem(path, what + " must be an https URL with a host" + found);
                return Optional.empty();
            }
        } catch (URISyntaxException e) {
            problem(
                    path,
                    what + " must be a well-formed https URL (" + e.getReason() + " at index " + e.getIndex() + ")"
                            + found);
            return Optional.empty();
        }
        return value;
    }

    /**
     * The host of {@code url}, as {@code URI.create(url).getHost()} gives it; the URL {@link #httpsUrl} checked
     * last is not parsed again.
     */
    String hostOf(String url) {
        return url.equals(lastUrl) ? lastHost : URI.create(url).getHost();
    }

    /** A kebab-case id such as {@code http-caching}. */
    Optional<String> id(String path, JsonNode node, String what) {
        Optional<String> value = text(path, node, what, ID_LENGTH, "ids appear in buttons' custom ids");
        if (value.isPresent() && !isId(value.get())) {
            problem(
                    path,
                    what + " \"" + value.get() + "\" must be kebab-case: lower-case letters, digits and single"
                            + " hyphens");
            return Optional.empty();
        }
        return value;
    }

    /**
     * Whether {@code s} is a kebab-case id, {@code [a-z0-9]+(-[a-z0-9]+)*}: runs of lower-case ASCII letters
     * and digits joined by single hyphens. Written out rather than matched with a regex because the bank
     * checks every question's id and tags with it.
     */
    static boolean isId(String s) {
        int n = s.length();
        if (n == 0 || s.charAt(0) == '-' || s.charAt(n - 1) == '-') {
            return false;
        }
        char previous = ' ';
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '-' ? previous == '-' : !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
                return false;
            }
            previous = c;
        }
        return true;
    }

    /**
     * A list of strings. Returns empty when anything in it is wrong, so callers never build a half-checked
     * value.
     */
    Optional<List<String>> texts(
            String path, JsonNode node, String what, int min, int max, int eachMax, String why, boolean distinct) {
        if (node == null || node.isMissingNode()) {
            return Optional.empty();
        }
        if (!node.isArray()) {
            problem(path, what + " must be a list, found " + kind(node));
            return Optional.empty();
        }
        boolean ok = true;
        if (node.size() < min) {
            problem(
                    path,
                    what + " has " + node.size() + (node.size() == 1 ? " entry" : " entries") + "; at least " + min
                            + " needed");
            ok = false;
        }
        if (node.size() > max) {
            problem(path, what + " has " + node.size() + " entries; at most " + max + " allowed");
            ok = false;
        }
        List<String> values = new ArrayList<>(node.size());
        Map<String, Integer> seen = distinct ? new HashMap<>() : null;
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            String value = item.isTextual() ? item.textValue() : null;
            if (value == null || value.isBlank() || value.length() > eachMax) {
                // what text() refuses: let it say so (the entry's path and name are spelt out only here)
                Optional<String> checked = text(path + "[" + i + "]", item, what + " entry " + (i + 1), eachMax, why);
                if (checked.isEmpty()) {
                    ok = false;
                    continue;
                }
                value = checked.get();
            }
            Integer earlier = distinct ? seen.putIfAbsent(sameness(value), i) : null;
            if (earlier != null) {
                problem(
                        path + "[" + i + "]",
                        what + " entries " + (earlier + 1) + " and " + (i + 1) + " are the same: \"" + value + "\"");
                ok = false;
            }
            values.add(value);
        }
        return ok ? Optional.of(values) : Optional.empty();
    }

    /**
     * What two entries of a distinct list are compared by: stripped and in lower case. Most entries are
     * plain lower-case ASCII without spaces at the ends, which are their own key.
     */
    private static String sameness(String value) {
        int n = value.length();
        boolean plain = n > 0 && value.charAt(0) > ' ' && value.charAt(n - 1) > ' ';
        for (int i = 0; plain && i < n; i++) {
            char c = value.charAt(i);
            plain = c < 0x80 && !(c >= 'A' && c <= 'Z');
        }
        return plain ? value : value.strip().toLowerCase(java.util.Locale.ROOT);
    }

    Optional<Integer> integer(String path, JsonNode node, String what) {
        if (node == null || node.isMissingNode()) {
            return Optional.empty();
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            problem(path, what + " must be a whole number, found " + kind(node));
            return Optional.empty();
        }
        return Optional.of(node.intValue());
    }

    Optional<Boolean> bool(String path, JsonNode node, String what) {
        if (node == null || node.isMissingNode()) {
            return Optional.empty();
        }
        if (!node.isBoolean()) {
            problem(path, what + " must be true or false, found " + kind(node));
            return Optional.empty();
        }
        return Optional.of(node.booleanValue());
    }

    static String kind(JsonNode node) {
        if (node.isTextual()) {
            return "a string";
        }
        if (node.isNumber()) {
            return "a number";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isObject()) {
            return "an object";
        }
        return "null";
    }
}
