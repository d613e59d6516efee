package dev.drillbit.discord;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Coalesces changes to a message that many members touch at once (the public message of a group question,
 * which shows how many have answered) into edits at a bounded rate: every change marks the message due, and
 * {@link #due(Instant)} hands out each marked message at most once per {@code interval}, however many
 * changes came in between. Two hundred answers in five seconds become a handful of edits, well inside
 * Discord's per-channel edit limit, instead of two hundred requests that would queue behind it.
 *
 * <p>Time is what the caller passes (the bot's injected clock, from the heartbeat). Threading: thread-safe;
 * one monitor, held for a map operation.
 *
 * @param <K> what identifies a message, e.g. a session id
 */
final class EditCoalescer<K> {
    private final Duration interval;
    private final Map<K, Boolean> changed = new HashMap<>();
    private final Map<K, Instant> lastEdit = new HashMap<>();

    EditCoalescer(Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the interval must be positive: " + interval);
        }
        this.interval = interval;
    }

    /** The message of {@code key} changed and should be edited, soon but not necessarily now. */
    synchronized void changed(K key) {
        changed.put(Objects.requireNonNull(key, "key"), Boolean.TRUE);
    }

    /**
     * The messages to edit at {@code now}: each changed since its last edit and last edited at least one
     * interval ago (or never). They count as edited at {@code now}.
     */
    synchronized List<K> due(Instant now) {
        List<K> due = new ArrayList<>();
        for (K key : List.copyOf(changed.keySet())) {
            Instant last = lastEdit.get(key);
            if (last == null || !now.isBefore(last.plus(interval))) {
                due.add(key);
                changed.remove(key);
                lastEdit.put(key, now);
            }
        }
        return due;
    }

    /** Forgets a message (its question closed, its quiz ended): no edit of it is due any more. */
    synchronized void forget(K key) {
        changed.remove(key);
        lastEdit.remove(key);
    }
}
