package dev.drillbit.learning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbit.testsupport.TinyBank;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeckExportTest {
    private static final ReviewCard CARD = new Fsrs().firstReview(Rating.AGAIN, Instant.parse("2026-03-10T12:00:00Z"));

    @Test
    void ankiCsvWithFrontBackTagsQuotedPerRfc4180() {
        // GIVEN a multiple-choice card (an option with quotes and a comma), an open card, and one left the bank
        List<DeckCard> deck = List.of(new DeckCard("a1", CARD), new DeckCard("a3", CARD), new DeckCard("gone", CARD));

        // WHEN
        String csv = DeckExport.csv(TinyBank.bank(), deck);

        // THEN
        assertThat(csv)
                .isEqualTo(
                        "#separator:comma\r\n#html:false\r\n#columns:Front,Back,Tags\r\n#tags column:3\r\n"
                                + "\"Which one, a1?\n\nA. Right\nB. Wrong, \"\"quoted\"\"\nC. Also wrong\","
                                + "\"A. Right\n\nBecause a1.\n\nRead more: https://docs.example.org/a1\",drillbit a junior\r\n"
                                + "Explain a3.,\"The model answer for a3.\n\nKey points:\n• point one\n• point two\n• point three\n"
                                + "• point four\n\nIt matters.\n\nRead more: https://docs.example.org/a3\",drillbit a senior\r\n");
    }

    @Test
    void anEmptyDeckIsOnlyTheHeaders() {
        assertThat(DeckExport.csv(TinyBank.bank(), List.of())).isEqualTo(DeckExport.ANKI_HEADERS);
    }
}
