package dev.drillbit.packs;

import java.time.Instant;

/**
 * One of a server's packs as {@code /pack list} shows it. Immutable.
 *
 * @param ownStep true when the step is the server's own (not on the shipped roadmap)
 * @param importedBy the member who imported it, 0 when forgotten
 */
public record PackSummary(
        String step, int questions, boolean ownStep, long importedBy, Instant importedAt, int bytes) {}
