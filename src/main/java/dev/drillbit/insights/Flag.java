package dev.drillbit.insights;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A member's report of a problem with a question, in one server: one per member, question and server (a
 * second report replaces the first). Immutable.
 *
 * @param note what the member added in their own words, at most {@link #NOTE_MAX} characters
 */
public record Flag(long guildId, String questionId, long userId, FlagReason reason, Optional<String> note, Instant at) {
    public static final int NOTE_MAX = 500;

    public Flag {
        Objects.requireNonNull(questionId, "questionId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
        note = note.map(String::strip).filter(n -> !n.isEmpty());
        if (note.isPresent() && note.get().length() > NOTE_MAX) {
            throw new IllegalArgumentException("a note is at most " + NOTE_MAX + " characters");
        }
    }
}
