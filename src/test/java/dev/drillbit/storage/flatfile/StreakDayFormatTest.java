package dev.drillbit.storage.flatfile;

import static dev.drillbit.progress.Answers.GUILD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbit.progress.Answers;
import dev.drillbit.testsupport.Fixtures;
import dev.drillbit.testsupport.ManualTime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Answer lines keep the day their streak counts ({@code "day"}, an optional field of journal format 2);
 * lines written before it existed are still read, their day cut in the guild's zone of the moment.
 */
class StreakDayFormatTest {
    private static final String JOURNAL = "journal-000000000001.jsonl";
    private final ManualTime time = ManualTime.at("2026-03-10T12:00:00Z");

    @TempDir
    Path dir;

    private FlatFileScoreStore open(Path folder, ZoneId zone) {
        return FlatFileScoreStore.open(StoreOptions.defaults(folder)
                .withClock(time)
                .withZones(guild -> zone)
                .withCompactEvery(1_000_000));
    }

    private FlatFileScoreStore open(ZoneId zone) {
        return open(dir, zone);
    }

    /** The old journal's best streak, read in {@code zone}. */
    private int bestStreakOfTheOldJournalIn(String zone) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(zone.replace('/', '-')));
        Files.copy(Fixtures.resource("progress/answers-without-day/" + JOURNAL), folder.resolve(JOURNAL));
        try (FlatFileScoreStore store = open(folder, ZoneId.of(zone))) {
            assertThat(store.history(GUILD, 7)).hasSize(2).allSatisfy(a -> {
                assertThat(a.day()).isEmpty();
                assertThat(a.choice()).hasValue(1);
            });
            return store.memberStats(GUILD, 7).orElseThrow().bestStreak();
        }
    }

    @Test
    @DisplayName("an old journal without days is read; its days are cut in the zone the guild has now")
    void oldLinesFollowTheCurrentZone() throws IOException {
        // GIVEN a journal written before answers kept their day: 16:00Z on 8 March and 14:00Z on 9 March
        // WHEN it is read for a guild in UTC, and for one in Tokyo (where both are 9 March)
        int inUtc = bestStreakOfTheOldJournalIn("UTC");
        int inTokyo = bestStreakOfTheOldJournalIn("Asia/Tokyo");

        // THEN the days follow each zone, as before days were kept
        assertThat(inUtc).isEqualTo(2);
        assertThat(inTokyo).isEqualTo(1);
    }

    @Test
    @DisplayName("a new answer line carries its day, and replay uses it whatever the zone is then")
    void newLinesCarryTheirDay() throws IOException {
        try (FlatFileScoreStore store = open(ZoneId.of("Asia/Tokyo"))) {
            store.record(Answers.right(7, 10, "2026-03-08T16:00:00Z")).join();
        }

        List<String> lines = Files.readAllLines(dir.resolve("history").resolve(JOURNAL));

        assertThat(lines.get(1))
                .endsWith(",\"day\":" + java.time.LocalDate.parse("2026-03-09").toEpochDay() + "}");
    }
}
