package dev.drillbit.bench;

import dev.drillbit.bank.Difficulty;
import dev.drillbit.bank.QuestionType;
import dev.drillbit.progress.Answer;
import dev.drillbit.progress.AnswerEvent;
import dev.drillbit.storage.flatfile.FlatFileScoreStore;
import dev.drillbit.storage.flatfile.StoreOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * Fills score stores through the real {@link FlatFileScoreStore}: {@code events} answers spread over
 * {@code members} members of one guild, steps and difficulties, in the last 30 days. Stateless.
 */
final class StoreGenerator {
    static final List<String> STEPS = List.of(
            "internet", "sql", "apis", "caching", "testing", "scaling", "git", "auth", "containers", "messaging");

    private StoreGenerator() {}

    static Answer answer(long i, int members, Instant now) {
        long member = 1 + (i % members);
        Difficulty difficulty = Difficulty.values()[(int) (i % Difficulty.values().length)];
        String step = STEPS.get((int) ((i / members) % STEPS.size()));
        boolean correct = i % 3 != 0;
        Instant at = now.minus(Duration.ofMinutes((i * 7919) % (30L * 24 * 60)));
        return new Answer(
                DurableRecording.GUILD,
                member,
                step + "-001",
                step,
                difficulty,
                QuestionType.MULTIPLE_CHOICE,
                correct,
                Optional.empty(),
                correct ? 10 : 0,
                at);
    }

    /** Records {@code events} answers and waits until the last one is durable. */
    static void fill(FlatFileScoreStore store, long events, int members) {
        Instant now = Instant.now();
        CompletableFuture<AnswerEvent> last = null;
        for (long i = 0; i < events; i++) {
            last = store.record(answer(i, members, now));
        }
        if (last != null) {
            last.join();
        }
    }

    /**
     * Two images of a store holding {@code events} events: {@code crash}, as a crash leaves it with every
     * event still in the journal (no compaction ran: the worst case to recover), and {@code clean}, as a
     * clean shutdown leaves it (everything compacted into the snapshot).
     */
    static void recoveryImages(Path crash, Path clean, long events, int members) throws IOException {
        DurableRecording.deleteTree(crash);
        DurableRecording.deleteTree(clean);
        StoreOptions options = StoreOptions.defaults(clean).withCompactEvery(Integer.MAX_VALUE);
        try (FlatFileScoreStore store = FlatFileScoreStore.open(options)) {
            fill(store, events, members);
            copyTree(clean, crash); // every event is durable in the journal; nothing compacted yet
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
