package dev.drillbit.discord;

import dev.drillbit.quiz.Advance;
import dev.drillbit.quiz.QuizEngine;
import dev.drillbit.quiz.QuizSession;
import dev.drillbit.quiz.QuizSummary;
import dev.drillbit.quiz.Reveal;
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
 * its current question, and what happens when a question's time is up (reveal, then the next question
 * or the standings). Driven by {@link #tick()} from the quiz timer, which reads the engine's injected
 * clock. Thread-safe.
 */
final class GroupBoard {
    private static final Logger LOG = LoggerFactory.getLogger(GroupBoard.class);

    /** Where a group quiz posts, who started it, and its current question's message. */
    record Posting(long channelId, long starterId, long messageId) {}

    private final QuizEngine engine;
    private final Channels channels;
    private final QuestionView questions;
    private final RevealView reveals;
    private final SummaryView summaries;
    private final Map<String, Posting> postings = new ConcurrentHashMap<>();

    GroupBoard(QuizEngine engine, Channels channels, QuestionView questions, RevealView reveals,
            SummaryView summaries) {
        this.engine = engine;
        this.channels = channels;
        this.questions = questions;
        this.reveals = reveals;
        this.summaries = summaries;
    }

    /**
     * Posts the session's current question in {@code channel}. Where the quiz posts is known at once; the
     * message id once Discord has it, and until then {@link #tick()} leaves the question open.
     */
    void post(QuizSession session, GuildMessageChannel channel, long starterId) {
        postings.put(session.id(), new Posting(channel.getIdLong(), starterId, 0));
        channel.sendMessage(questions.render(session)).queue(
                message -> postings.computeIfPresent(session.id(),
                        (id, p) -> new Posting(p.channelId(), p.starterId(), message.getIdLong())),
                e -> LOG.warn("could not post group quiz {} in channel {}", session.id(), channel.getId(), e));
    }

    Optional<Posting> posting(String sessionId) {
        return Optional.ofNullable(postings.get(sessionId));
    }

    /** Closes every group question whose time is up: reveal, then the next question or the standings. */
    void tick() {
        for (QuizSession session : engine.dueForClose()) {
            Posting posting = postings.get(session.id());
            if (posting == null || posting.messageId() == 0) {
                continue; // not posted by this board, or its message is still on its way to Discord
            }
            Optional<GuildMessageChannel> channel = channels.find(posting.channelId());
            if (channel.isEmpty()) {
                LOG.warn("group quiz {} lost its channel {}; stopping it", session.id(), posting.channelId());
                engine.stop(session.owner());
                continue;
            }
            int position = session.position();
            Optional<Reveal> reveal = session.close(position);
            if (reveal.isEmpty()) {
                continue;
            }
            channel.get().editMessageById(posting.messageId(),
                    MessageEditData.fromCreateData(reveals.closed(session, reveal.get()))).setComponents().queue(
                    ok -> { },
                    e -> LOG.warn("could not reveal question of group quiz {}", session.id(), e));
            Advance next = engine.next(session.id(), 0, position);
            if (next instanceof Advance.Next) {
                post(session, channel.get(), posting.starterId());
            } else if (next instanceof Advance.Finished finished) {
                finish(finished.summary(), channel.get());
            }
        }
    }

    /** Posts a group quiz's standings and forgets it. */
    void finish(QuizSummary summary, GuildMessageChannel channel) {
        postings.remove(summary.sessionId());
        channel.sendMessage(summaries.render(summary)).queue(
                ok -> { },
                e -> LOG.warn("could not post standings of group quiz {}", summary.sessionId(), e));
    }

    /** A group quiz ended without its last reveal (stopped or expired): close its open question, post standings. */
    void ended(QuizSummary summary) {
        Posting posting = postings.remove(summary.sessionId());
        if (posting == null) {
            return;
        }
        channels.find(posting.channelId()).ifPresent(channel -> {
            if (posting.messageId() != 0) {
                channel.editMessageComponentsById(posting.messageId()).queue(ok -> { },
                        e -> LOG.warn("could not close the question of group quiz {}", summary.sessionId(), e));
            }
            channel.sendMessage(summaries.render(summary)).queue(ok -> { },
                    e -> LOG.warn("could not post standings of group quiz {}", summary.sessionId(), e));
        });
    }

    /** The name of a group quiz's thread: the day it started, on the bot's clock in the guild's zone. */
    static String threadName(LocalDate day) {
        return "Quiz " + day;
    }
}
