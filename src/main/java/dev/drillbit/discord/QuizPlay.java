package dev.drillbit.discord;

import dev.drillbit.bank.Question;
import dev.drillbit.bank.QuestionFilter;
import dev.drillbit.progress.Answer;
import dev.drillbit.progress.AnswerEvent;
import dev.drillbit.progress.GuildZones;
import dev.drillbit.progress.ScoreStore;
import dev.drillbit.quiz.Advance;
import dev.drillbit.quiz.AnswerOutcome;
import dev.drillbit.quiz.EndReason;
import dev.drillbit.quiz.Owner;
import dev.drillbit.quiz.QuizEngine;
import dev.drillbit.quiz.QuizSession;
import dev.drillbit.quiz.QuizSpec;
import dev.drillbit.quiz.QuizSummary;
import dev.drillbit.quiz.Response;
import dev.drillbit.quiz.StartOutcome;
import dev.drillbit.quiz.StopOutcome;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.callbacks.IMessageEditCallback;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * Plays quizzes in Discord: starts them, turns button presses and typed answers into engine calls, and
 * renders every outcome — including refusals such as an old button or someone else's quiz — as a reply
 * the member understands. Shared by {@code /quiz} and {@code /question}. Every counted answer is recorded
 * in the score store before the member sees it (see {@link #answered}). Thread-safe: holds no mutable
 * state of its own beyond the group board.
 */
final class QuizPlay {

    private final QuizEngine engine;
    private final ScoreStore store;
    private final GuildZones zones;
    private final DurableReply durable;
    private final QuestionView questions;
    private final RevealView reveals;
    private final SummaryView summaries;
    private final GroupBoard board;

    /**
     * @param store where counted answers are recorded before the member sees their outcome
     * @param durable defers, records, and shows the outcome off the store's writer thread
     */
    QuizPlay(
            QuizEngine engine,
            ScoreStore store,
            GuildZones zones,
            DurableReply durable,
            QuestionView questions,
            RevealView reveals,
            SummaryView summaries,
            GroupBoard board) {
        this.engine = engine;
        this.store = store;
        this.zones = zones;
        this.durable = durable;
        this.questions = questions;
        this.reveals = reveals;
        this.summaries = summaries;
        this.board = board;
    }

    /** Starts a quiz of {@code count} questions for {@code owner} and shows its first question. */
    void start(SlashCommandInteractionEvent event, Owner owner, QuestionFilter filter, int count) {
        long starter = event.getUser().getIdLong();
        StartOutcome outcome = engine.start(owner, starter, new QuizSpec(filter, count));
        if (outcome instanceof StartOutcome.AlreadyRunning && owner.mode() == Owner.Mode.SINGLE) {
            engine.stop(owner);
            outcome = engine.start(owner, starter, new QuizSpec(filter, count));
        } else if (outcome instanceof StartOutcome.AlreadyRunning running) {
            QuizSession session = running.session();
            event.reply((owner.isGroup()
                                    ? "This channel already has a group quiz running"
                                    : "You already have a quiz" + " running here")
                            + " (question " + (session.position() + 1) + " of " + session.size()
                            + "). Finish it, or end it with /quiz stop.")
                    .setEphemeral(true)
                    .queue();
            return;
        }
        if (outcome instanceof StartOutcome.NoQuestions none) {
            boolean serverOnly = none.filter().source() == dev.drillbit.bank.QuestionSource.SERVER;
            event.reply(
                            serverOnly
                                    ? "No question of this server's packs matches that choice. A member with Manage"
                                            + " Server can add some with /pack import, or leave source empty to"
                                            + " draw from the shipped bank too."
                                    : "No question matches that choice of step and difficulty. Try another, or"
                                            + " leave the options empty to draw from the whole roadmap.")
                    .setEphemeral(true)
                    .queue();
            return;
        }
        StartOutcome.Started started = (StartOutcome.Started) outcome;
        QuizSession session = started.session();
        String note = started.available() < count
                ? "Only " + started.available() + " questions match, so this quiz has " + session.size() + "."
                : "";
        if (owner.isGroup()) {
            startGroup(event, session, note);
        } else {
            event.reply(questions.render(session))
                    .setContent(note.isEmpty() ? null : note)
                    .setEphemeral(true)
                    .queue();
        }
    }

    private void startGroup(SlashCommandInteractionEvent event, QuizSession session, String note) {
        GuildMessageChannel channel = event.getGuildChannel();
        String intro = Style.mention(session.startedBy()) + " started a group quiz of " + session.size()
                + (session.size() == 1 ? " question" : " questions") + ". Everyone"
                + " answers with the buttons; each question closes when its time is up. " + note;
        boolean thread = event.getChannelType() == ChannelType.TEXT
                && event.getGuild() != null
                && event.getGuild()
                        .getSelfMember()
                        .hasPermission(event.getGuildChannel(), Permission.CREATE_PUBLIC_THREADS);
        event.reply(intro.strip() + (thread ? " Questions follow in the thread below." : ""))
                .queue(hook -> {
                    if (!thread) {
                        board.post(session, channel);
                        return;
                    }
                    LocalDate today = engine.clock()
                            .instant()
                            .atZone(zones.zoneOf(Place.of(event)))
                            .toLocalDate();
                    hook.retrieveOriginal()
                            .flatMap(message -> message.createThreadChannel(GroupBoard.threadName(today)))
                            .queue(created -> board.post(session, created), e -> board.post(session, channel));
                });
    }

    void onButton(ButtonInteractionEvent event, ComponentId id) {
        long user = event.getUser().getIdLong();
        Optional<QuizAction> move = QuizAction.of(id.action());
        if (move.isPresent()) {
            switch (move.get()) {
                case NEXT -> advance(event, id.session(), engine.next(id.session(), user, id.position()));
                case SKIP -> advance(event, id.session(), engine.skip(id.session(), user, id.position()));
                case STOP -> stopFromButton(event, id);
            }
            return;
        }
        Optional<AnswerAction> answer = AnswerAction.of(id.action());
        if (answer.isEmpty()) {
            event.reply(Messages.STALE_BUTTON).setEphemeral(true).queue();
            return;
        }
        switch (answer.get()) {
            case TYPE ->
                ifAllowed(
                        event,
                        id,
                        session ->
                                event.replyModal(QuestionView.answerModal(id)).queue());
            case SHOW -> ifAllowed(event, id, session -> showModelAnswer(event, session, id));
            default ->
                answer.get()
                        .response()
                        .ifPresentOrElse(
                                response ->
                                        answered(event, id, engine.answer(id.session(), user, id.position(), response)),
                                () -> event.reply(Messages.STALE_BUTTON)
                                        .setEphemeral(true)
                                        .queue());
        }
    }

    void onModal(ModalInteractionEvent event, ComponentId id) {
        ModalMapping value = event.getValue(QuestionView.TEXT_INPUT);
        if (AnswerAction.of(id.action()).filter(AnswerAction.TEXT::equals).isEmpty() || value == null) {
            event.reply(Messages.STALE_BUTTON).setEphemeral(true).queue();
            return;
        }
        Response response = new Response.Text(value.getAsString());
        answered(event, id, engine.answer(id.session(), event.getUser().getIdLong(), id.position(), response));
    }

    private void ifAllowed(
            ButtonInteractionEvent event, ComponentId id, java.util.function.Consumer<QuizSession> then) {
        Optional<AnswerOutcome> refusal =
                engine.refusal(id.session(), event.getUser().getIdLong(), id.position());
        if (refusal.isPresent()) {
            event.reply(refusalText(refusal.get())).setEphemeral(true).queue();
            return;
        }
        engine.session(id.session())
                .ifPresentOrElse(
                        then,
                        () -> event.reply(Messages.STALE_BUTTON)
                                .setEphemeral(true)
                                .queue());
    }

    private void showModelAnswer(ButtonInteractionEvent event, QuizSession session, ComponentId id) {
        if (!(session.current() instanceof Question.Open open)) {
            event.reply(Messages.STALE_BUTTON).setEphemeral(true).queue();
            return;
        }
        var view = questions.modelAnswer(session, open, id.position());
        if (session.owner().isGroup()) {
            event.reply(view).setEphemeral(true).queue();
        } else {
            event.editMessage(MessageEditData.fromCreateData(view)).queue();
        }
    }

    /**
     * Shows a member the outcome of their answer, but only once a counted answer is on disk, through
     * {@link DurableReply}: acknowledged with {@code deferEdit} where the outcome replaces the message, with
     * a private deferred reply for a group answer's note. JDA's event thread never waits for the disk, so
     * concurrent answers reach the store together and share one fsync (group commit). If the store fails,
     * the answer is withdrawn from the quiz (so the member may answer again while the question is open)
     * and the member is told privately that it was not saved. Refusals record nothing and are answered
     * directly.
     */
    private <E extends IReplyCallback & IMessageEditCallback> void answered(
            E event, ComponentId id, AnswerOutcome outcome) {
        if (!(outcome instanceof AnswerOutcome.Answered answered)) {
            event.reply(refusalText(outcome)).setEphemeral(true).queue();
            return;
        }
        Optional<QuizSession> found = engine.session(id.session());
        long user = event.getUser().getIdLong();
        if (found.isEmpty()) {
            event.reply(Messages.STALE_BUTTON).setEphemeral(true).queue();
            return;
        }
        QuizSession session = found.get();
        int position = id.position();
        String what = "answer guild=" + session.owner().guildId() + " channel="
                + session.owner().channelId() + " user=" + user + " session=" + session.id() + " position=" + position;
        Supplier<CompletableFuture<AnswerEvent>> record = () -> store.record(answerOf(session, user, answered));
        BiConsumer<InteractionHook, AnswerEvent> saved =
                (hook, recorded) -> showAnswered(hook, session, user, position, answered);
        Supplier<String> notSaved =
                () -> engine.withdraw(session.id(), user, position) ? Messages.NOT_SAVED_TRY_AGAIN : Messages.NOT_SAVED;
        if (session.owner().isGroup() && !(answered.response() instanceof Response.Graded)) {
            durable.privateReply(event, what, record, saved, notSaved);
        } else {
            durable.edit(event, what, record, saved, notSaved);
        }
    }

    /** The event for an answer, with its timing and chosen option, which review ratings and quality stats use. */
    private Answer answerOf(QuizSession session, long user, AnswerOutcome.Answered answered) {
        return Answer.of(
                session.owner().guildId(), user, answered, engine.clock().instant());
    }

    private void showAnswered(
            InteractionHook hook, QuizSession session, long user, int position, AnswerOutcome.Answered answered) {
        if (session.owner().isGroup()) {
            board.answered(session);
            if (answered.response() instanceof Response.Graded graded) {
                hook.editOriginal("Recorded: " + graded.grade().label() + ". The answer is revealed when time is up.")
                        .setEmbeds()
                        .setComponents()
                        .queue();
            } else {
                hook.editOriginal("Your answer is in. The right answer is revealed "
                                + Style.relative(session.deadline()) + ".")
                        .queue();
            }
            return;
        }
        hook.editOriginal(MessageEditData.fromCreateData(reveals.answered(session, position, answered)))
                .queue();
        if (session.owner().mode() == Owner.Mode.SINGLE) {
            engine.next(session.id(), user, position);
        }
    }

    private void advance(ButtonInteractionEvent event, String sessionId, Advance advance) {
        if (advance instanceof Advance.Refused refused) {
            event.reply(refusalText(refused.why())).setEphemeral(true).queue();
        } else if (advance instanceof Advance.Finished finished) {
            event.editMessage(MessageEditData.fromCreateData(summaries.render(finished.summary())))
                    .queue();
        } else {
            engine.session(sessionId)
                    .ifPresentOrElse(
                            session -> event.editMessage(MessageEditData.fromCreateData(questions.render(session)))
                                    .queue(),
                            () -> event.reply(Messages.STALE_BUTTON)
                                    .setEphemeral(true)
                                    .queue());
        }
    }

    private void stopFromButton(ButtonInteractionEvent event, ComponentId id) {
        StopOutcome outcome = engine.stop(id.session(), event.getUser().getIdLong(), false);
        if (outcome instanceof StopOutcome.Stopped stopped) {
            event.editMessage(MessageEditData.fromCreateData(summaries.render(stopped.summary())))
                    .queue();
        } else if (outcome instanceof StopOutcome.NotAllowed) {
            event.reply(refusalText(new AnswerOutcome.NotParticipant()))
                    .setEphemeral(true)
                    .queue();
        } else {
            event.reply(Messages.STALE_BUTTON).setEphemeral(true).queue();
        }
    }

    /** {@code /quiz stop}: your solo quiz in this channel, else the channel's group quiz if you may. */
    void stop(SlashCommandInteractionEvent event) {
        long guild = Place.of(event);
        long channel = event.getChannel().getIdLong();
        long user = event.getUser().getIdLong();
        Optional<QuizSummary> solo = engine.stop(Owner.solo(guild, channel, user));
        if (solo.isPresent()) {
            event.reply(summaries.render(solo.get())).setEphemeral(true).queue();
            return;
        }
        Optional<QuizSession> running = engine.active(Owner.group(guild, channel));
        Member member = event.getMember();
        boolean managesServer = member != null && member.hasPermission(Permission.MANAGE_SERVER);
        StopOutcome outcome = running.isEmpty()
                ? new StopOutcome.NotRunning()
                : engine.stop(running.get().id(), user, managesServer);
        if (outcome instanceof StopOutcome.Stopped) {
            event.reply(Style.mention(user) + " stopped the group quiz.").queue();
        } else if (outcome instanceof StopOutcome.NotAllowed) {
            event.reply("Only the member who started this group quiz, or someone with Manage Server, can stop it.")
                    .setEphemeral(true)
                    .queue();
        } else {
            event.reply("Nothing to stop: you have no quiz running in this channel, and neither does the channel.")
                    .setEphemeral(true)
                    .queue();
        }
    }

    /** {@code /quiz skip}: skips the current question of your solo quiz here. */
    void skip(SlashCommandInteractionEvent event) {
        Owner owner = Owner.solo(
                Place.of(event), event.getChannel().getIdLong(), event.getUser().getIdLong());
        Optional<QuizSession> session = engine.active(owner);
        if (session.isEmpty()) {
            event.reply("You have no solo quiz running in this channel. Start one with /quiz start.")
                    .setEphemeral(true)
                    .queue();
            return;
        }
        Advance advance =
                engine.skip(session.get().id(), owner.userId(), session.get().position());
        if (advance instanceof Advance.Finished finished) {
            event.reply(summaries.render(finished.summary())).setEphemeral(true).queue();
        } else if (advance instanceof Advance.Next) {
            event.reply(questions.render(session.get())).setEphemeral(true).queue();
        } else {
            event.reply(refusalText(((Advance.Refused) advance).why()))
                    .setEphemeral(true)
                    .queue();
        }
    }

    /** {@code /quiz status}: where your quiz and the channel's group quiz stand. */
    void status(SlashCommandInteractionEvent event) {
        long guild = Place.of(event);
        long channel = event.getChannel().getIdLong();
        long user = event.getUser().getIdLong();
        StringBuilder text = new StringBuilder();
        engine.active(Owner.solo(guild, channel, user))
                .ifPresent(s -> text.append("Your quiz: question ")
                        .append(s.position() + 1)
                        .append(" of ")
                        .append(s.size())
                        .append(", ")
                        .append(points(s, user))
                        .append(" points so far.\n"));
        engine.active(Owner.group(guild, channel))
                .ifPresent(s -> text.append("Group quiz here: question ")
                        .append(s.position() + 1)
                        .append(" of ")
                        .append(s.size())
                        .append(", ")
                        .append(s.reveal().answers().size())
                        .append(" answers in; it closes ")
                        .append(Style.relative(s.deadline()))
                        .append(".\n"));
        event.reply(
                        text.length() == 0
                                ? "No quiz is running here. Start one with /quiz start."
                                : text.toString().strip())
                .setEphemeral(true)
                .queue();
    }

    private static int points(QuizSession session, long user) {
        return session.summary().standings().stream()
                .filter(s -> s.userId() == user)
                .mapToInt(dev.drillbit.quiz.Standing::points)
                .sum();
    }

    /** Group quizzes that end other than by their last reveal get their standings posted. */
    void ended(QuizSummary summary) {
        if (summary.owner().isGroup() && summary.reason() != EndReason.FINISHED) {
            board.ended(summary);
        }
    }

    /** Renders the group questions the engine closes at {@code now}. */
    void tick(Instant now) {
        board.tick(now);
    }

    static String refusalText(AnswerOutcome outcome) {
        if (outcome instanceof AnswerOutcome.AlreadyAnswered) {
            return "You already answered this question; your first answer counts.";
        }
        if (outcome instanceof AnswerOutcome.NotCurrent) {
            return "That question is no longer the current one; use the newest message of the quiz.";
        }
        if (outcome instanceof AnswerOutcome.Closed) {
            return "Time's up for this question; the answer is being revealed.";
        }
        if (outcome instanceof AnswerOutcome.NotParticipant) {
            return "This quiz belongs to someone else. Start your own with /quiz start.";
        }
        if (outcome instanceof AnswerOutcome.Mismatched) {
            return "That answer does not fit this question; use the buttons of its latest message.";
        }
        return Messages.STALE_BUTTON;
    }
}
