package dev.drillbit.daily;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbit.bank.Question;
import dev.drillbit.bank.QuestionBank;
import dev.drillbit.bank.QuestionFilter;
import dev.drillbit.testsupport.Seeds;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** No repeats until the guild has seen the whole pool; then a new cycle. */
class RotationTest {
    private final QuestionBank bank = DailyFixtures.bank(Map.of("sql", 12, "caching", 7));
    /** Every test draws with this seed; {@code -Drotation.seed=N} replays a failure. */
    private final long seed = Seeds.of("rotation.seed", 42);

    private final Random random = new Random(seed);

    private List<Question> pool(String step) {
        return bank.questions(QuestionFilter.ANY.withSteps(Set.of(step)));
    }

    @ParameterizedTest(name = "pool {0}, count {1}")
    @DisplayName("every question of the pool comes once before any comes twice, cycle after cycle")
    @CsvSource({"12, 5", "12, 1", "12, 12", "12, 7", "7, 3", "7, 5"})
    void exhaustsBeforeRepeating(int poolSize, int count) {
        List<Question> pool = poolSize == 12 ? pool("sql") : pool("caching");
        Set<String> seen = new LinkedHashSet<>();
        List<List<String>> runs = new ArrayList<>();

        for (int run = 0; run < 30; run++) {
            List<Question> drawn = Rotation.draw(pool, count, seen, random);
            assertThat(drawn).as("seed %d, run %d", seed, run).hasSize(count).doesNotHaveDuplicates();
            runs.add(drawn.stream().map(Question::id).toList());
        }

        // walk the questions in the order asked: a question comes again only once the whole pool has come
        // since the cycle began; the run that crosses into a new cycle counts as part of the new one
        Set<String> cycle = new HashSet<>();
        for (List<String> run : runs) {
            for (int k = 0; k < run.size(); k++) {
                String id = run.get(k);
                if (cycle.contains(id)) {
                    assertThat(cycle)
                            .as("seed %d: %s came again before the pool was seen", seed, id)
                            .hasSize(poolSize);
                    cycle = new HashSet<>(run.subList(0, k));
                }
                cycle.add(id);
            }
        }
        assertThat(runs.stream().flatMap(List::stream).distinct())
                .as("seed %d", seed)
                .hasSize(poolSize);
    }

    @Test
    @DisplayName("a pool smaller than the count gives each question once")
    void smallPool() {
        List<Question> drawn = Rotation.draw(pool("caching"), 10, new HashSet<>(), random);

        assertThat(drawn).hasSize(7).doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("a new cycle in one pool keeps what the guild has seen of another schedule's pool")
    void poolsShareTheGuildsSeenSet() {
        Set<String> seen = new LinkedHashSet<>();
        Rotation.draw(pool("caching"), 5, seen, random);

        for (int i = 0; i < 3; i++) {
            Rotation.draw(pool("sql"), 5, seen, random); // the third run crosses into a new sql cycle
        }

        Set<String> cachingSeen = new HashSet<>(
                seen.stream().filter(id -> id.startsWith("caching")).toList());
        assertThat(cachingSeen).hasSize(5);
        List<Question> caching = Rotation.draw(pool("caching"), 5, seen, random);
        // the two caching questions not yet seen come first, then a new caching cycle
        assertThat(caching.subList(0, 2)).extracting(Question::id).doesNotContainAnyElementsOf(cachingSeen);
        assertThat(caching.subList(2, 5))
                .extracting(Question::id)
                .allSatisfy(id -> assertThat(cachingSeen).contains(id));
    }

    @Test
    @DisplayName("whatever a cycle-crossing run asked counts as seen in the new cycle")
    void crossingRunCountsInNewCycle() {
        Set<String> seen = new LinkedHashSet<>();
        List<Question> pool = pool("sql");
        Rotation.draw(pool, 5, seen, random);
        Rotation.draw(pool, 5, seen, random);

        List<Question> crossing = Rotation.draw(pool, 5, seen, random);

        assertThat(seen)
                .containsExactlyInAnyOrderElementsOf(
                        crossing.stream().map(Question::id).toList());
        List<Question> next = Rotation.draw(pool, 7, seen, random);
        assertThat(next)
                .extracting(Question::id)
                .doesNotContainAnyElementsOf(crossing.stream().map(Question::id).toList());
    }
}
