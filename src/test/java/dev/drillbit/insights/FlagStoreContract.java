package dev.drillbit.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What every {@link FlagStore} promises; each implementation extends this class once: reports survive a
 * restart, a member's second report on a question replaces the first, resolve clears one question in one
 * server, forget erases one member's reports in one server.
 */
public abstract class FlagStoreContract {
    private static final Instant AT = Instant.parse("2026-03-01T10:15:30Z");
    private final List<FlagStore> opened = new ArrayList<>();

    /** Opens the store over this test's data: every call sees the same data. */
    protected abstract FlagStore open();

    private FlagStore store() {
        FlagStore s = open();
        opened.add(s);
        return s;
    }

    private FlagStore restart(FlagStore s) {
        s.close();
        return store();
    }

    @AfterEach
    void closeAll() {
        opened.forEach(FlagStore::close);
    }

    private static Flag flag(long guild, String question, long user, FlagReason reason, String note) {
        return new Flag(guild, question, user, reason, Optional.ofNullable(note), AT);
    }

    @Test
    @DisplayName("reports survive a restart, ordered by server, question and member, notes kept as written")
    void survivesRestart() {
        // GIVEN
        FlagStore store = store();
        Flag a = flag(1, "sql-001", 9, FlagReason.TYPO, "“teh” — in the prompt");
        Flag b = flag(1, "g1:mine", 8, FlagReason.WRONG_ANSWER, null);
        Flag c = flag(1, "g1:mine", 7, FlagReason.OTHER, "see the docs");
        // WHEN
        store.put(a);
        store.put(b);
        store.put(c);
        // THEN
        assertThat(restart(store).all()).containsExactly(c, b, a);
    }

    @Test
    @DisplayName("a member's second report on a question replaces the first")
    void replaces() {
        // GIVEN
        FlagStore store = store();
        store.put(flag(1, "sql-001", 9, FlagReason.TYPO, null));
        // WHEN
        Flag again = new Flag(1, "sql-001", 9, FlagReason.OUTDATED, Optional.of("v2 changed it"), AT.plusSeconds(5));
        store.put(again);
        // THEN
        assertThat(restart(store).all()).containsExactly(again);
    }

    @Test
    @DisplayName("resolve clears one question's reports in one server and counts them")
    void resolves() {
        // GIVEN
        FlagStore store = store();
        store.put(flag(1, "sql-001", 9, FlagReason.TYPO, null));
        store.put(flag(1, "sql-001", 8, FlagReason.UNCLEAR, null));
        store.put(flag(2, "sql-001", 9, FlagReason.TYPO, null));
        store.put(flag(1, "sql-002", 9, FlagReason.TYPO, null));
        // WHEN
        int cleared = store.resolve(1, "sql-001");
        // THEN
        assertThat(cleared).isEqualTo(2);
        assertThat(restart(store).all())
                .containsExactly(
                        flag(1, "sql-002", 9, FlagReason.TYPO, null), flag(2, "sql-001", 9, FlagReason.TYPO, null));
    }

    @Test
    @DisplayName("forget erases every report the member made in that server, and only there")
    void forgets() {
        // GIVEN
        FlagStore store = store();
        store.put(flag(1, "sql-001", 9, FlagReason.TYPO, "mine"));
        store.put(flag(1, "sql-002", 9, FlagReason.TYPO, null));
        store.put(flag(1, "sql-001", 8, FlagReason.TYPO, null));
        store.put(flag(2, "sql-001", 9, FlagReason.TYPO, null));
        // WHEN
        store.forget(1, 9);
        // THEN
        assertThat(restart(store).all())
                .containsExactly(
                        flag(1, "sql-001", 8, FlagReason.TYPO, null), flag(2, "sql-001", 9, FlagReason.TYPO, null));
    }

    @Test
    @DisplayName("forget everywhere erases every report the person made, in every server")
    void forgetsEverywhere() {
        // GIVEN
        FlagStore store = store();
        store.put(flag(1, "sql-001", 9, FlagReason.TYPO, "mine"));
        store.put(flag(2, "sql-001", 9, FlagReason.TYPO, null));
        store.put(flag(1, "sql-001", 8, FlagReason.TYPO, null));
        // WHEN
        store.forgetEverywhere(9);
        // THEN
        assertThat(restart(store).all()).containsExactly(flag(1, "sql-001", 8, FlagReason.TYPO, null));
    }
}
