package dev.drillbit.daily;

import dev.drillbit.bank.Question;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Which questions a run asks, so that a guild's daily quizzes repeat nothing until the guild has seen the
 * whole pool its filters select.
 *
 * <p>Each guild has one set of questions seen in the current cycle, shared by its schedules. A run draws
 * at random from the part of its pool not yet seen. When that part is smaller than the run's count, the
 * run takes all of it and starts a new cycle for its pool: the pool's questions leave the seen set, the
 * rest of the run is drawn from the pool minus what was just taken, and everything this run asks counts
 * as seen in the new cycle, so nothing asked today comes back before the rest of the pool has. A pool
 * smaller than the count gives every question once. Questions outside the pool (another schedule's
 * steps) keep their seen state. Stateless; the caller guards the set.
 */
final class Rotation {
    private Rotation() {}

    /** Draws from {@code pool}, updating {@code seen} in place. */
    static List<Question> draw(List<Question> pool, int count, Set<String> seen, Random random) {
        List<Question> unseen = new ArrayList<>(
                pool.stream().filter(q -> !seen.contains(q.id())).toList());
        Collections.shuffle(unseen, random);
        if (unseen.size() >= count) {
            List<Question> drawn = List.copyOf(unseen.subList(0, count));
            drawn.forEach(q -> seen.add(q.id()));
            return drawn;
        }
        List<Question> drawn = new ArrayList<>(unseen);
        pool.forEach(q -> seen.remove(q.id()));
        List<Question> rest =
                new ArrayList<>(pool.stream().filter(q -> !drawn.contains(q)).toList());
        Collections.shuffle(rest, random);
        drawn.addAll(rest.subList(0, Math.min(count - drawn.size(), rest.size())));
        drawn.forEach(q -> seen.add(q.id()));
        return List.copyOf(drawn);
    }
}
