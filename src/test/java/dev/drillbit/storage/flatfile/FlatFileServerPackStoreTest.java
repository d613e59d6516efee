package dev.drillbit.storage.flatfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drillbit.packs.ServerPackStore;
import dev.drillbit.packs.ServerPackStoreContract;
import dev.drillbit.packs.StoredPack;
import dev.drillbit.storage.DataFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server packs' files: the contract, the lock, and a damaged file. */
class FlatFileServerPackStoreTest {
    @TempDir
    Path dir;

    /** The server pack store contract against the flat files. */
    @Nested
    class Contract extends ServerPackStoreContract {
        @Override
        protected ServerPackStore open() {
            return FlatFileServerPackStore.open(dir);
        }
    }

    @Test
    void aSecondStoreOnTheSameFolderIsRefused() {
        // GIVEN
        try (FlatFileServerPackStore first = FlatFileServerPackStore.open(dir)) {
            // WHEN / THEN
            assertThatThrownBy(() -> FlatFileServerPackStore.open(dir))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already open");
        }
    }

    @Test
    void aDamagedPackFileStopsTheOpenAndIsLeftAlone() throws IOException {
        // GIVEN
        try (FlatFileServerPackStore store = FlatFileServerPackStore.open(dir)) {
            store.put(new StoredPack(1, "sql", "{}", 7, Instant.parse("2026-03-01T10:00:00Z")));
        }
        Path file = dir.resolve("1-sql.json");
        Files.writeString(file, "{\"format\":\"drillbit-server-pack\",\"version\":1,\"guild\":1");
        // WHEN / THEN
        assertThatThrownBy(() -> FlatFileServerPackStore.open(dir))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining("1-sql.json");
        assertThat(Files.readString(file)).endsWith("\"guild\":1");
    }

    @Test
    void aLeftoverTempFileFromACrashIsIgnoredAndDeleted() throws IOException {
        // GIVEN
        Files.writeString(dir.resolve("1-sql.json.tmp"), "half a pack");
        // WHEN
        try (FlatFileServerPackStore store = FlatFileServerPackStore.open(dir)) {
            // THEN
            assertThat(store.all()).isEmpty();
        }
        assertThat(dir.resolve("1-sql.json.tmp")).doesNotExist();
    }
}
