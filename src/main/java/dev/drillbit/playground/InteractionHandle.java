package dev.drillbit.playground;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An interaction the stand-in sent to the bot on a member's behalf, and how the bot answered it.
 *
 * <p>Awaiting never sleeps: each {@code await…} blocks on a future completed by the REST thread that
 * received the bot's request, up to the given timeout, and fails with an {@link AssertionError} naming
 * the interaction on timeout (so tests read naturally). Thread-safe.
 */
public final class InteractionHandle {
    /** The bot's callback: its {@code type} (4 message, 5 deferred, 6 deferred update, 7 update, 8 choices, 9 modal) and {@code data}. */
    public record Callback(int type, JsonNode data) {}

    private final long id;
    private final String token;
    private final int type;
    private final String description;
    private final LocalMember member;
    private final LocalChannel channel;
    private final long sourceMessageId;
    private final CompletableFuture<Callback> callback = new CompletableFuture<>();
    private final CompletableFuture<LocalMessage> reply = new CompletableFuture<>();
    private final List<CompletableFuture<LocalMessage>> followUps = new ArrayList<>();
    private volatile long originalMessageId;
    private volatile long dispatchedNanos;
    private volatile long callbackReceivedNanos;

    InteractionHandle(
            long id,
            String token,
            int type,
            String description,
            LocalMember member,
            LocalChannel channel,
            long sourceMessageId) {
        this.id = id;
        this.token = token;
        this.type = type;
        this.description = description;
        this.member = member;
        this.channel = channel;
        this.sourceMessageId = sourceMessageId;
        this.originalMessageId = sourceMessageId;
    }

    public long id() {
        return id;
    }

    public String token() {
        return token;
    }

    /** Interaction type: 2 command, 3 component, 4 autocomplete, 5 modal submit. */
    public int type() {
        return type;
    }

    public LocalMember member() {
        return member;
    }

    public LocalChannel channel() {
        return channel;
    }

    /** The bot's callback, completed when it arrives. */
    public CompletableFuture<Callback> callback() {
        return callback;
    }

    /**
     * The message the member sees as the answer: the reply (type 4), the updated message (type 7), or —
     * after a deferral (types 5, 6) — the first edit of {@code @original} or the first follow-up.
     */
    public CompletableFuture<LocalMessage> reply() {
        return reply;
    }

    /**
     * {@link System#nanoTime()} just before the stand-in sent this interaction's {@code INTERACTION_CREATE}
     * to the bot; for latency measurements (the benchmarks' load driver).
     */
    public long dispatchedNanos() {
        return dispatchedNanos;
    }

    /**
     * {@link System#nanoTime()} when the bot's accepted callback request reached the stand-in's route,
     * before the stand-in processed it; 0 until then. Set before {@link #callback()} completes.
     */
    public long callbackReceivedNanos() {
        return callbackReceivedNanos;
    }

    public Callback awaitCallback(Duration timeout) {
        return await(callback, timeout, "callback");
    }

    public LocalMessage awaitReply(Duration timeout) {
        return await(reply, timeout, "reply");
    }

    /** The n-th follow-up (0-based) sent through the interaction's webhook. */
    public LocalMessage awaitFollowUp(int index, Duration timeout) {
        return await(followUp(index), timeout, "follow-up #" + index);
    }

    /** The modal the bot opened (callback type 9): its {@code custom_id}, {@code title} and {@code components}. */
    public JsonNode awaitModal(Duration timeout) {
        Callback answer = awaitCallback(timeout);
        if (answer.type() != 9) {
            throw new AssertionError(
                    description + " was answered with callback type " + answer.type() + ", not a modal");
        }
        return answer.data();
    }

    /** The autocomplete choices the bot offered (callback type 8). */
    public List<JsonNode> awaitChoices(Duration timeout) {
        Callback answer = awaitCallback(timeout);
        if (answer.type() != 8) {
            throw new AssertionError(
                    description + " was answered with callback type " + answer.type() + ", not choices");
        }
        List<JsonNode> choices = new ArrayList<>();
        answer.data().path("choices").forEach(choices::add);
        return choices;
    }

    @Override
    public String toString() {
        return description;
    }

    // --- fed by LocalDiscord, on REST threads ---

    long sourceMessageId() {
        return sourceMessageId;
    }

    long originalMessageId() {
        return originalMessageId;
    }

    void originalMessageId(long messageId) {
        this.originalMessageId = messageId;
    }

    void dispatched(long nanos) {
        this.dispatchedNanos = nanos;
    }

    void callbackReceived(long nanos) {
        this.callbackReceivedNanos = nanos;
    }

    boolean acknowledged() {
        return callback.isDone();
    }

    void completeCallback(int callbackType, JsonNode data) {
        callback.complete(new Callback(callbackType, data == null ? JsonNodeFactory.instance.objectNode() : data));
    }

    void completeReply(LocalMessage message) {
        reply.complete(message);
    }

    void addFollowUp(LocalMessage message) {
        CompletableFuture<LocalMessage> next;
        synchronized (followUps) {
            next = followUps.stream().filter(f -> !f.isDone()).findFirst().orElse(null);
            if (next == null) {
                next = new CompletableFuture<>();
                followUps.add(next);
            }
        }
        next.complete(message);
        reply.complete(message);
    }

    private CompletableFuture<LocalMessage> followUp(int index) {
        synchronized (followUps) {
            while (followUps.size() <= index) {
                followUps.add(new CompletableFuture<>());
            }
            return followUps.get(index);
        }
    }

    private <T> T await(CompletableFuture<T> future, Duration timeout, String what) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("no " + what + " for " + description + " within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted awaiting " + what + " for " + description, e);
        } catch (ExecutionException e) {
            throw new AssertionError(what + " for " + description + " failed", e.getCause());
        }
    }
}
