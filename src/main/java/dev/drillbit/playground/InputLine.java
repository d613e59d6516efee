package dev.drillbit.playground;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One line a person typed, split into words the way a shell would (double quotes keep spaces), and for
 * slash commands into the command path and {@code name:value} options. Immutable.
 */
record InputLine(List<String> words) {

    /** A slash command: {@code path} such as "quiz start", options by name. */
    record Slash(String path, Map<String, String> options) {}

    static InputLine parse(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                any = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (any) {
                    words.add(word.toString());
                    word.setLength(0);
                    any = false;
                }
            } else {
                word.append(c);
                any = true;
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("a quote is not closed");
        }
        if (any) {
            words.add(word.toString());
        }
        return new InputLine(List.copyOf(words));
    }

    String first() {
        return words.isEmpty() ? "" : words.get(0);
    }

    /** Everything after the first word, joined by single spaces. */
    String rest() {
        return String.join(" ", words.subList(Math.min(1, words.size()), words.size()));
    }

    /** Reads {@code /name [sub [sub]] [option:value ...]}. */
    Slash slash() {
        String path = first().substring(1);
        if (path.isEmpty()) {
            throw new IllegalArgumentException("write a command name after the slash, for example /help");
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (String word : words.subList(1, words.size())) {
            int colon = word.indexOf(':');
            if (colon > 0) {
                String name = word.substring(0, colon);
                if (options.put(name, word.substring(colon + 1)) != null) {
                    throw new IllegalArgumentException("option " + name + " is given twice");
                }
            } else if (options.isEmpty() && colon < 0) {
                path += " " + word;
            } else {
                throw new IllegalArgumentException("\"" + word + "\" is not an option; write options as"
                        + " name:value (quote values with spaces: step:\"two words\")");
            }
        }
        return new Slash(path, options);
    }
}
