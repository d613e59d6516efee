package dev.drillbit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The benchmark harness works: every scenario runs once with minimal sizes and produces its rows. Measures
 * nothing and asserts no figure; the benchmarks themselves run only with {@code -Pbench}.
 */
class BenchSmokeTest {
    @Test
    @DisplayName("every benchmark scenario runs at minimal size and produces its rows")
    void everyScenarioProducesRows() throws Exception {
        BenchMain bench = new BenchMain(Env.of(Path.of("").toAbsolutePath(), true));
        Level before = BenchMain.quietStandIn(Level.WARN);
        try {
            bench.runAll();
        } finally {
            BenchMain.quietStandIn(before);
        }

        assertThat(bench.rows())
                .extracting(Row::figure)
                .anySatisfy(f -> assertThat(f).startsWith("load + validate"))
                .anySatisfy(f -> assertThat(f).contains("crash image"))
                .anySatisfy(f -> assertThat(f).contains("whole-file"))
                .anySatisfy(f -> assertThat(f).startsWith("PostgreSQL durable answers"))
                .anySatisfy(f -> assertThat(f).startsWith("PostgreSQL leaderboard p99"))
                .anySatisfy(f -> assertThat(f).startsWith("heap after full GC"))
                .anySatisfy(f -> assertThat(f).startsWith("process start to READY"))
                .anySatisfy(f -> assertThat(f).startsWith("round trip p99"))
                .anySatisfy(f -> assertThat(f).startsWith("daily fan-out"))
                .anySatisfy(f -> assertThat(f).startsWith("group burst"));
        assertThat(bench.rows()).allSatisfy(r -> assertThat(r.value()).isPositive());
    }
}
