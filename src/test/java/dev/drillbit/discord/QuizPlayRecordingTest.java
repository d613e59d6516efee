package dev.drillbit.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.drillbit.bank.Question;
import dev.drillbit.bank.QuestionFilter;
import dev.drillbit.bank.QuestionType;
import dev.drillbit.progress.Answer;
import dev.drillbit.progress.AnswerEvent;
import dev.drillbit.progress.GuildZones;
import dev.drillbit.progress.ScoreStore;
import dev.drillbit.quiz.Owner;
import dev.drillbit.quiz.QuizEngine;
import dev.drillbit.quiz.QuizSession;
import dev.drillbit.quiz.QuizSpec;
import dev.drillbit.quiz.Scoring;
import dev.drillbit.quiz.StartOutcome;
import dev.drillbit.testsupport.Fixtures;
import dev.drillbit.testsupport.ManualTime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.requests.restaction.WebhookMessageCreateAction;
import net.dv8tion.jda.api.requests.restaction.WebhookMessageEditAction;
import net.dv8tion.jda.api.requests.restaction.interactions.MessageEditCallbackAction;
import net.dv8tion.jda.api.requests.restaction.interactions.ReplyCallbackAction;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.junit.jupiter.MockitoExtension;
import org.mockito.junit.jupiter.MockitoSettings;
import org.mockito.quality.Strictness;

/**
 * How a quiz answer meets the score store, with JDA mocked: acknowledged with the right deferral, recorded,
 * and withdrawn when it could not be saved, so that the member may answer again. The general rules of
 * saving before telling (a store that throws, the executor, the log line) are {@link DurableReplyTest}'s.
 */
@ExtendWith(MockitoExtension.class)
@MockitoSettings(strictness = Strictness.LENIENT)
class QuizPlayRecordingTest {
    private static final long GUILD = 1;
    private static final long CHANNEL = 2;
    private static final long USER = 3;

    private final ManualTime time = ManualTime.at("2026-11-23T09:00:00Z");
    private final ScoreStore store = mock(ScoreStore.class);
    private QuizEngine engine;
    private QuizPlay play;
    private QuizSession session;

    private ButtonInteractionEvent event;
    private InteractionHook hook;
    private MessageEditCallbackAction deferred;
    private WebhookMessageCreateAction<?> followUp;
    private WebhookMessageEditAction<?> edit;

    @BeforeEach
    @SuppressWarnings({"unchecked", "rawtypes"})
    void setUp() {
        var bank = Fixtures.goodBank();
        Scoring scoring = new Scoring(Duration.ofSeconds(30), true);
        engine = new QuizEngine(
                bank,
                scoring,
                new QuizEngine.Settings(Duration.ofMinutes(15), 100),
                time,
                time,
                new Random(1),
                summary -> {});
        QuestionView questions = new QuestionView(bank, scoring);
        RevealView reveals = new RevealView(bank);
        SummaryView summaries = new SummaryView(bank);
        play = new QuizPlay(
                engine,
                store,
                GuildZones.utc(),
                new DurableReply(Runnable::run),
                questions,
                reveals,
                summaries,
                new GroupBoard(engine, new Channels(), questions, reveals, summaries));
        StartOutcome started = engine.start(
                Owner.solo(GUILD, CHANNEL, USER),
                new QuizSpec(QuestionFilter.ANY.withTypes(Set.of(QuestionType.TRUE_FALSE)), 1));
        session = ((StartOutcome.Started) started).session();

        event = mock(ButtonInteractionEvent.class);
        User user = mock(User.class);
        when(user.getIdLong()).thenReturn(USER);
        when(event.getUser()).thenReturn(user);
        hook = mock(InteractionHook.class);
        when(event.getHook()).thenReturn(hook);
        deferred = mock(MessageEditCallbackAction.class);
        when(event.deferEdit()).thenReturn(deferred);
        ReplyCallbackAction reply = mock(ReplyCallbackAction.class);
        when(event.reply(anyString())).thenReturn(reply);
        when(reply.setEphemeral(anyBoolean())).thenReturn(reply);
        followUp = mock(WebhookMessageCreateAction.class);
        when(hook.sendMessage(anyString())).thenReturn((WebhookMessageCreateAction) followUp);
        when(followUp.setEphemeral(anyBoolean())).thenReturn((WebhookMessageCreateAction) followUp);
        edit = mock(WebhookMessageEditAction.class);
        when(hook.editOriginal(any(MessageEditData.class))).thenReturn((WebhookMessageEditAction) edit);
    }

    private void pressTheRightButton() {
        Question.TrueFalse question = (Question.TrueFalse) session.current();
        play.onButton(
                event, new ComponentId(QuestionView.PREFIX, session.id(), 0, AnswerAction.truth(question.answer())));
    }

    @Test
    @DisplayName("the outcome is shown only after the store has the answer on disk; the ack is a deferral")
    void outcomeWaitsForTheStore() {
        CompletableFuture<AnswerEvent> durable = new CompletableFuture<>();
        when(store.record(any(Answer.class))).thenReturn(durable);

        pressTheRightButton();

        verify(deferred).queue();
        verify(hook, never()).editOriginal(any(MessageEditData.class));
        verify(store).record(any(Answer.class));

        durable.complete(mock(AnswerEvent.class));

        verify(hook).editOriginal(any(MessageEditData.class));
        verify(edit).queue();
        verify(hook, never()).sendMessage(anyString());
    }

    @Test
    @DisplayName("the store fails: an ephemeral 'not saved, answer again', and the member can answer again")
    void storeFailureIsToldAndTheAnswerWithdrawn() {
        when(store.record(any(Answer.class)))
                .thenReturn(CompletableFuture.failedFuture(
                        new UncheckedIOException(new IOException("No space left on device"))));

        pressTheRightButton();

        verify(deferred).queue();
        verify(hook).sendMessage(Messages.NOT_SAVED_TRY_AGAIN);
        verify(followUp).setEphemeral(true);
        verify(followUp).queue();
        verify(hook, never()).editOriginal(any(MessageEditData.class));
        verify(event, never()).reply(anyString());
        assertThat(engine.refusal(session.id(), USER, 0)).isEmpty();
        // a solo quiz always has its owner's standing: allSatisfy alone would also pass on an empty list
        assertThat(session.summary().standings()).singleElement().satisfies(s -> {
            assertThat(s.userId()).isEqualTo(USER);
            assertThat(s.answered()).isZero();
        });

        when(store.record(any(Answer.class))).thenReturn(CompletableFuture.completedFuture(mock(AnswerEvent.class)));
        pressTheRightButton();
        verify(hook).editOriginal(any(MessageEditData.class));
    }

    @Test
    @DisplayName("a group answer: acknowledged with a private deferred reply, which says 'not saved' on failure")
    @SuppressWarnings({"unchecked", "rawtypes"})
    void groupAnswerNotSavedEditsThePrivateReply() {
        session = ((StartOutcome.Started) engine.start(
                        Owner.group(GUILD, CHANNEL),
                        new QuizSpec(QuestionFilter.ANY.withTypes(Set.of(QuestionType.TRUE_FALSE)), 1)))
                .session();
        ReplyCallbackAction deferredReply = mock(ReplyCallbackAction.class);
        when(event.deferReply(true)).thenReturn(deferredReply);
        when(store.record(any(Answer.class))).thenReturn(CompletableFuture.failedFuture(new IOException("EIO")));

        pressTheRightButton();

        verify(deferredReply).queue();
        verify(event, never()).deferEdit();
        ArgumentCaptor<MessageEditData> note = ArgumentCaptor.forClass(MessageEditData.class);
        verify(hook).editOriginal(note.capture());
        assertThat(note.getValue().getContent()).isEqualTo(Messages.NOT_SAVED_TRY_AGAIN);
        verify(edit).queue();
        assertThat(engine.refusal(session.id(), USER, 0)).isEmpty();
    }
}
