package dev.drillbit.storage.flatfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drillbit.progress.ForgetEvent;
import dev.drillbit.progress.JournalEntry;
import dev.drillbit.progress.ReminderEvent;
import dev.drillbit.storage.DataFileException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a journal on two threads ({@link JournalFile#readAhead}) gives what reading it on one does. */
class JournalReadAheadTest {
    private static final int ENTRIES = 10_000; // several of the decoder's batches

    @TempDir
    Path dir;

    private Path journal(int damagedAt, boolean tornTail) throws IOException {
        StringBuilder out = new StringBuilder(new String(JournalFile.header(3), StandardCharsets.US_ASCII));
        for (int i = 1; i <= ENTRIES; i++) {
            if (i == damagedAt) {
                out.append("{\"id\":").append(i).append(",\"kind\":\"forget\",\"guild\n");
                continue;
            }
            JournalEntry entry = i % 3 == 0
                    ? new ReminderEvent(i, 0, i, i % 2 == 0, Instant.ofEpochMilli(1_000L * i))
                    : new ForgetEvent(i, 7, i, Instant.ofEpochMilli(1_000L * i));
            EntryCodec.encode(entry, out);
        }
        if (tornTail) {
            out.append("{\"id\":").append(ENTRIES + 1).append(",\"ki");
        }
        Path file = dir.resolve(JournalFile.name(3));
        Files.writeString(file, out, StandardCharsets.US_ASCII);
        return file;
    }

    @Test
    void givesTheSameEntriesInTheSameOrderAndTheSameEnd() throws IOException {
        Path file = journal(-1, true);
        List<JournalEntry> one = new ArrayList<>();
        List<JournalEntry> two = new ArrayList<>();

        JournalFile.Scan read = JournalFile.read(file, 3, Long.MAX_VALUE, 0, false, one::add);
        JournalFile.Scan ahead = JournalFile.readAhead(file, 3, Long.MAX_VALUE, 0, two::add);

        assertThat(two).hasSize(ENTRIES).isEqualTo(one);
        assertThat(ahead).isEqualTo(read);
        assertThat(ahead.tornBytes()).isPositive();
    }

    @Test
    void aDamagedLineStopsTheReadAfterEveryEntryBeforeItWentToTheSink() throws IOException {
        Path file = journal(7_000, false);
        List<JournalEntry> one = new ArrayList<>();
        List<JournalEntry> two = new ArrayList<>();
        Throwable onOneThread = org.assertj.core.api.Assertions.catchThrowable(
                () -> JournalFile.read(file, 3, Long.MAX_VALUE, 0, false, one::add));

        assertThatThrownBy(() -> JournalFile.readAhead(file, 3, Long.MAX_VALUE, 0, two::add))
                .isInstanceOf(DataFileException.class)
                .hasMessage(onOneThread.getMessage());
        assertThat(two).hasSize(6_999).isEqualTo(one);
    }

    @Test
    void aWrongHeaderIsRefusedAsOnOneThread() throws IOException {
        Path file = journal(-1, false);

        assertThatThrownBy(() -> JournalFile.readAhead(file, 4, Long.MAX_VALUE, 0, e -> {}))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining("header says generation 3 but the file name says 4");
    }

    @Test
    void aFailingSinkStopsTheReadWithItsOwnFailure() throws IOException {
        Path file = journal(-1, false);
        List<JournalEntry> seen = new ArrayList<>();

        assertThatThrownBy(() -> JournalFile.readAhead(file, 3, Long.MAX_VALUE, 0, e -> {
                    if (seen.size() == 5_000) {
                        throw new IllegalStateException("the sink gave up");
                    }
                    seen.add(e);
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the sink gave up");
        assertThat(seen).hasSize(5_000);
    }
}
