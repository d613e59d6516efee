package dev.drillbit.playground;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a message the bot posted into lines a person reads in a terminal: who can see it, its content,
 * its embeds (title, description, fields, footer), its buttons as {@code [A] [B]}, select menus and
 * attachments. Discord markup becomes plain text: mentions become names, timestamps become "in 25 s".
 * Stateless apart from its collaborators; thread-safe.
 */
final class MessageText {
    private static final Pattern MENTION = Pattern.compile("<(@!?|@&|#)(\\d+)>");
    private static final Pattern TIMESTAMP = Pattern.compile("<t:(\\d+)(?::([tTdDfFR]))?>");
    private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)]\\((https?://[^)]+)\\)");
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final LongFunction<String> names;
    private final Clock clock;

    /**
     * @param names the display name of a user or channel id
     * @param clock the bot's clock, for relative timestamps
     */
    MessageText(LongFunction<String> names, Clock clock) {
        this.names = names;
        this.clock = clock;
    }

    /** @param where where the message is: {@code #general}, or {@code DM with you} */
    List<String> render(int number, String where, LocalMessage message, boolean edit, List<String> attachments) {
        List<String> lines = new ArrayList<>();
        String who = message.visibleTo() != 0 ? "  (only " + names.apply(message.visibleTo()) + " can see this)" : "";
        lines.add("[" + number + "] "
                + message.json().path("author").path("username").asText("drillbit") + " in " + where + who
                + (edit ? "  — edited" : ""));
        if (message.isLoading()) {
            lines.add("    drillbit is thinking…");
        }
        text(message.content()).lines().forEach(l -> lines.add("    " + l));
        for (JsonNode embed : message.embeds()) {
            embed(embed, lines);
        }
        for (JsonNode row : message.components()) {
            components(row, lines);
        }
        attachments.forEach(a -> lines.add("    attachment: " + a));
        return lines;
    }

    private void embed(JsonNode embed, List<String> lines) {
        if (embed.hasNonNull("title")) {
            lines.add("    | " + text(embed.path("title").asText()));
        }
        if (embed.hasNonNull("description")) {
            text(embed.path("description").asText()).lines().forEach(l -> lines.add("    | " + l));
        }
        for (JsonNode field : embed.path("fields")) {
            List<String> value = text(field.path("value").asText()).lines().toList();
            lines.add("    | " + text(field.path("name").asText()) + ": " + (value.isEmpty() ? "" : value.get(0)));
            value.stream().skip(1).forEach(l -> lines.add("    |   " + l));
        }
        if (embed.path("footer").hasNonNull("text")) {
            lines.add("    | — " + text(embed.path("footer").path("text").asText()));
        }
    }

    private void components(JsonNode row, List<String> lines) {
        StringBuilder buttons = new StringBuilder();
        for (JsonNode component : row.path("components")) {
            int type = component.path("type").asInt();
            if (type == 2) {
                String label = component.path("label").asText("?");
                buttons.append(component.path("disabled").asBoolean() ? "(" + label + ") " : "[" + label + "] ");
            } else if (type == 3) {
                List<String> options = new ArrayList<>();
                component
                        .path("options")
                        .forEach(o -> options.add(o.path("value").asText()));
                lines.add("    select: " + String.join(" | ", options) + "   (choose with: select <value>)");
            }
        }
        if (buttons.length() > 0) {
            lines.add("    " + buttons.toString().strip());
        }
    }

    /** Discord markup to plain text. */
    String text(String markup) {
        String plain = LINK.matcher(markup).replaceAll("$1 <$2>");
        plain = BOLD.matcher(plain).replaceAll("$1");
        Matcher mention = MENTION.matcher(plain);
        plain = mention.replaceAll(m -> Matcher.quoteReplacement(
                (m.group(1).equals("#") ? "#" : "@") + names.apply(Long.parseLong(m.group(2)))));
        Matcher time = TIMESTAMP.matcher(plain);
        return time.replaceAll(m ->
                Matcher.quoteReplacement(timestamp(Instant.ofEpochSecond(Long.parseLong(m.group(1))), m.group(2))));
    }

    private String timestamp(Instant at, String style) {
        if (!"R".equals(style)) {
            return TIME.format(at);
        }
        Duration delta = Duration.between(clock.instant(), at);
        long seconds = Math.abs(delta.toSeconds());
        String amount = seconds < 90
                ? seconds + " s"
                : seconds < 5400 ? (seconds + 30) / 60 + " min" : (seconds + 1800) / 3600 + " h";
        return delta.isNegative() ? amount + " ago" : "in " + amount;
    }
}
