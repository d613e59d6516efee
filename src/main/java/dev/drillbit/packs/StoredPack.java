package dev.drillbit.packs;

import java.time.Instant;
import java.util.Objects;

/**
 * One server's pack for one step, as stored: the JSON exactly as uploaded (so an export gives back the same
 * text) and who imported it when. A server has at most one pack per step; importing another replaces it.
 * Immutable.
 *
 * @param importedBy the member who imported it, or 0 once that member's data was forgotten
 */
public record StoredPack(long guildId, String step, String json, long importedBy, Instant importedAt) {
    public StoredPack {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(importedAt, "importedAt");
    }

    /** The same pack, no longer naming who imported it. */
    public StoredPack anonymous() {
        return new StoredPack(guildId, step, json, 0, importedAt);
    }
}
