package dev.drillbit.discord;

import java.util.Optional;

/**
 * A button's or modal's custom id: {@code <prefix>:<session>:<position>:<action>}, for example
 * {@code quiz:k3x9a0bc:4:a2} (the third option of question 5). The action is the code of a
 * {@link ComponentAction}; it stays a string here, as ids from old messages or other bots may carry
 * anything, and each command parses it with its own enums. Never longer than Discord's 100
 * characters. Immutable.
 */
public record ComponentId(String prefix, String session, int position, String action) {
    /** Discord's limit on a custom id. */
    public static final int MAX_LENGTH = 100;

    public ComponentId {
        if (prefix.contains(":") || session.contains(":") || action.contains(":")) {
            throw new IllegalArgumentException("component id segments may not contain ':'");
        }
        if (format(prefix, session, position, action).length() > MAX_LENGTH) {
            throw new IllegalArgumentException("component id longer than " + MAX_LENGTH);
        }
    }

    public ComponentId(String prefix, String session, int position, ComponentAction action) {
        this(prefix, session, position, action.code());
    }

    /** The id with another action, for the other buttons of the same question. */
    public ComponentId with(ComponentAction newAction) {
        return new ComponentId(prefix, session, position, newAction.code());
    }

    @Override
    public String toString() {
        return format(prefix, session, position, action);
    }

    private static String format(String prefix, String session, int position, String action) {
        return prefix + ":" + session + ":" + position + ":" + action;
    }

    /** Parses an id this bot made; empty for anything else (an old format, another bot's id). */
    public static Optional<ComponentId> parse(String raw) {
        String[] parts = raw.split(":", -1);
        if (parts.length != 4 || parts[0].isEmpty() || parts[1].isEmpty() || parts[3].isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ComponentId(parts[0], parts[1], Integer.parseInt(parts[2]), parts[3]));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
