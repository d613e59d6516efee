package dev.drillbit.discord;

import dev.drillbit.quiz.GroupStep;
import dev.drillbit.quiz.QuizEngine;
import dev.drillbit.quiz.QuizSession;
import dev.drillbit.quiz.QuizSummary;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the visible side of group quizzes: where each quiz posts (its channel or thread), the message of
 * its current question, and the rendering of what the engine decided when a question's time was up
 * ({@link QuizEngine#closeDue}: reveal, then the next question or the standings). Driven by
 * {@link #tick(Instant)} from the heartbeat, with the injected clock's time. While a question is open its
 * message shows how many have answered, edited through an {@link EditCoalescer}: at most once per
 * {@link #TALLY_INTERVAL}, however many answer at once. Thread-safe.
 */
final class GroupBoard {
    private static final Logger LOG = LoggerFactory.getLogger(GroupBoard.class);

    /** Where a group quiz posts, and its current question's message (0 until Discord has it). */
    record Posting(long channelId, long messageId) {}

    private final QuizEngine engine;
    private final Channels channels;
    private final QuestionView questions;
    private final RevealView reveals;
    private final SummaryView summaries;
    private final Map<String, Posting> postings = new ConcurrentHashMap<>();

    /** The least time between two edits of a group question's tally; a heartbeat is a second. */
    static final Duration TALLY_INTERVAL = Duration.ofSeconds(2);

    private final EditCoalescer<String> tallies = new EditCoalescer<>(TALLY_INTERVAL);

    GroupBoard(
            QuizEngine engine, Channels channels, QuestionView questions, RevealView reveals, SummaryView summaries) {
        this.engine = engine;
        this.channels = channels;
        this.questions = questions;
        this.reveals = reveals;
        this.summaries = summaries;
    }

    /**
     * Posts the session's current question in {@code channel}. Where the quiz posts is known at once; the
     * message id once Discord has it, and until then {@link #tick(Instant)} leaves the question open.
     */
    void post(QuizSession session, GuildMessageChannel channel) {
        postings.put(session.id(), new Posting(channel.getIdLong(), 0));
        channel.sendMessage(questions.render(session))
                .queue(
                        message -> postings.computeIfPresent(
                                session.id(), (id, p) -> new Posting(p.channelId(), message.getIdLong())),
                        e -> LOG.warn("could not post group quiz {} in channel {}", session.id(), channel.getId(), e));
    }

    /**
     * Renders what the engine decided for every group question whose time is up at {@code now}: the
     * reveal in the question's message, then the next question or the standings. A question whose message
     * is still on its way to Discord (or that this board did not post) stays open until the next tick.
     */
    void tick(Instant now) {
        for (GroupStep step : engine.closeDue(now, this::isShown)) {
            QuizSession session = step.session();
            tallies.forget(session.id());
            Posting posting = postings.get(session.id());
            if (posting == null) {
                continue; // ended meanwhile (stopped or expired), and its end was shown
            }
            Optional<GuildMessageChannel> channel = channels.find(posting.channelId());
            if (channel.isEmpty()) {
                LOG.warn("group quiz {} lost its channel {}; stopping it", session.id(), posting.channelId());
                postings.remove(session.id());
                engine.stop(session.owner());
                continue;
            }
            channel.get()
                    .editMessageById(
                            posting.messageId(), MessageEditData.fromCreateData(reveals.closed(session, step.reveal())))
                    .setComponents(net.dv8tion.jda.api.components.actionrow.ActionRow.of(
                            FlagView.reportButton(step.reveal().question())))
                    .queue(ok -> {}, e -> LOG.warn("could not reveal question of group quiz {}", session.id(), e));
            if (step instanceof GroupStep.Next) {
                post(session, channel.get());
            } else if (step instanceof GroupStep.Finished finished) {
                finish(finished.summary(), channel.get());
            }
        }
        for (String sessionId : tallies.due(now)) {
            showTally(sessionId);
        }
    }

    /** A member's answer to a group question was recorded: its message's tally is due for an edit. */
    void answered(QuizSession session) {
        tallies.changed(session.id());
    }

    private void showTally(String sessionId) {
        Posting posting = postings.get(sessionId);
        Optional<QuizSession> session = engine.session(sessionId);
        if (posting == null
                || posting.messageId() == 0
                || session.isEmpty()
                || session.get().isClosed()) {
            return; // the question closed or moved on meanwhile; its reveal says the rest
        }
        channels.find(posting.channelId())
                .ifPresent(channel -> channel.editMessageById(
                                posting.messageId(), MessageEditData.fromCreateData(questions.render(session.get())))
                        .queue(ok -> {}, e -> LOG.warn("could not update the tally of group quiz {}", sessionId, e)));
    }

    private boolean isShown(QuizSession session) {
        Posting posting = postings.get(session.id());
        return posting != null && posting.messageId() != 0;
    }

    /** Posts a group quiz's standings and forgets it. */
    void finish(QuizSummary summary, GuildMessageChannel channel) {
        postings.remove(summary.sessionId());
        tallies.forget(summary.sessionId());
        channel.sendMessage(summaries.render(summary))
                .queue(ok -> {}, e -> LOG.warn("could not post standings of group quiz {}", summary.sessionId(), e));
    }

    /** A group quiz ended without its last reveal (stopped or expired): close its open question, post standings. */
    void ended(QuizSummary summary) {
        tallies.forget(summary.sessionId());
        Posting posting = postings.remove(summary.sessionId());
        if (posting == null) {
            return;
        }
        channels.find(posting.channelId()).ifPresent(channel -> {
            if (posting.messageId() != 0) {
                channel.editMessageComponentsById(posting.messageId())
                        .queue(
                                ok -> {},
                                e -> LOG.warn("could not close the question of group quiz {}", summary.sessionId(), e));
            }
            channel.sendMessage(summaries.render(summary))
                    .queue(
                            ok -> {},
                            e -> LOG.warn("could not post standings of group quiz {}", summary.sessionId(), e));
        });
    }

    /** The name of a group quiz's thread: the day it started, on the bot's clock in the guild's zone. */
    static String threadName(LocalDate day) {
        return "Quiz " + day;
    }
}
