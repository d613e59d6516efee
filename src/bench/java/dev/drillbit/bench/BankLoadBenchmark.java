package dev.drillbit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drillbit.bank.BankLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * Loading and validating a generated bank ({@link BankGenerator}) against its floor: reading the same
 * files and parsing them into Jackson trees, which any loader must do. Run by {@link BenchMain}, which
 * passes the bank's directory as {@code dir}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BankLoadBenchmark {
    @Param("")
    public String dir;

    private final ObjectMapper json = new ObjectMapper();

    @Benchmark
    public Object loadAndValidate() {
        BankLoader.Result result = new BankLoader().load(Path.of(dir));
        if (!result.ok()) {
            throw new IllegalStateException(
                    "generated bank is invalid: " + result.problems().get(0).render());
        }
        return result;
    }

    @Benchmark
    public Object parseOnly() throws IOException {
        List<JsonNode> trees = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of(dir))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                trees.add(json.readTree(Files.readAllBytes(f)));
            }
        }
        return trees;
    }
}
