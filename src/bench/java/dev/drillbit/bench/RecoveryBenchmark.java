package dev.drillbit.bench;

import dev.drillbit.storage.flatfile.FlatFileScoreStore;
import dev.drillbit.storage.flatfile.StoreOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Opening a score store that holds a million events ({@link StoreGenerator}), against its floor: reading
 * every byte of the same files and finding the line ends. Opening without writing changes nothing (no
 * compaction on close), so each iteration recovers the same directory. Single shot: each iteration is one
 * open, as at start-up. Run by {@link BenchMain}, which passes the directory as {@code dir}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RecoveryBenchmark {
    @Param("")
    public String dir;

    @Benchmark
    public long open() {
        try (FlatFileScoreStore store = FlatFileScoreStore.open(StoreOptions.defaults(Path.of(dir)))) {
            return store.journalSyncs();
        }
    }

    @Benchmark
    public long readLines() throws IOException {
        long lines = 0;
        try (Stream<Path> files = Files.list(Path.of(dir))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".jsonl")).toList()) {
                byte[] bytes = Files.readAllBytes(f);
                for (byte b : bytes) {
                    if (b == '\n') {
                        lines++;
                    }
                }
            }
        }
        return lines;
    }
}
