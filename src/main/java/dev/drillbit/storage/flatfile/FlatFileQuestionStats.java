package dev.drillbit.storage.flatfile;

import dev.drillbit.insights.QuestionCounter;
import dev.drillbit.insights.QuestionStats;
import dev.drillbit.progress.AnswerEvent;
import dev.drillbit.progress.ForgetEvent;
import dev.drillbit.storage.DataFileException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Question counts read straight from a data folder's journals, for {@code drillbit report}. Stateless. */
public final class FlatFileQuestionStats {
    private FlatFileQuestionStats() {}

    /**
     * The same counts read from a data directory without opening a store: no lock is taken and nothing
     * is written, so it can run next to a running bot. Each generation is read once (from the data
     * directory when a compaction has it in both places); a torn last line is ignored; forgotten members'
     * answers are left out. A compaction finishing during the read can make a generation vanish: the read
     * is then tried again, up to three times.
     *
     * @throws DataFileException on damage or a format version this build does not read
     */
    public static List<QuestionStats> read(Path dataDir) {
        if (!Files.isDirectory(dataDir)) {
            throw new UncheckedIOException(
                    new java.nio.file.NoSuchFileException(dataDir.toString(), null, "no such data directory"));
        }
        for (int attempt = 1; ; attempt++) {
            try {
                TreeMap<Long, Path> files = new TreeMap<>();
                Path history = dataDir.resolve(FlatFileScoreStore.HISTORY);
                if (Files.isDirectory(history)) {
                    files.putAll(FlatFileScoreStore.journals(history));
                }
                files.putAll(FlatFileScoreStore.journals(dataDir));
                Map<FlatFileScoreStore.MemberKey, Long> forgets = new java.util.HashMap<>();
                for (Map.Entry<Long, Path> f : files.entrySet()) {
                    JournalFile.read(f.getValue(), f.getKey(), Long.MAX_VALUE, 0, false, e -> {
                        if (e instanceof ForgetEvent) {
                            forgets.merge(new FlatFileScoreStore.MemberKey(e.guildId(), e.userId()), e.id(), Math::max);
                        }
                    });
                }
                QuestionCounter counter = new QuestionCounter();
                for (Map.Entry<Long, Path> f : files.entrySet()) {
                    JournalFile.read(f.getValue(), f.getKey(), Long.MAX_VALUE, 0, false, e -> {
                        if (e instanceof AnswerEvent a && !FlatFileScoreStore.erased(a, forgets)) {
                            counter.add(a);
                        }
                    });
                }
                return counter.result();
            } catch (java.nio.file.NoSuchFileException e) {
                if (attempt == 3) {
                    throw new UncheckedIOException("the journals in " + dataDir + " kept changing while read", e);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the answers in " + dataDir, e);
            }
        }
    }
}
