package dev.drillbit.storage.flatfile;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drillbit.insights.FlagStore;
import dev.drillbit.insights.FlagStoreContract;
import dev.drillbit.storage.DataFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The question reports' file: the contract and a damaged file. */
class FlatFileFlagStoreTest {
    @TempDir
    Path dir;

    /** The flag store contract against the flat file. */
    @Nested
    class Contract extends FlagStoreContract {
        @Override
        protected FlagStore open() {
            return FlatFileFlagStore.open(dir);
        }
    }

    @Test
    void aDamagedFileStopsTheOpen() throws IOException {
        // GIVEN
        Files.writeString(dir.resolve("flags.json"), "{\"format\":\"drillbit-flags\",\"version\":1,\"flags\":[{}]}");
        // WHEN / THEN
        assertThatThrownBy(() -> FlatFileFlagStore.open(dir))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining("flags.json");
    }
}
