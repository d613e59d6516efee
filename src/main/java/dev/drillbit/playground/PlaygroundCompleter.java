package dev.drillbit.playground;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion in the playground: playground commands, the slash commands the bot registered with
 * their subcommands and options, option choices, and the bot's own autocomplete for options that have
 * it. Reads the stand-in's state on every call; thread-safe.
 */
final class PlaygroundCompleter implements Completer {
    private static final List<String> WORDS =
            List.of("click", "select", "type", "as", "channel", "dm", "clock", "attach", "help", "quit");

    private final Playground playground;

    PlaygroundCompleter(Playground playground) {
        this.playground = playground;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> words = line.words().subList(0, line.wordIndex());
        String current = line.word().substring(0, line.wordCursor());
        LocalDiscord discord = playground.discord();
        List<JsonNode> commands = discord.commands(playground.guild());
        if (words.isEmpty()) {
            WORDS.forEach(w -> candidates.add(new Candidate(w)));
            commands.forEach(c -> candidates.add(new Candidate(
                    "/" + c.path("name").asText(),
                    "/" + c.path("name").asText(),
                    null,
                    c.path("description").asText(),
                    null,
                    null,
                    true)));
            return;
        }
        if (!words.get(0).startsWith("/")) {
            return;
        }
        JsonNode node = commands.stream()
                .filter(c -> ("/" + c.path("name").asText()).equals(words.get(0)))
                .findFirst()
                .orElse(null);
        List<String> path = new ArrayList<>(List.of(words.get(0).substring(1)));
        for (String word : words.subList(1, words.size())) {
            if (node == null || word.contains(":")) {
                break;
            }
            JsonNode sub = child(node, word);
            if (sub != null && sub.path("type").asInt() <= 2) {
                node = sub;
                path.add(word);
            }
        }
        if (node == null) {
            return;
        }
        int colon = current.indexOf(':');
        if (colon > 0) {
            JsonNode option = child(node, current.substring(0, colon));
            if (option != null) {
                values(
                        option,
                        current.substring(0, colon),
                        current.substring(colon + 1),
                        String.join(" ", path),
                        candidates);
            }
            return;
        }
        for (JsonNode option : node.path("options")) {
            int type = option.path("type").asInt();
            String name = option.path("name").asText();
            String text = type <= 2 ? name : name + ":";
            candidates.add(
                    new Candidate(text, text, null, option.path("description").asText(), null, null, type <= 2));
        }
    }

    private void values(JsonNode option, String name, String typed, String path, List<Candidate> candidates) {
        for (JsonNode choice : option.path("choices")) {
            String value = choice.path("value").asText();
            candidates.add(new Candidate(
                    name + ":" + value, value, null, choice.path("name").asText(), null, null, true));
        }
        if (option.path("autocomplete").asBoolean()) {
            try {
                playground
                        .discord()
                        .autocomplete(playground.member(), playground.channel(), path, name, typed, Map.of())
                        .awaitChoices(Duration.ofSeconds(2))
                        .forEach(c -> candidates.add(new Candidate(
                                name + ":" + c.path("value").asText(),
                                c.path("value").asText(),
                                null,
                                c.path("name").asText(),
                                null,
                                null,
                                true)));
            } catch (RuntimeException | AssertionError e) {
                // No suggestions this time; completion must never break the prompt.
            }
        }
    }

    private static JsonNode child(JsonNode node, String name) {
        for (JsonNode option : node.path("options")) {
            if (option.path("name").asText().equals(name)) {
                return option;
            }
        }
        return null;
    }
}
