package dev.drillbit.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbit.bank.QuestionBank;
import dev.drillbit.daily.DailyScheduler;
import dev.drillbit.daily.ScheduleId;
import dev.drillbit.daily.ScheduleInput;
import dev.drillbit.daily.ScheduleParse;
import dev.drillbit.daily.ScheduleParser;
import dev.drillbit.progress.GuildZones;
import dev.drillbit.testsupport.Fixtures;
import dev.drillbit.testsupport.ManualTime;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one place that decides a guild's time zone follows its daily quiz schedule. */
class GuildZonesWiringTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("a guild's zone is its earliest daily schedule's, UTC without one, and follows removal")
    void zoneFollowsTheSchedule() {
        QuestionBank bank = Fixtures.goodBank();
        ManualTime time = ManualTime.at("2026-11-23T09:00:00Z");
        try (DailyScheduler daily = DailyScheduler.open(
                dev.drillbit.storage.flatfile.FlatFileDailyRepository.open(dir),
                bank,
                null,
                time,
                new Random(1),
                DailyScheduler.Settings.defaults())) {
            GuildZones zones = Bot.zones(daily);
            ScheduleParser parser = new ScheduleParser(bank);
            daily.set(((ScheduleParse.Valid)
                            parser.parse(ScheduleInput.of(1, 10, 5, "09:00", "Europe/Berlin"), time.instant()))
                    .schedule());
            time.advance(Duration.ofMinutes(1));
            daily.set(((ScheduleParse.Valid)
                            parser.parse(ScheduleInput.of(1, 11, 5, "09:00", "Asia/Tokyo"), time.instant()))
                    .schedule());

            assertThat(zones.zoneOf(1)).isEqualTo(ZoneId.of("Europe/Berlin"));
            assertThat(zones.zoneOf(2)).isEqualTo(ZoneOffset.UTC);
            daily.remove(new ScheduleId(1, 10));
            assertThat(zones.zoneOf(1)).isEqualTo(ZoneId.of("Asia/Tokyo"));
        }
    }
}
