package dev.drillbit.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import ch.qos.logback.classic.Level;
import dev.drillbit.testsupport.LogCapture;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.requests.restaction.WebhookMessageCreateAction;
import net.dv8tion.jda.api.requests.restaction.WebhookMessageEditAction;
import net.dv8tion.jda.api.requests.restaction.interactions.MessageEditCallbackAction;
import net.dv8tion.jda.api.requests.restaction.interactions.ReplyCallbackAction;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * "Saved before the member is told", with JDA mocked: the deferral comes first, the outcome only once the
 * store's future completed and only on the completions executor, and a failure is withdrawn and told.
 */
class DurableReplyTest {
    private static final String NOTE = "⚠️ not saved, try again";

    /** The completions executor: holds tasks until the test runs them, so "not yet" is observable. */
    private final List<Runnable> pending = new ArrayList<>();

    private final DurableReply durable = new DurableReply(pending::add);
    private final LogCapture log = LogCapture.attach(DurableReply.class.getName(), Level.ERROR);

    private final ButtonInteractionEvent event = mock(ButtonInteractionEvent.class);
    private final InteractionHook hook = mock(InteractionHook.class);
    private final MessageEditCallbackAction deferredEdit = mock(MessageEditCallbackAction.class);
    private final ReplyCallbackAction deferredReply = mock(ReplyCallbackAction.class);
    private final WebhookMessageCreateAction<?> followUp = mock(WebhookMessageCreateAction.class, RETURNS_SELF);
    private final WebhookMessageEditAction<?> edit = mock(WebhookMessageEditAction.class, RETURNS_SELF);
    private final AtomicReference<String> shown = new AtomicReference<>();
    private final AtomicInteger withdrawn = new AtomicInteger();

    @BeforeEach
    @SuppressWarnings({"unchecked", "rawtypes"})
    void setUp() {
        when(event.getHook()).thenReturn(hook);
        when(event.deferEdit()).thenReturn(deferredEdit);
        when(event.deferReply(anyBoolean())).thenReturn(deferredReply);
        when(hook.sendMessage(anyString())).thenReturn((WebhookMessageCreateAction) followUp);
        when(hook.editOriginal(any(MessageEditData.class))).thenReturn((WebhookMessageEditAction) edit);
    }

    @AfterEach
    void detach() {
        log.close();
    }

    private void runCompletions() {
        List<Runnable> now = List.copyOf(pending);
        pending.clear();
        now.forEach(Runnable::run);
    }

    private String withdraw() {
        withdrawn.incrementAndGet();
        return NOTE;
    }

    @Test
    @DisplayName(
            "GIVEN a slow store WHEN recording THEN the edit is deferred at once and the outcome waits for the store")
    void outcomeWaitsForTheStore() {
        CompletableFuture<String> store = new CompletableFuture<>();

        durable.edit(event, "answer user=3", () -> store, (h, result) -> shown.set(result), this::withdraw);

        verify(deferredEdit).queue();
        runCompletions();
        assertThat(shown).hasValue(null);

        store.complete("durable");
        assertThat(shown)
                .as("not on the thread that completed the store's future")
                .hasValue(null);
        runCompletions();

        assertThat(shown).hasValue("durable");
        assertThat(withdrawn).hasValue(0);
        verify(hook, never()).sendMessage(anyString());
    }

    @Test
    @DisplayName(
            "GIVEN a failed save after an edit deferral THEN withdrawn, logged unwrapped, told in an ephemeral follow-up")
    void failureAfterEditIsWithdrawnAndToldPrivately() {
        CompletableFuture<String> store =
                CompletableFuture.failedFuture(new CompletionException(new IOException("No space left on device")));

        durable.edit(event, "answer user=3", () -> store, (h, result) -> shown.set(result), this::withdraw);
        runCompletions();

        assertThat(shown).hasValue(null);
        assertThat(withdrawn).hasValue(1);
        verify(hook).sendMessage(NOTE);
        verify(followUp).setEphemeral(true);
        verify(followUp).queue();
        verify(hook, never()).editOriginal(any(MessageEditData.class));
        assertThat(log.lines())
                .containsExactly("ERROR " + DurableReply.class.getName()
                        + ": answer user=3 not saved (java.io.IOException: No space" + " left on device)");
    }

    @Test
    @DisplayName("GIVEN a store that throws instead of failing its future THEN it is handled as a failed save")
    void throwingStoreIsAFailedSave() {
        durable.edit(
                event,
                "answer user=3",
                () -> {
                    throw new IllegalStateException("the score store is closed");
                },
                (h, result) -> shown.set(String.valueOf(result)),
                this::withdraw);
        runCompletions();

        verify(deferredEdit).queue();
        assertThat(withdrawn).hasValue(1);
        verify(hook).sendMessage(NOTE);
    }

    @Test
    @DisplayName(
            "GIVEN a private reply deferral WHEN the save fails THEN the reply becomes the note, without embeds or buttons")
    void failureAfterPrivateReplyReplacesIt() {
        durable.privateReply(
                event,
                "forget guild=1",
                () -> CompletableFuture.failedFuture(new IOException("EIO")),
                (h, result) -> shown.set(String.valueOf(result)),
                this::withdraw);
        runCompletions();

        verify(event).deferReply(true);
        verify(deferredReply).queue();
        verify(event, never()).deferEdit();
        ArgumentCaptor<MessageEditData> note = ArgumentCaptor.forClass(MessageEditData.class);
        verify(hook).editOriginal(note.capture());
        assertThat(note.getValue().getContent()).isEqualTo(NOTE);
        assertThat(note.getValue().getEmbeds()).isEmpty();
        assertThat(note.getValue().getComponents()).isEmpty();
        verify(edit).queue();
        verify(hook, never()).sendMessage(anyString());
    }

    @Test
    @DisplayName(
            "GIVEN a durable save WHEN rendering it throws THEN the member is told something went wrong, nothing withdrawn")
    void renderingFailureIsTold() {
        durable.edit(
                event,
                "answer user=3",
                () -> CompletableFuture.completedFuture("durable"),
                (h, result) -> {
                    throw new IllegalStateException("bug in a view");
                },
                this::withdraw);
        runCompletions();

        assertThat(withdrawn).hasValue(0);
        verify(hook).sendMessage(Messages.FAILED);
        verify(followUp).queue();
    }
}
