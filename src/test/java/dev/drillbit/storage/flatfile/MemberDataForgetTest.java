package dev.drillbit.storage.flatfile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbit.bank.QuestionBank;
import dev.drillbit.daily.DailyFixtures;
import dev.drillbit.daily.DailyRun;
import dev.drillbit.daily.DailyScheduler;
import dev.drillbit.daily.GroupActivity;
import dev.drillbit.daily.RunAnswerOutcome;
import dev.drillbit.daily.ScheduleId;
import dev.drillbit.daily.ScheduleInput;
import dev.drillbit.learning.Rating;
import dev.drillbit.progress.Answers;
import dev.drillbit.progress.GuildZones;
import dev.drillbit.progress.MemberData;
import dev.drillbit.progress.MemberRef;
import dev.drillbit.quiz.Response;
import dev.drillbit.testsupport.ManualTime;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /data forget} and {@code /me forget} end to end over every flat file, laid out as the bot lays them
 * out: after a server's forget only the person's own learning names them (and weekly reports no longer see
 * them); after {@code /me forget} no file under the data folder holds the member's user id.
 */
class MemberDataForgetTest {
    private static final long GUILD = DailyFixtures.GUILD;
    private static final long FORGOTTEN = 4_242_424_242L;
    private static final long KEPT = 5_151_515_151L;

    @TempDir
    Path data;

    private final ManualTime time = ManualTime.at("2026-11-23T09:00:00Z");
    private final QuestionBank bank = DailyFixtures.bank();

    @Test
    @DisplayName(
            "after a server's forget, only the person's own learning holds the member, and weekly reports leave them out")
    void serverForgetLeavesOnlyThePersonsLearning() throws IOException {
        try (FlatFileScoreStore store =
                        FlatFileScoreStore.open(StoreOptions.defaults(data).withClock(time));
                DailyScheduler daily = daily()) {
            FlatFileReminderClaims reminders = FlatFileReminderClaims.open(data, GuildZones.utc());
            DailyRun run = given(store, daily, reminders);

            // WHEN a moderator forgets the member in the server
            new MemberData(store, List.of(reminders, daily))
                    .forget(GUILD, FORGOTTEN)
                    .join();

            // THEN every line on disk that still names them is their own learning (guild 0), which the server's
            // forget does not reach, while the other member is still there
            assertThat(linesHolding(FORGOTTEN))
                    .isNotEmpty()
                    .allSatisfy(line -> assertThat(line).matches("(?s).*\"guild\":0[,}].*|\\[0," + FORGOTTEN + ",.*"));
            assertThat(filesHolding(KEPT)).isNotEmpty();
            assertThat(store.learner(FORGOTTEN).deck()).isNotEmpty();
            time.advance(Duration.ofHours(1));
            assertThat(daily.runActivity()
                            .pointsByMember(GUILD, time.instant().minus(Duration.ofDays(7)), time.instant()))
                    .extracting(GroupActivity.MemberPoints::userId)
                    .containsExactly(KEPT);
            assertThat(daily.results(run.id()).orElseThrow().members()).hasSize(1);
        }
    }

    @Test
    @DisplayName("after /me forget, no file under the data folder holds the member")
    void forgetEverywhereLeavesNothingOnDisk() throws IOException {
        try (FlatFileScoreStore store =
                        FlatFileScoreStore.open(StoreOptions.defaults(data).withClock(time));
                DailyScheduler daily = daily()) {
            FlatFileReminderClaims reminders = FlatFileReminderClaims.open(data, GuildZones.utc());
            given(store, daily, reminders);
            store.record(Answers.wrong(FORGOTTEN, "sql", time.instant())).join(); // in another server too

            // WHEN the member forgets themselves everywhere
            new MemberData(store, List.of(reminders, daily))
                    .forgetEverywhere(FORGOTTEN)
                    .join();

            // THEN nothing of them is on disk, while the other member still is
            assertThat(filesHolding(FORGOTTEN)).isEmpty();
            assertThat(filesHolding(KEPT)).isNotEmpty();
            assertThat(store.guildsOf(FORGOTTEN)).isEmpty();
        }
    }

    @Test
    @DisplayName("/me forget also erases own ratings given in a server where the member never answered")
    void forgetEverywhereErasesRatingsGivenElsewhere() throws IOException {
        try (FlatFileScoreStore store =
                FlatFileScoreStore.open(StoreOptions.defaults(data).withClock(time))) {
            // GIVEN a member who only rated a card in a server (their deck is theirs, the server holds no answer)
            store.review(GUILD, FORGOTTEN, "sql-001", Rating.GOOD, time.instant())
                    .join();
            store.record(Answers.wrong(KEPT, "sql", time.instant())).join();
            assertThat(store.guildsOf(FORGOTTEN)).containsExactly(MemberRef.PERSONAL);

            // WHEN they forget themselves everywhere
            new MemberData(store, List.of()).forgetEverywhere(FORGOTTEN).join();

            // THEN the rating's journal line is gone too
            assertThat(filesHolding(FORGOTTEN)).isEmpty();
            assertThat(filesHolding(KEPT)).isNotEmpty();
        }
    }

    private DailyScheduler daily() {
        return DailyScheduler.open(
                FlatFileDailyRepository.open(data.resolve("daily")),
                bank,
                null,
                time,
                new Random(1),
                DailyScheduler.Settings.defaults());
    }

    /**
     * The member set a daily schedule, answered its run (points in the store), rated a card, switched the
     * reminder on and was reminded today; another member answered too.
     */
    private DailyRun given(FlatFileScoreStore store, DailyScheduler daily, FlatFileReminderClaims reminders)
            throws IOException {
        daily.set(DailyFixtures.schedule(
                bank, ScheduleInput.of(GUILD, DailyFixtures.CHANNEL, FORGOTTEN, "23:00", "UTC"), time.instant()));
        DailyRun run = ((DailyScheduler.StartNow.Started)
                        daily.startNow(new ScheduleId(GUILD, DailyFixtures.CHANNEL), time.instant()))
                .action()
                .run();
        for (long member : List.of(FORGOTTEN, KEPT)) {
            RunAnswerOutcome.Accepted accepted =
                    (RunAnswerOutcome.Accepted) daily.answer(run.id(), member, 0, new Response.Truth(true));
            store.record(accepted.answer()).join();
        }
        store.review(GUILD, FORGOTTEN, run.questionIds().get(1), Rating.HARD, time.instant())
                .join();
        store.setReminder(FORGOTTEN, true).join();
        reminders.claim(List.of(MemberRef.person(FORGOTTEN), MemberRef.person(KEPT)), time.instant());
        assertThat(filesHolding(FORGOTTEN)).isNotEmpty();
        return run;
    }

    private List<String> linesHolding(long userId) throws IOException {
        String id = Long.toString(userId);
        List<String> out = new java.util.ArrayList<>();
        for (Path f : filesHolding(userId)) {
            String text = Files.readString(f, StandardCharsets.ISO_8859_1);
            // the reminder claims file is one line of rows [guild,user,day]
            for (String line : text.contains("[[")
                    ? List.of(text.split("(?<=\\])\\s*,\\s*(?=\\[)"))
                    : text.lines().toList()) {
                if (line.contains(id)) {
                    out.add(line);
                }
            }
        }
        return out;
    }

    private List<Path> filesHolding(long userId) throws IOException {
        String id = Long.toString(userId);
        try (Stream<Path> files = Files.walk(data)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> {
                        try {
                            return new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains(id);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .toList();
        }
    }
}
