package dev.drillbit.learning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbit.progress.MemberRef;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What both stores must read from the same data written before learning was the person's: the fixtures
 * {@code progress/version-2-two-servers} (flat files) and {@code postgres/version-4-two-servers.sql} hold
 * one history, recorded by the stores of that format. Member 7 answered in servers 1000 and 2000:
 * <ul>
 *   <li>sql-002 missed in 1000 (2026-03-10) and again in 2000 (03-11): the card of 2000 is the latest;
 *   <li>caching-002 missed then answered right in 1000 (03-12): 1000's card, and right;
 *   <li>caching-003 rated Good in 2000 (03-11), never answered: 2000's card;
 *   <li>sql-001 right in both, never a card: right;
 *   <li>reminder on in 2000;
 *   <li>after the flat snapshot (in its journal): apis-002 missed and sql-001 right again, in 2000.
 * </ul>
 * Member 8 missed apis-002 in 1000. The merge rule is {@link LearningStore}'s.
 */
public final class PersonalDeckUpgrade {
    private PersonalDeckUpgrade() {}

    static final long T0 = Instant.parse("2026-03-10T12:00:00Z").toEpochMilli();
    static final long DAY = 86_400_000L;

    /** Asserts the merged learning of members 7 and 8, and that points stayed per server. */
    public static void assertMerged(LearningStore store) {
        LearnerState seven = store.learner(7);
        Map<String, ReviewCard> cards =
                seven.deck().stream().collect(Collectors.toMap(DeckCard::questionId, DeckCard::card));
        assertThat(cards).containsOnlyKeys("sql-002", "caching-002", "caching-003", "apis-002");
        assertThat(cards.get("sql-002").lastReview())
                .as("2000's card, the latest")
                .isEqualTo(at(1));
        assertThat(cards.get("sql-002").due()).isEqualTo(at(2));
        assertThat(cards.get("caching-002").lastReview()).isEqualTo(at(2));
        assertThat(cards.get("caching-002").reps()).isEqualTo(2);
        assertThat(cards.get("caching-003").lastReview()).isEqualTo(at(1));
        assertThat(cards.get("apis-002").lastReview()).isEqualTo(at(3));
        assertThat(seven.seen()).containsExactlyInAnyOrder("sql-002", "caching-002", "sql-001", "apis-002");
        assertThat(seven.right()).containsExactlyInAnyOrder("caching-002", "sql-001");
        assertThat(seven.reminder()).isTrue();
        assertThat(store.membersToRemind(Instant.ofEpochMilli(T0 + 30 * DAY))).containsExactly(MemberRef.person(7));

        LearnerState eight = store.learner(8);
        assertThat(eight.deck()).extracting(DeckCard::questionId).containsExactly("apis-002");
        assertThat(eight.seen()).containsExactly("apis-002");
        assertThat(eight.reminder()).isFalse();

        assertThat(store.memberStats(1000, 7).orElseThrow().points()).isEqualTo(40);
        assertThat(store.memberStats(2000, 7).orElseThrow().points()).isEqualTo(20);
        assertThat(store.memberStats(MemberRef.PERSONAL, 7))
                .as("no answers outside servers")
                .isEmpty();
        assertThat(store.guildsOf(7)).containsExactly(MemberRef.PERSONAL, 1000L, 2000L);
        assertThat(store.guildsOf(8)).isEqualTo(List.of(MemberRef.PERSONAL, 1000L));
    }

    private static Instant at(int days) {
        return Instant.ofEpochMilli(T0 + days * DAY);
    }
}
