package dev.drillbit.packs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SuggestionStore} promises; each implementation extends this class once: a suggestion
 * added gets a fresh id and is there after a restart with its text exactly as given, a decision replaces it,
 * servers never see each other's, the review channel is kept, and forgetting a member erases their waiting
 * and rejected suggestions but keeps approved ones without their name.
 */
public abstract class SuggestionStoreContract {
    private static final Instant AT = Instant.parse("2026-03-01T10:15:30Z");
    /** Text with what a careless copy would change: a non-ASCII character, tabs, CRLF, no final newline. */
    private static final String TEXT = "{\r\n\t\"step\": \"sql\",  \"questions\": [ \"é — ✓\" ]\r\n}";

    private final List<SuggestionStore> opened = new ArrayList<>();

    /** Opens the store over this test's data: every call sees the same data. */
    protected abstract SuggestionStore open();

    private SuggestionStore store() {
        SuggestionStore s = open();
        opened.add(s);
        return s;
    }

    private SuggestionStore restart(SuggestionStore s) {
        s.close();
        return store();
    }

    @AfterEach
    void closeAll() {
        opened.forEach(SuggestionStore::close);
    }

    private static Suggestion draft(long guild, long author, int minute) {
        return Suggestion.draft(guild, author, "sql", TEXT, AT.plusSeconds(60L * minute));
    }

    @Test
    @DisplayName("a suggestion added gets a fresh id and is read back after a restart, its text byte for byte")
    void survivesRestart() {
        // GIVEN
        SuggestionStore store = store();
        // WHEN
        Suggestion first = store.add(draft(1, 7, 0));
        Suggestion second = store.add(draft(2, 7, 1));
        // THEN
        assertThat(first.id()).isPositive();
        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(first).isEqualTo(draft(1, 7, 0).withId(first.id()));
        SuggestionStore again = restart(store);
        assertThat(again.find(1, first.id())).contains(first);
        assertThat(again.find(2, second.id())).contains(second);
        Suggestion third = again.add(draft(1, 8, 2));
        assertThat(third.id()).isNotIn(first.id(), second.id());
    }

    @Test
    @DisplayName("a server sees its own open suggestions, oldest first, and finds no other server's")
    void openPerServerOldestFirst() {
        // GIVEN
        SuggestionStore store = store();
        Suggestion later = store.add(draft(1, 7, 5));
        Suggestion other = store.add(draft(2, 7, 0));
        Suggestion earlier = store.add(draft(1, 8, 1));
        // WHEN
        List<Suggestion> open = store.open(1);
        // THEN
        assertThat(open).containsExactly(earlier, later);
        assertThat(store.find(1, other.id())).isEmpty();
        assertThat(store.open(3)).isEmpty();
    }

    @Test
    @DisplayName("a decision replaces the suggestion for good; decided ones are no longer open")
    void decisionsAreKept() {
        // GIVEN
        SuggestionStore store = store();
        Suggestion a = store.add(draft(1, 7, 0));
        Suggestion b = store.add(draft(1, 8, 1));
        Suggestion c = store.add(draft(1, 9, 2));
        Suggestion approved = a.approved("my-step", "{\"x\":1}", AT.plusSeconds(3600));
        Suggestion rejected = b.rejected("Already in the bank — see sql-004", AT.plusSeconds(7200));
        // WHEN
        store.update(approved);
        store.update(rejected);
        // THEN
        SuggestionStore again = restart(store);
        assertThat(again.open(1)).containsExactly(c);
        assertThat(again.find(1, a.id())).contains(approved);
        assertThat(again.find(1, b.id())).contains(rejected);
    }

    @Test
    @DisplayName("each server's review channel is kept; setting it again replaces it")
    void reviewChannel() {
        // GIVEN
        SuggestionStore store = store();
        // WHEN
        store.setReviewChannel(1, 100);
        store.setReviewChannel(1, 101);
        store.setReviewChannel(2, 200);
        // THEN
        SuggestionStore again = restart(store);
        assertThat(again.reviewChannel(1)).isEqualTo(OptionalLong.of(101));
        assertThat(again.reviewChannel(2)).isEqualTo(OptionalLong.of(200));
        assertThat(again.reviewChannel(3)).isEmpty();
    }

    @Test
    @DisplayName("forgetting a member erases their open and rejected suggestions there, keeps approved ones unnamed")
    void forget() {
        // GIVEN
        SuggestionStore store = store();
        Suggestion open = store.add(draft(1, 7, 0));
        Suggestion rejected = store.add(draft(1, 7, 1));
        Suggestion approved = store.add(draft(1, 7, 2));
        Suggestion elsewhere = store.add(draft(2, 7, 3));
        Suggestion someoneElse = store.add(draft(1, 8, 4));
        store.update(rejected.rejected("no", AT.plusSeconds(600)));
        Suggestion approvedNow = approved.approved("sql", TEXT, AT.plusSeconds(600));
        store.update(approvedNow);
        // WHEN
        store.forget(1, 7);
        // THEN
        SuggestionStore again = restart(store);
        assertThat(again.find(1, open.id())).isEmpty();
        assertThat(again.find(1, rejected.id())).isEmpty();
        assertThat(again.find(1, approved.id())).contains(approvedNow.anonymous());
        assertThat(again.find(2, elsewhere.id())).contains(elsewhere);
        assertThat(again.open(1)).containsExactly(someoneElse);
    }

    @Test
    @DisplayName("forgetting a person everywhere reaches their suggestions in every server")
    void forgetEverywhere() {
        // GIVEN
        SuggestionStore store = store();
        Suggestion here = store.add(draft(1, 7, 0));
        Suggestion there = store.add(draft(2, 7, 1));
        Suggestion approved = store.add(draft(2, 7, 2));
        Suggestion approvedNow = approved.approved("sql", TEXT, AT.plusSeconds(600));
        store.update(approvedNow);
        Suggestion kept = store.add(draft(2, 8, 3));
        // WHEN
        store.forgetEverywhere(7);
        // THEN
        SuggestionStore again = restart(store);
        assertThat(again.find(1, here.id())).isEmpty();
        assertThat(again.find(2, there.id())).isEmpty();
        assertThat(again.find(2, approved.id())).contains(approvedNow.anonymous());
        assertThat(again.open(2)).containsExactly(kept);
    }
}
