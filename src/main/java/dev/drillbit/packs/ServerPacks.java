package dev.drillbit.packs;

import dev.drillbit.bank.BankLoader;
import dev.drillbit.bank.GuildBanks;
import dev.drillbit.bank.Question;
import dev.drillbit.bank.QuestionBank;
import dev.drillbit.bank.RoadmapStep;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every server's own packs beside the shipped bank: imports them (checked by the bank's validator, so a pack
 * is held to the published schema whether it is a file in a question folder or an upload), lists, exports
 * and removes them, and gives each server its bank ({@link #forGuild}): the shipped roadmap and questions,
 * its own questions (ids namespaced by {@link ServerIds}) and the steps only its packs name. Nothing is
 * stored unless the whole pack is valid and within the {@link PackLimits}; the store has it before anyone
 * is told.
 *
 * <p>Thread-safe: writes are serialized; readers see the last bank built, swapped in whole.
 */
public final class ServerPacks implements GuildBanks, dev.drillbit.progress.ForgetsMembers {
    private static final Logger LOG = LoggerFactory.getLogger(ServerPacks.class);

    private final QuestionBank shipped;
    private final ServerPackStore store;
    private final PackLimits limits;
    private final Clock clock;
    private final BankLoader loader = new BankLoader();
    private final Map<Long, Guild> guilds = new ConcurrentHashMap<>();
    private final LongFunction<Set<String>> paused;

    /** One server's packs, read, and the bank they make with the shipped one. Immutable. */
    private record Guild(Map<String, Loaded> packs, Set<String> pausedFor, QuestionBank bank) {}

    private record Loaded(StoredPack stored, List<Question> questions) {}

    /** Packs of which no question is ever paused. */
    public ServerPacks(QuestionBank shipped, ServerPackStore store, PackLimits limits, Clock clock) {
        this(shipped, store, limits, clock, guild -> Set.of());
    }

    /**
     * Reads every stored pack; one that no longer passes the validator is left out and logged, not fatal.
     *
     * @param paused each server's own questions that are not to be drawn now (reported by members); asked on
     *     every {@link #forGuild}, so it must be cheap
     */
    public ServerPacks(
            QuestionBank shipped,
            ServerPackStore store,
            PackLimits limits,
            Clock clock,
            LongFunction<Set<String>> paused) {
        this.paused = Objects.requireNonNull(paused, "paused");
        this.shipped = Objects.requireNonNull(shipped, "shipped");
        this.store = Objects.requireNonNull(store, "store");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.clock = Objects.requireNonNull(clock, "clock");
        Map<Long, Map<String, Loaded>> read = new TreeMap<>();
        for (StoredPack pack : store.all()) {
            BankLoader.Upload upload =
                    loader.checkUpload(pack.step() + ".json", pack.json().getBytes(StandardCharsets.UTF_8));
            if (!upload.ok()) {
                LOG.warn(
                        "server pack guild={} step={} no longer passes the validator and is not served: {}",
                        pack.guildId(),
                        pack.step(),
                        upload.problems().get(0).render());
                continue;
            }
            read.computeIfAbsent(pack.guildId(), g -> new TreeMap<>())
                    .put(pack.step(), new Loaded(pack, namespaced(pack.guildId(), upload.questions())));
        }
        read.forEach((guild, packs) -> guilds.put(guild, build(guild, packs)));
    }

    public PackLimits limits() {
        return limits;
    }

    /** The shipped bank, which every server's bank extends. */
    public QuestionBank shipped() {
        return shipped;
    }

    @Override
    public QuestionBank forGuild(long guildId) {
        Guild guild = guilds.get(guildId);
        if (guild == null) {
            return shipped;
        }
        if (guild.pausedFor().equals(paused.apply(guildId))) {
            return guild.bank();
        }
        Guild rebuilt = build(guildId, guild.packs());
        guilds.replace(guildId, guild, rebuilt);
        return rebuilt.bank();
    }

    /**
     * Checks the pack and, when all is well, stores it as the server's pack for its step (replacing the one
     * there). {@code name} is the uploaded file's name, used in the problems' positions.
     */
    public synchronized ImportOutcome importPack(long guildId, long memberId, String name, byte[] bytes) {
        if (bytes.length > limits.maxPackBytes()) {
            return new ImportOutcome.TooLarge(bytes.length, limits.maxPackBytes());
        }
        BankLoader.Upload upload = loader.checkUpload(name, bytes);
        if (!upload.ok()) {
            return new ImportOutcome.Refused(upload.problems());
        }
        String step = upload.step().orElseThrow();
        Map<String, Loaded> packs = new TreeMap<>(
                Optional.ofNullable(guilds.get(guildId)).map(Guild::packs).orElse(Map.of()));
        Loaded before = packs.get(step);
        int others = packs.values().stream()
                .filter(l -> !l.stored().step().equals(step))
                .mapToInt(l -> l.questions().size())
                .sum();
        int total = others + upload.questions().size();
        if (total > limits.maxQuestionsPerServer()) {
            return new ImportOutcome.TooMany(total, limits.maxQuestionsPerServer());
        }
        // Validated as UTF-8 by the loader; a byte order mark is dropped so the stored text is what was meant.
        String json = new String(bytes, StandardCharsets.UTF_8);
        if (json.startsWith("\uFEFF")) {
            json = json.substring(1);
        }
        StoredPack stored = new StoredPack(guildId, step, json, memberId, clock.instant());
        store.put(stored);
        packs.put(step, new Loaded(stored, namespaced(guildId, upload.questions())));
        guilds.put(guildId, build(guildId, packs));
        LOG.info(
                "server pack imported guild={} step={} questions={} by={}",
                guildId,
                step,
                upload.questions().size(),
                memberId);
        return new ImportOutcome.Imported(
                step,
                upload.questions().size(),
                before != null,
                shipped.step(step).isEmpty(),
                total);
    }

    /**
     * Adds the questions of {@code packJson} (a pack in the published schema) to the server's pack for its
     * step, creating that pack when there is none, checked and limited exactly as an import; the merged pack
     * is stored under {@code memberId} as its importer. {@code step} names the file in the problems.
     */
    public synchronized ImportOutcome addQuestions(long guildId, long memberId, String step, String packJson) {
        String merged = export(guildId, step)
                .map(existing -> SuggestedQuestion.merged(existing, packJson))
                .orElse(packJson);
        return importPack(guildId, memberId, step + ".json", merged.getBytes(StandardCharsets.UTF_8));
    }

    /** The packs stay (they are the server's) but no longer name the member as their importer. */
    @Override
    public synchronized void forget(long guildId, long userId) {
        store.forget(guildId, userId);
        Guild guild = guilds.get(guildId);
        if (guild == null) {
            return;
        }
        Map<String, Loaded> packs = new TreeMap<>(guild.packs());
        packs.replaceAll((step, l) ->
                l.stored().importedBy() == userId ? new Loaded(l.stored().anonymous(), l.questions()) : l);
        guilds.put(guildId, new Guild(Collections.unmodifiableMap(packs), guild.pausedFor(), guild.bank()));
    }

    /** As {@link #forget} in every server: no pack names the person as its importer any more. */
    @Override
    public synchronized void forgetEverywhere(long userId) {
        store.forgetEverywhere(userId);
        for (long guildId : List.copyOf(guilds.keySet())) {
            Guild guild = guilds.get(guildId);
            Map<String, Loaded> packs = new TreeMap<>(guild.packs());
            packs.replaceAll((step, l) ->
                    l.stored().importedBy() == userId ? new Loaded(l.stored().anonymous(), l.questions()) : l);
            guilds.put(guildId, new Guild(Collections.unmodifiableMap(packs), guild.pausedFor(), guild.bank()));
        }
    }

    /** The server's packs, by step. */
    public List<PackSummary> list(long guildId) {
        Guild guild = guilds.get(guildId);
        if (guild == null) {
            return List.of();
        }
        List<PackSummary> out = new ArrayList<>();
        guild.packs()
                .values()
                .forEach(l -> out.add(new PackSummary(
                        l.stored().step(),
                        l.questions().size(),
                        shipped.step(l.stored().step()).isEmpty(),
                        l.stored().importedBy(),
                        l.stored().importedAt(),
                        l.stored().json().getBytes(StandardCharsets.UTF_8).length)));
        return Collections.unmodifiableList(out);
    }

    /** The pack's JSON exactly as it was imported. */
    public Optional<String> export(long guildId, String step) {
        return Optional.ofNullable(guilds.get(guildId))
                .map(g -> g.packs().get(step))
                .map(l -> l.stored().json());
    }

    /**
     * Removes the server's pack for {@code step}: its questions are no longer drawn; answers and review cards
     * that name them stay stored and are skipped, like a retired shipped question's. False when there was none.
     */
    public synchronized boolean remove(long guildId, String step) {
        Guild guild = guilds.get(guildId);
        if (guild == null || !guild.packs().containsKey(step)) {
            return false;
        }
        store.remove(guildId, step);
        Map<String, Loaded> packs = new TreeMap<>(guild.packs());
        packs.remove(step);
        if (packs.isEmpty()) {
            guilds.remove(guildId);
        } else {
            guilds.put(guildId, build(guildId, packs));
        }
        LOG.info("server pack removed guild={} step={}", guildId, step);
        return true;
    }

    private static List<Question> namespaced(long guildId, List<Question> questions) {
        return questions.stream().map(q -> ServerIds.namespaced(guildId, q)).toList();
    }

    private Guild build(long guildId, Map<String, Loaded> packs) {
        Set<String> pausedNow = Set.copyOf(paused.apply(guildId));
        List<RoadmapStep> steps = new ArrayList<>(shipped.steps());
        List<Question> questions = new ArrayList<>(shipped.questions());
        for (Loaded loaded : packs.values()) {
            String step = loaded.stored().step();
            if (shipped.step(step).isEmpty()) {
                steps.add(new RoadmapStep(
                        step,
                        step,
                        "A step of this server's own, from its pack.",
                        List.of(step),
                        "Answer this server's questions on " + step + ".",
                        List.of()));
            }
            loaded.questions().stream().filter(q -> !pausedNow.contains(q.id())).forEach(questions::add);
        }
        return new Guild(
                Collections.unmodifiableMap(new TreeMap<>(packs)), pausedNow, new QuestionBank(steps, questions));
    }
}
