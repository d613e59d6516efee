package dev.drillbit.storage.flatfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drillbit.packs.Suggestion;
import dev.drillbit.packs.SuggestionStore;
import dev.drillbit.packs.SuggestionStoreContract;
import dev.drillbit.storage.DataFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The suggestions' files: the contract, the lock, a damaged file and a crash's leftover. */
class FlatFileSuggestionStoreTest {
    @TempDir
    Path dir;

    /** The suggestion store contract against the flat files. */
    @Nested
    class Contract extends SuggestionStoreContract {
        @Override
        protected SuggestionStore open() {
            return FlatFileSuggestionStore.open(dir);
        }
    }

    @Test
    void aSecondStoreOnTheSameFolderIsRefused() {
        // GIVEN
        try (FlatFileSuggestionStore first = FlatFileSuggestionStore.open(dir)) {
            // WHEN / THEN
            assertThatThrownBy(() -> FlatFileSuggestionStore.open(dir))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already open");
        }
    }

    @Test
    void aDamagedFileStopsTheOpenAndIsLeftAlone() throws IOException {
        // GIVEN
        try (FlatFileSuggestionStore store = FlatFileSuggestionStore.open(dir)) {
            store.add(Suggestion.draft(1, 7, "sql", "{}", Instant.parse("2026-03-01T10:00:00Z")));
        }
        Path file = dir.resolve("1.json");
        Files.writeString(file, "{\"format\":\"drillbit-suggestions\",\"version\":1,\"guild\":1");
        // WHEN / THEN
        assertThatThrownBy(() -> FlatFileSuggestionStore.open(dir))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining("1.json");
        assertThat(Files.readString(file)).endsWith("\"guild\":1");
    }

    @Test
    void aLeftoverTempFileFromACrashIsIgnoredAndDeleted() throws IOException {
        // GIVEN
        Files.writeString(dir.resolve("1.json.tmp"), "half a file");
        // WHEN
        try (FlatFileSuggestionStore store = FlatFileSuggestionStore.open(dir)) {
            // THEN
            assertThat(store.open(1)).isEmpty();
        }
        assertThat(dir.resolve("1.json.tmp")).doesNotExist();
    }
}
