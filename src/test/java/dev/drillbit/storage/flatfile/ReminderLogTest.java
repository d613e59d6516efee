package dev.drillbit.storage.flatfile;

import dev.drillbit.progress.GuildZones;
import dev.drillbit.progress.MemberRef;
import dev.drillbit.storage.DataFileException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReminderLogTest {
    private static final MemberRef ANN = new MemberRef(1, 10);
    private static final MemberRef BEN = new MemberRef(1, 11);
    private static final Instant MORNING = Instant.parse("2026-11-23T08:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aMemberIsClaimedOnceADayEvenAcrossARestart() {
        // GIVEN Ann reminded this morning
        ReminderLog log = ReminderLog.open(dir, GuildZones.utc());
        assertThat(log.claim(List.of(ANN), MORNING)).containsExactly(ANN);

        // WHEN the bot restarts and both are due in the evening
        ReminderLog reopened = ReminderLog.open(dir, GuildZones.utc());

        // THEN only Ben is reminded; and the next day both are again
        assertThat(reopened.claim(List.of(ANN, BEN), MORNING.plusSeconds(12 * 3600))).containsExactly(BEN);
        assertThat(reopened.claim(List.of(ANN, BEN), MORNING.plusSeconds(12 * 3600))).isEmpty();
        assertThat(reopened.claim(List.of(ANN, BEN), MORNING.plusSeconds(24 * 3600))).containsExactly(ANN, BEN);
    }

    @Test
    void theFileKeepsOnlyTheCurrentDay() throws Exception {
        ReminderLog log = ReminderLog.open(dir, GuildZones.utc());
        log.claim(List.of(ANN), MORNING);
        log.claim(List.of(BEN), MORNING.plusSeconds(24 * 3600));

        String file = Files.readString(dir.resolve(ReminderLog.NAME));
        assertThat(file).startsWith("{\"format\":\"drillbit-reminders-sent\",\"version\":1,").contains("[1,11,")
                .doesNotContain("[1,10,");
        assertThat(Files.exists(dir.resolve(ReminderLog.NAME + ".tmp"))).isFalse();
    }

    @Test
    void aDamagedFileIsRefusedNamingIt() throws Exception {
        Files.writeString(dir.resolve(ReminderLog.NAME), "{\"format\":\"drillbit-reminders-sent\",\"version\":1,"
                + "\"sent\":[[1,2]]}");
        assertThatThrownBy(() -> ReminderLog.open(dir, GuildZones.utc())).isInstanceOf(DataFileException.class)
                .hasMessageContaining(ReminderLog.NAME).hasMessageContaining("delete the file");

        Files.writeString(dir.resolve(ReminderLog.NAME), "{\"format\":\"drillbit-reminders-sent\",\"version\":2}");
        assertThatThrownBy(() -> ReminderLog.open(dir, GuildZones.utc())).isInstanceOf(DataFileException.class)
                .hasMessageContaining("newer");
    }
}
