package dev.drillbit.storage.flatfile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbit.daily.RunClaims;
import dev.drillbit.daily.RunClaimsContract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run claims contract on the flat files, plus what is particular to the file. */
class FlatFileRunClaimsContractTest extends RunClaimsContract {
    @TempDir
    Path dir;

    @Override
    protected RunClaims open() {
        return FlatFileRunClaims.open(dir);
    }

    @Test
    void aLastLineTornByACrashIsNoClaim() throws Exception {
        // GIVEN one whole claim and one torn before its claim returned
        Files.writeString(dir.resolve(FlatFileRunClaims.NAME), "1-2-2026-11-22\n1-2-2026-11-2");

        // WHEN the store opens
        RunClaims claims = open();

        // THEN the whole one holds, the torn one can be claimed
        assertThat(claims.claim("1-2-2026-11-22", Instant.EPOCH)).isFalse();
        assertThat(claims.claim("1-2-2026-11-2", Instant.EPOCH)).isTrue();
    }
}
