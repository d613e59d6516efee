package dev.drillbit.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.drillbit.bank.Question;
import dev.drillbit.bank.QuestionBank;
import dev.drillbit.daily.DailyRun;
import dev.drillbit.daily.DailyScheduler;
import dev.drillbit.daily.RunAnswerOutcome;
import dev.drillbit.daily.ScheduleId;
import dev.drillbit.daily.ScheduleInput;
import dev.drillbit.daily.ScheduleParse;
import dev.drillbit.daily.ScheduleParser;
import dev.drillbit.progress.Answer;
import dev.drillbit.progress.AnswerEvent;
import dev.drillbit.progress.ScoreStore;
import dev.drillbit.quiz.Response;
import dev.drillbit.testsupport.Fixtures;
import dev.drillbit.testsupport.ManualTime;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.requests.restaction.WebhookMessageEditAction;
import net.dv8tion.jda.api.requests.restaction.interactions.ReplyCallbackAction;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;

/**
 * How a daily run's answer meets the score store, with JDA mocked and a real scheduler: acknowledged at
 * once with a private deferral, the outcome shown only after the store's future completes, and an honest
 * note when the store fails (the answer still counts in the run, which keeps it durably first).
 */
class DailyAnswerRecordingTest {
    private static final long GUILD = 1;
    private static final long CHANNEL = 2;
    private static final long USER = 3;

    @TempDir
    Path dir;

    private final ManualTime time = ManualTime.at("2026-11-23T09:00:00Z");
    private final ScoreStore store = mock(ScoreStore.class);
    private final QuestionBank bank = Fixtures.goodBank();
    private DailyScheduler scheduler;
    private DailyCommand command;
    private DailyRun run;
    private int truthPosition;

    private ButtonInteractionEvent event;
    private InteractionHook hook;
    private ReplyCallbackAction deferred;
    private WebhookMessageEditAction<?> edit;

    @BeforeEach
    @SuppressWarnings({"unchecked", "rawtypes"})
    void setUp() {
        scheduler = DailyScheduler.open(
                dev.drillbit.storage.flatfile.FlatFileDailyRepository.open(dir),
                bank,
                null,
                time,
                new Random(1),
                DailyScheduler.Settings.defaults());
        ScheduleInput input = ScheduleInput.of(GUILD, CHANNEL, 9, "23:00", "UTC")
                .withSteps("sql")
                .withCount(3);
        scheduler.set(((ScheduleParse.Valid) new ScheduleParser(bank).parse(input, time.instant())).schedule());
        run = ((DailyScheduler.StartNow.Started) scheduler.startNow(new ScheduleId(GUILD, CHANNEL), time.instant()))
                .action()
                .run();
        truthPosition = run.questionIds()
                .indexOf(run.questionIds().stream()
                        .filter(id -> bank.question(id).orElseThrow() instanceof Question.TrueFalse)
                        .findFirst()
                        .orElseThrow());
        command = new DailyCommand(
                scheduler,
                dev.drillbit.bank.GuildBanks.only(bank),
                store,
                null,
                new DailyView(bank),
                time,
                new DurableReply(Runnable::run));

        event = mock(ButtonInteractionEvent.class);
        User user = mock(User.class);
        when(user.getIdLong()).thenReturn(USER);
        when(event.getUser()).thenReturn(user);
        hook = mock(InteractionHook.class);
        when(event.getHook()).thenReturn(hook);
        deferred = mock(ReplyCallbackAction.class);
        when(event.deferReply(true)).thenReturn(deferred);
        edit = mock(WebhookMessageEditAction.class, RETURNS_SELF);
        when(hook.editOriginal(anyString())).thenReturn((WebhookMessageEditAction) edit);
        when(hook.editOriginal(any(MessageEditData.class))).thenReturn((WebhookMessageEditAction) edit);
    }

    @AfterEach
    void close() {
        scheduler.close();
    }

    private void pressTheRightButton() {
        Question.TrueFalse question = (Question.TrueFalse)
                bank.question(run.questionIds().get(truthPosition)).orElseThrow();
        command.onButton(event, DailyView.id(run.id(), truthPosition, AnswerAction.truth(question.answer())));
    }

    @Test
    @DisplayName("the outcome is shown only after the store has the answer on disk; the ack is a private deferral")
    void outcomeWaitsForTheStore() {
        CompletableFuture<AnswerEvent> durable = new CompletableFuture<>();
        ArgumentCaptor<Answer> recorded = ArgumentCaptor.forClass(Answer.class);
        when(store.record(recorded.capture())).thenReturn(durable);

        pressTheRightButton();

        verify(deferred).queue();
        verify(hook, never()).editOriginal(anyString());
        assertThat(recorded.getValue().guildId()).isEqualTo(GUILD);
        assertThat(recorded.getValue().userId()).isEqualTo(USER);

        durable.complete(mock(AnswerEvent.class));

        verify(hook).editOriginal("");
        verify(edit).queue();
    }

    @Test
    @DisplayName("the store fails: the member is told the answer counts today but the points may be missing")
    void storeFailureIsToldHonestly() {
        when(store.record(any(Answer.class))).thenReturn(CompletableFuture.failedFuture(new IOException("EIO")));

        pressTheRightButton();

        ArgumentCaptor<MessageEditData> note = ArgumentCaptor.forClass(MessageEditData.class);
        verify(hook).editOriginal(note.capture());
        assertThat(note.getValue().getContent()).startsWith("⚠️ Your answer counts in today's results,");
        assertThat(scheduler.answer(run.id(), USER, truthPosition, new Response.Truth(true)))
                .isInstanceOf(RunAnswerOutcome.AlreadyAnswered.class);
    }
}
