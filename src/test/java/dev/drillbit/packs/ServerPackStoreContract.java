package dev.drillbit.packs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ServerPackStore} promises; each implementation extends this class once: a pack put is
 * there after a restart with its text exactly as given, a pack replaces the server's pack for the same step
 * only, servers never see each other's packs, removal, and forgetting the importer keeps the pack.
 */
public abstract class ServerPackStoreContract {
    private static final Instant AT = Instant.parse("2026-03-01T10:15:30Z");
    /** Text with what a careless copy would change: a non-ASCII character, tabs, CRLF, no final newline. */
    private static final String TEXT = "{\r\n\t\"step\": \"sql\",  \"questions\": [ \"é — ✓\" ]\r\n}";

    private final List<ServerPackStore> opened = new ArrayList<>();

    /** Opens the store over this test's data: every call sees the same data. */
    protected abstract ServerPackStore open();

    private ServerPackStore store() {
        ServerPackStore s = open();
        opened.add(s);
        return s;
    }

    private ServerPackStore restart(ServerPackStore s) {
        s.close();
        return store();
    }

    @AfterEach
    void closeAll() {
        opened.forEach(ServerPackStore::close);
    }

    @Test
    @DisplayName("a pack put is read back after a restart, its text byte for byte")
    void survivesRestart() {
        // GIVEN
        ServerPackStore store = store();
        StoredPack pack = new StoredPack(1, "sql", TEXT, 7, AT);
        // WHEN
        store.put(pack);
        // THEN
        assertThat(restart(store).all()).containsExactly(pack);
    }

    @Test
    @DisplayName("a second pack for the same step replaces the first; other steps stay")
    void replacesPerStep() {
        // GIVEN
        ServerPackStore store = store();
        store.put(new StoredPack(1, "sql", "{}", 7, AT));
        store.put(new StoredPack(1, "my-step", "{\"a\":1}", 7, AT));
        // WHEN
        StoredPack newer = new StoredPack(1, "sql", "{\"b\":2}", 8, AT.plusSeconds(60));
        store.put(newer);
        // THEN
        assertThat(restart(store).all()).containsExactly(new StoredPack(1, "my-step", "{\"a\":1}", 7, AT), newer);
    }

    @Test
    @DisplayName("packs are ordered by server, then step; one server's pack is not another's")
    void separateServers() {
        // GIVEN
        ServerPackStore store = store();
        StoredPack b = new StoredPack(2, "sql", "{}", 7, AT);
        StoredPack a2 = new StoredPack(1, "sql", "{}", 7, AT);
        StoredPack a1 = new StoredPack(1, "apis", "{}", 7, AT);
        // WHEN
        store.put(b);
        store.put(a2);
        store.put(a1);
        store.remove(2, "apis");
        // THEN
        assertThat(store.all()).containsExactly(a1, a2, b);
    }

    @Test
    @DisplayName("remove takes the server's pack away for good and says whether there was one")
    void removes() {
        // GIVEN
        ServerPackStore store = store();
        store.put(new StoredPack(1, "sql", "{}", 7, AT));
        store.put(new StoredPack(2, "sql", "{}", 7, AT));
        // WHEN
        boolean removed = store.remove(1, "sql");
        boolean again = store.remove(1, "sql");
        // THEN
        assertThat(removed).isTrue();
        assertThat(again).isFalse();
        assertThat(restart(store).all()).containsExactly(new StoredPack(2, "sql", "{}", 7, AT));
    }

    @Test
    @DisplayName("forgetting the importer keeps the server's pack but no longer names them, in that server only")
    void forgetKeepsThePack() {
        // GIVEN
        ServerPackStore store = store();
        store.put(new StoredPack(1, "sql", TEXT, 7, AT));
        store.put(new StoredPack(1, "apis", "{}", 8, AT));
        store.put(new StoredPack(2, "sql", "{}", 7, AT));
        // WHEN
        store.forget(1, 7);
        // THEN
        assertThat(restart(store).all())
                .containsExactly(
                        new StoredPack(1, "apis", "{}", 8, AT),
                        new StoredPack(1, "sql", TEXT, 0, AT),
                        new StoredPack(2, "sql", "{}", 7, AT));
    }

    @Test
    @DisplayName("forgetting the importer everywhere keeps every pack but names them on none")
    void forgetEverywhereKeepsThePacks() {
        // GIVEN
        ServerPackStore store = store();
        store.put(new StoredPack(1, "sql", TEXT, 7, AT));
        store.put(new StoredPack(2, "sql", "{}", 7, AT));
        store.put(new StoredPack(2, "apis", "{}", 8, AT));
        // WHEN
        store.forgetEverywhere(7);
        // THEN
        assertThat(restart(store).all())
                .containsExactly(
                        new StoredPack(1, "sql", TEXT, 0, AT),
                        new StoredPack(2, "apis", "{}", 8, AT),
                        new StoredPack(2, "sql", "{}", 0, AT));
    }
}
