package dev.drillbit.discord;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.callbacks.IMessageEditCallback;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Saved before the member is told", written once for every command that records before it answers
 * (quiz, review, interview, daily, data).
 *
 * <ol>
 *   <li><b>Defer</b> at once, so a slow disk never costs Discord's three seconds: {@code deferEdit} where
 *       the outcome replaces the clicked message, {@code deferReply} (ephemeral) where it is a private
 *       reply. The hook then stays usable for 15 minutes.
 *   <li><b>Record</b>: the command's store call. A call that throws instead of failing its future (a store
 *       closed while shutting down) counts as a failure like any other.
 *   <li><b>Complete</b> on the executor given here, never on the thread that completed the future (the
 *       store's writer, which must not wait for Discord): {@code saved} renders the result through the hook.
 *   <li>On failure, <b>unwrap</b> the {@link CompletionException}, log it once with the command's ids, let
 *       the command <b>withdraw</b> what it counted (its {@code notSaved} returns the note to show), and
 *       <b>tell</b> the member honestly: the private reply becomes the note; after an edit deferral the note
 *       is an ephemeral follow-up, and the clicked message stays as it was.
 * </ol>
 *
 * <p>Thread-safe: no state beyond the executor.
 */
final class DurableReply {
    private static final Logger LOG = LoggerFactory.getLogger(DurableReply.class);

    private final Executor completions;

    /** @param completions runs rendering and replies once the store answered, off the store's threads */
    DurableReply(Executor completions) {
        this.completions = completions;
    }

    /**
     * Defers an edit of the clicked message, records, then shows the outcome in that message.
     *
     * @param what what is recorded and for whom, for the log line of a failure (ids, never free text)
     * @param record starts the durable write
     * @param saved renders the durable result through the hook
     * @param notSaved takes back what was counted and returns the note for the member
     */
    <T> void edit(
            IMessageEditCallback event,
            String what,
            Supplier<CompletableFuture<T>> record,
            BiConsumer<InteractionHook, T> saved,
            Supplier<String> notSaved) {
        event.deferEdit().queue();
        complete(event.getHook(), false, what, record, saved, notSaved);
    }

    /** As {@link #edit}, with a private (ephemeral) reply deferred instead; a failure's note replaces it. */
    <T> void privateReply(
            IReplyCallback event,
            String what,
            Supplier<CompletableFuture<T>> record,
            BiConsumer<InteractionHook, T> saved,
            Supplier<String> notSaved) {
        event.deferReply(true).queue();
        complete(event.getHook(), true, what, record, saved, notSaved);
    }

    private <T> void complete(
            InteractionHook hook,
            boolean privateReply,
            String what,
            Supplier<CompletableFuture<T>> record,
            BiConsumer<InteractionHook, T> saved,
            Supplier<String> notSaved) {
        CompletableFuture<T> stored;
        try {
            stored = record.get();
        } catch (RuntimeException e) {
            stored = CompletableFuture.failedFuture(e);
        }
        stored.whenCompleteAsync(
                (result, failure) -> {
                    if (failure != null) {
                        LOG.error("{} not saved", what, unwrap(failure));
                        tell(hook, privateReply, notSaved.get());
                        return;
                    }
                    try {
                        saved.accept(hook, result);
                    } catch (RuntimeException e) {
                        LOG.error("{} saved, but showing it failed", what, e);
                        tell(hook, privateReply, Messages.FAILED);
                    }
                },
                completions);
    }

    private static void tell(InteractionHook hook, boolean privateReply, String note) {
        if (privateReply) {
            hook.editOriginal(new MessageEditBuilder()
                            .setContent(note)
                            .setEmbeds()
                            .setComponents()
                            .setAllowedMentions(List.of())
                            .build())
                    .queue();
        } else {
            hook.sendMessage(note).setEphemeral(true).queue();
        }
    }

    static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
