package dev.drillbit.storage.flatfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drillbit.progress.GuildZones;
import dev.drillbit.progress.MemberRef;
import dev.drillbit.storage.DataFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file behind the reminder claims; the contract is in {@link Contract}. */
class FlatFileReminderClaimsTest {

    /** The reminder claims contract against the flat file. */
    @org.junit.jupiter.api.Nested
    class Contract extends dev.drillbit.learning.ReminderClaimsContract {
        @Override
        protected dev.drillbit.learning.ReminderClaims open(GuildZones zones) {
            return FlatFileReminderClaims.open(dir, zones);
        }
    }

    private static final MemberRef ANN = new MemberRef(1, 10);
    private static final MemberRef BEN = new MemberRef(1, 11);
    private static final Instant MORNING = Instant.parse("2026-11-23T08:00:00Z");

    @TempDir
    Path dir;

    @Test
    @org.junit.jupiter.api.DisplayName("the file holds only the current day, and forget rewrites it without the member")
    void theFileKeepsOnlyTheCurrentDay() throws Exception {
        FlatFileReminderClaims log = FlatFileReminderClaims.open(dir, GuildZones.utc());
        log.claim(List.of(ANN), MORNING);
        log.claim(List.of(BEN), MORNING.plusSeconds(24 * 3600));

        String file = Files.readString(dir.resolve(FlatFileReminderClaims.NAME));
        assertThat(file)
                .startsWith("{\"format\":\"drillbit-reminders-sent\",\"version\":1,")
                .contains("[1,11,")
                .doesNotContain("[1,10,");
        assertThat(Files.exists(dir.resolve(FlatFileReminderClaims.NAME + ".tmp")))
                .isFalse();
    }

    @Test
    void aDamagedFileIsRefusedNamingIt() throws Exception {
        Files.writeString(
                dir.resolve(FlatFileReminderClaims.NAME),
                "{\"format\":\"drillbit-reminders-sent\",\"version\":1," + "\"sent\":[[1,2]]}");
        assertThatThrownBy(() -> FlatFileReminderClaims.open(dir, GuildZones.utc()))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining(FlatFileReminderClaims.NAME)
                .hasMessageContaining("delete the file");

        Files.writeString(
                dir.resolve(FlatFileReminderClaims.NAME), "{\"format\":\"drillbit-reminders-sent\",\"version\":2}");
        assertThatThrownBy(() -> FlatFileReminderClaims.open(dir, GuildZones.utc()))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining("newer");
    }
}
