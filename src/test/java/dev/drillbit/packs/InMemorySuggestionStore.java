package dev.drillbit.packs;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/** A {@link SuggestionStore} in memory, for domain tests; held to the contract by its own test. */
public final class InMemorySuggestionStore implements SuggestionStore {
    private final Map<Long, Suggestion> suggestions = new TreeMap<>();
    private final Map<Long, Long> channels = new HashMap<>();
    private long lastId;

    @Override
    public synchronized Suggestion add(Suggestion draft) {
        Suggestion stored = draft.withId(++lastId);
        suggestions.put(stored.id(), stored);
        return stored;
    }

    @Override
    public synchronized Optional<Suggestion> find(long guildId, long id) {
        return Optional.ofNullable(suggestions.get(id)).filter(s -> s.guildId() == guildId);
    }

    @Override
    public synchronized List<Suggestion> open(long guildId) {
        return suggestions.values().stream()
                .filter(s -> s.guildId() == guildId && s.status() == Suggestion.Status.OPEN)
                .sorted(Comparator.comparing(Suggestion::suggestedAt).thenComparingLong(Suggestion::id))
                .toList();
    }

    @Override
    public synchronized void update(Suggestion suggestion) {
        suggestions.put(suggestion.id(), suggestion);
    }

    @Override
    public synchronized OptionalLong reviewChannel(long guildId) {
        Long c = channels.get(guildId);
        return c == null ? OptionalLong.empty() : OptionalLong.of(c);
    }

    @Override
    public synchronized void setReviewChannel(long guildId, long channelId) {
        channels.put(guildId, channelId);
    }

    @Override
    public synchronized void forget(long guildId, long userId) {
        forget(s -> s.guildId() == guildId && s.authorId() == userId);
    }

    @Override
    public synchronized void forgetEverywhere(long userId) {
        forget(s -> s.authorId() == userId);
    }

    private void forget(java.util.function.Predicate<Suggestion> whose) {
        suggestions.values().removeIf(s -> whose.test(s) && s.status() != Suggestion.Status.APPROVED);
        suggestions.replaceAll((id, s) -> whose.test(s) ? s.anonymous() : s);
    }

    @Override
    public void close() {}
}
