package dev.drillbit.insights;

import dev.drillbit.bank.QuestionSource;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Members' reports of problems with questions ("Report a problem" on a revealed answer). A server's own
 * question reported by {@link #PAUSE_AT} members is paused in that server ({@link #paused}) until an admin
 * resolves its flags; reports on shipped questions are kept for the bank's maintainers
 * ({@link #shippedTallies}, shown by {@code report questions}). Every report is in the store before it
 * counts.
 *
 * <p>Thread-safe: writes are serialized; {@link #paused} is read often and answers from a set rebuilt on
 * each change.
 */
public final class QuestionFlags implements dev.drillbit.progress.ForgetsMembers {
    /** Members whose reports pause a server's own question. */
    public static final int PAUSE_AT = 3;

    private final FlagStore store;
    private final Clock clock;
    /** guild → question → member → flag. */
    private final Map<Long, Map<String, Map<Long, Flag>>> flags = new HashMap<>();

    private volatile Map<Long, Set<String>> paused = Map.of();

    /** What a report did. Immutable. */
    public record Reported(int members, boolean paused, boolean serverQuestion) {}

    /**
     * One question's reports. Immutable.
     *
     * @param reasons how many members gave each reason
     * @param notes what members added, newest first
     */
    public record Tally(String questionId, int members, Map<FlagReason, Integer> reasons, List<String> notes) {}

    public QuestionFlags(FlagStore store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        store.all().forEach(this::remember);
        recompute();
    }

    private void remember(Flag flag) {
        flags.computeIfAbsent(flag.guildId(), g -> new HashMap<>())
                .computeIfAbsent(flag.questionId(), q -> new HashMap<>())
                .put(flag.userId(), flag);
    }

    private void recompute() {
        Map<Long, Set<String>> next = new HashMap<>();
        flags.forEach((guild, questions) -> {
            Set<String> ids = questions.entrySet().stream()
                    .filter(e -> QuestionSource.isServerId(e.getKey())
                            && e.getValue().size() >= PAUSE_AT)
                    .map(Map.Entry::getKey)
                    .collect(Collectors.toUnmodifiableSet());
            if (!ids.isEmpty()) {
                next.put(guild, ids);
            }
        });
        paused = Map.copyOf(next);
    }

    /** Records the member's report (replacing their earlier one on the question); durable on return. */
    public synchronized Reported report(
            long guildId, String questionId, long userId, FlagReason reason, Optional<String> note) {
        Flag flag = new Flag(guildId, questionId, userId, reason, note, clock.instant());
        store.put(flag);
        remember(flag);
        recompute();
        int members = flags.get(guildId).get(questionId).size();
        return new Reported(members, paused(guildId).contains(questionId), QuestionSource.isServerId(questionId));
    }

    /** The server's own questions paused in the guild by members' reports. */
    public Set<String> paused(long guildId) {
        return paused.getOrDefault(guildId, Set.of());
    }

    /** An admin looked at the question: its reports in the guild are cleared (and it is no longer paused). */
    public synchronized int resolve(long guildId, String questionId) {
        int removed = store.resolve(guildId, questionId);
        Map<String, Map<Long, Flag>> questions = flags.get(guildId);
        if (questions != null) {
            questions.remove(questionId);
        }
        recompute();
        return removed;
    }

    /** Erases the member's reports in the guild (store first, durable on return); pauses are worked out again. */
    @Override
    public synchronized void forget(long guildId, long userId) {
        store.forget(guildId, userId);
        Map<String, Map<Long, Flag>> questions = flags.get(guildId);
        if (questions != null) {
            questions.values().forEach(members -> members.remove(userId));
            questions.values().removeIf(Map::isEmpty);
        }
        recompute();
    }

    /** Erases the person's reports in every server and on shipped questions; pauses are worked out again. */
    @Override
    public synchronized void forgetEverywhere(long userId) {
        store.forgetEverywhere(userId);
        for (Map<String, Map<Long, Flag>> questions : flags.values()) {
            questions.values().forEach(members -> members.remove(userId));
            questions.values().removeIf(Map::isEmpty);
        }
        recompute();
    }

    /** The guild's reported questions, most reported first. */
    public synchronized List<Tally> tallies(long guildId) {
        return tallies(flags.getOrDefault(guildId, Map.of()).entrySet().stream()
                .collect(Collectors.toMap(
                        Map.Entry::getKey, e -> List.copyOf(e.getValue().values()))));
    }

    /** Reports on shipped questions across every server, most reported first: for the bank's maintainers. */
    public synchronized List<Tally> shippedTallies() {
        return shippedTallies(flags.values().stream()
                .flatMap(q -> q.values().stream())
                .flatMap(m -> m.values().stream())
                .toList());
    }

    /** {@link #shippedTallies()} of flags read some other way (the {@code report} command reads the files). */
    public static List<Tally> shippedTallies(List<Flag> all) {
        Map<String, List<Flag>> byQuestion = new TreeMap<>();
        all.stream()
                .filter(f -> !QuestionSource.isServerId(f.questionId()))
                .forEach(f -> byQuestion
                        .computeIfAbsent(f.questionId(), q -> new ArrayList<>())
                        .add(f));
        return tallies(byQuestion);
    }

    private static List<Tally> tallies(Map<String, List<Flag>> byQuestion) {
        List<Tally> out = new ArrayList<>();
        byQuestion.forEach((question, list) -> {
            Map<FlagReason, Integer> reasons = new EnumMap<>(FlagReason.class);
            list.forEach(f -> reasons.merge(f.reason(), 1, Integer::sum));
            List<String> notes = list.stream()
                    .sorted(Comparator.comparing(Flag::at).reversed())
                    .flatMap(f -> f.note().stream())
                    .toList();
            out.add(new Tally(question, list.size(), reasons, notes));
        });
        out.sort(Comparator.comparingInt(Tally::members).reversed().thenComparing(Tally::questionId));
        return out;
    }

    /**
     * The shipped questions' reports as {@code report questions} prints them: one line per question with the
     * members who reported it and each reason's count, then the notes, newest first.
     */
    public static String format(List<Tally> shipped) {
        StringBuilder out = new StringBuilder();
        out.append("Reported by members (")
                .append(shipped.size())
                .append(shipped.size() == 1 ? " question" : " questions")
                .append("):\n");
        if (shipped.isEmpty()) {
            out.append("  none\n");
        }
        for (Tally t : shipped) {
            out.append("  ")
                    .append(t.questionId())
                    .append("  ")
                    .append(t.members())
                    .append(t.members() == 1 ? " member" : " members")
                    .append(": ")
                    .append(t.reasons().entrySet().stream()
                            .map(e -> e.getKey().id() + " " + e.getValue())
                            .collect(Collectors.joining(", ")))
                    .append('\n');
            t.notes()
                    .forEach(n ->
                            out.append("    \"").append(n.replace("\n", " ")).append("\"\n"));
        }
        return out.toString();
    }
}
