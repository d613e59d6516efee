package dev.drillbit.packs;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A question a member suggested for their server's packs, and what became of it. {@code json} is a pack in the
 * published schema holding the one question (as it will join the server's pack for {@code step}), already
 * checked by the bank's validator. Immutable.
 *
 * @param id the store's number for it, unique across servers; 0 before it is stored
 * @param authorId the member who suggested it, or 0 once an approved suggestion's author was forgotten
 * @param reason why it was rejected; empty otherwise
 * @param decidedAt when it was approved or rejected; null while it is open
 */
public record Suggestion(
        long id,
        long guildId,
        long authorId,
        String step,
        String json,
        Status status,
        String reason,
        Instant suggestedAt,
        Instant decidedAt) {

    /** Where a suggestion is in its review. */
    public enum Status {
        OPEN,
        APPROVED,
        REJECTED;

        /** The stored name: {@code open}, {@code approved}, {@code rejected}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Status> of(String id) {
            for (Status s : values()) {
                if (s.id().equals(id)) {
                    return Optional.of(s);
                }
            }
            return Optional.empty();
        }
    }

    public Suggestion {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(suggestedAt, "suggestedAt");
        if ((status == Status.OPEN) != (decidedAt == null)) {
            throw new IllegalArgumentException("an open suggestion has no decision time, a decided one has one");
        }
    }

    /** A new, open suggestion, not yet stored. */
    public static Suggestion draft(long guildId, long authorId, String step, String json, Instant at) {
        return new Suggestion(0, guildId, authorId, step, json, Status.OPEN, "", at, null);
    }

    /** The same suggestion under the id the store gave it. */
    public Suggestion withId(long newId) {
        return new Suggestion(newId, guildId, authorId, step, json, status, reason, suggestedAt, decidedAt);
    }

    /** Approved as {@code finalJson} for {@code finalStep} (the form as the reviewer left it). */
    public Suggestion approved(String finalStep, String finalJson, Instant at) {
        return new Suggestion(id, guildId, authorId, finalStep, finalJson, Status.APPROVED, "", suggestedAt, at);
    }

    public Suggestion rejected(String why, Instant at) {
        return new Suggestion(id, guildId, authorId, step, json, Status.REJECTED, why, suggestedAt, at);
    }

    /** The same suggestion, no longer naming its author. */
    public Suggestion anonymous() {
        return new Suggestion(id, guildId, 0, step, json, status, reason, suggestedAt, decidedAt);
    }

    /** The id its question has in the server's pack once approved (the server's namespace is added on top). */
    public String questionId() {
        return "suggested-" + id;
    }
}
