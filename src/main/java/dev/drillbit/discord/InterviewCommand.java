package dev.drillbit.discord;

import dev.drillbit.bank.Difficulty;
import dev.drillbit.bank.RoadmapStep;
import dev.drillbit.interview.GradeResult;
import dev.drillbit.interview.InterviewSpec;
import dev.drillbit.interview.MockInterview;
import dev.drillbit.interview.MockInterviews;
import dev.drillbit.interview.Refused;
import dev.drillbit.interview.Revealed;
import dev.drillbit.interview.StartResult;
import dev.drillbit.interview.SubmitResult;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.StringSelectInteractionEvent;
import net.dv8tion.jda.api.interactions.callbacks.IMessageEditCallback;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * {@code /interview [step] [level] [length]}: a mock interview, visible only to the candidate, one question
 * at a time: write an answer in a form or think it through, see the model or accepted answer, tick the key
 * points covered, and end with a report and the transcript. Grading is recorded in the store before the
 * candidate sees the next question ({@link MockInterviews#grade}); an old button of an interview that
 * ended (finished, ended, or idle past its time and expired by the heartbeat) says so.
 *
 * <p>Starting a new interview while one runs ends the old one (what it graded is already recorded), as a
 * new {@code /question} replaces the last: the old message may be gone from the member's screen.
 * Thread-safe: no state of its own.
 */
final class InterviewCommand implements BotCommand {
    static final String LEVEL = "level";
    static final String LENGTH = "length";
    static final String ENDED = "This mock interview has ended (finished, ended, or left idle too long). Start a"
            + " new one with /interview.";
    static final String NOT_NOW = "That part of the interview is done; use the newest message of your interview.";

    private final MockInterviews interviews;
    private final QuizOptions options;
    private final InterviewView view;
    private final DurableReply durable;

    InterviewCommand(MockInterviews interviews, QuizOptions options, InterviewView view, DurableReply durable) {
        this.interviews = interviews;
        this.options = options;
        this.view = view;
        this.durable = durable;
    }

    @Override
    public SlashCommandData data() {
        OptionData level = new OptionData(OptionType.STRING, LEVEL, "junior, mid (the default) or senior", false);
        Arrays.stream(Difficulty.values()).forEach(d -> level.addChoice(d.id(), d.id()));
        return Installs.everywhere(
                        Commands.slash("interview", "A mock interview: open and short-answer questions, then a report"))
                .addOptions(
                        QuizOptions.stepOption("Roadmap step to ask about (the whole roadmap when empty)"),
                        level,
                        new OptionData(
                                        OptionType.INTEGER,
                                        LENGTH,
                                        "How many questions (" + InterviewSpec.MIN_LENGTH
                                                + " to " + InterviewSpec.MAX_LENGTH + ", "
                                                + InterviewSpec.DEFAULT_LENGTH
                                                + " when empty)",
                                        false)
                                .setRequiredRange(InterviewSpec.MIN_LENGTH, InterviewSpec.MAX_LENGTH));
    }

    @Override
    public Set<String> componentPrefixes() {
        return Set.of(InterviewView.PREFIX);
    }

    @Override
    public void onAutocomplete(CommandAutoCompleteInteractionEvent event) {
        event.replyChoices(options.stepChoices(event.getFocusedOption().getValue()))
                .queue();
    }

    @Override
    public void onSlash(SlashCommandInteractionEvent event) {
        String typed = event.getOption(QuizOptions.STEP, null, OptionMapping::getAsString);
        Optional<String> step = Optional.empty();
        if (typed != null) {
            Optional<RoadmapStep> found = options.findStep(typed);
            if (found.isEmpty()) {
                event.reply(QuizOptions.unknownStep(typed)).setEphemeral(true).queue();
                return;
            }
            step = Optional.of(found.get().id());
        }
        Difficulty level = Difficulty.fromId(event.getOption(LEVEL, Difficulty.MID.id(), OptionMapping::getAsString))
                .orElse(Difficulty.MID);
        int length = event.getOption(LENGTH, InterviewSpec.DEFAULT_LENGTH, OptionMapping::getAsInt);
        if (length < InterviewSpec.MIN_LENGTH || length > InterviewSpec.MAX_LENGTH) {
            event.reply("An interview has " + InterviewSpec.MIN_LENGTH + " to " + InterviewSpec.MAX_LENGTH
                            + " questions.")
                    .setEphemeral(true)
                    .queue();
            return;
        }
        long guild = Place.of(event);
        long user = event.getUser().getIdLong();
        InterviewSpec spec = new InterviewSpec(step, level, length);
        StartResult result = interviews.start(guild, user, spec);
        String note = "";
        if (result instanceof StartResult.AlreadyRunning) {
            interviews.stop(guild, user);
            note = "Your previous interview was ended; its graded answers are saved. ";
            result = interviews.start(guild, user, spec);
        }
        if (result instanceof StartResult.NoQuestions none) {
            event.reply("Too few open and short-answer questions for that choice (" + none.available() + "; an"
                            + " interview needs " + InterviewSpec.MIN_LENGTH + "). Try another step, or none.")
                    .setEphemeral(true)
                    .queue();
            return;
        }
        if (!(result instanceof StartResult.Started started)) {
            event.reply(ENDED).setEphemeral(true).queue();
            return;
        }
        int size = started.first().size();
        String intro =
                note + (size < length ? "Only " + size + " questions fit, so this interview has " + size + "." : "");
        event.reply(view.question(started.first(), intro.isBlank() ? Optional.empty() : Optional.of(intro.strip())))
                .setEphemeral(true)
                .queue();
    }

    @Override
    public void onButton(ButtonInteractionEvent event, ComponentId id) {
        long guild = Place.of(event);
        long user = event.getUser().getIdLong();
        Optional<InterviewAction> action = InterviewAction.of(id.action());
        if (action.isEmpty()) {
            event.reply(Messages.STALE_BUTTON).setEphemeral(true).queue();
            return;
        }
        switch (action.get()) {
            case WRITE -> {
                if (interviews
                        .active(guild, user)
                        .filter(s -> s.id().equals(id.session()))
                        .isEmpty()) {
                    event.reply(ENDED).setEphemeral(true).queue();
                } else {
                    event.replyModal(InterviewView.answerModal(id)).queue();
                }
            }
            case THINK -> submitted(event, interviews.submit(guild, user, id.session(), Optional.empty()), guild, user);
            case STOP -> stop(event, id, guild, user);
            case KNEW -> grade(event, id, Set.of(0));
            case NONE -> grade(event, id, Set.of());
            default -> event.reply(Messages.STALE_BUTTON).setEphemeral(true).queue();
        }
    }

    @Override
    public void onModal(ModalInteractionEvent event, ComponentId id) {
        ModalMapping value = event.getValue(InterviewView.TEXT_INPUT);
        if (InterviewAction.of(id.action()).filter(InterviewAction.TEXT::equals).isEmpty() || value == null) {
            event.reply(Messages.STALE_BUTTON).setEphemeral(true).queue();
            return;
        }
        long guild = Place.of(event);
        long user = event.getUser().getIdLong();
        submitted(event, interviews.submit(guild, user, id.session(), Optional.of(value.getAsString())), guild, user);
    }

    @Override
    public void onSelect(StringSelectInteractionEvent event, ComponentId id) {
        if (InterviewAction.of(id.action()).filter(InterviewAction.TICK::equals).isEmpty()) {
            event.reply(Messages.STALE_BUTTON).setEphemeral(true).queue();
            return;
        }
        Set<Integer> ticked = new TreeSet<>();
        for (String value : event.getValues()) {
            try {
                ticked.add(Integer.parseInt(value) - 1);
            } catch (NumberFormatException e) {
                // not one of ours: ignored, as the domain ignores unknown indexes
            }
        }
        grade(event, id, ticked);
    }

    private <E extends IReplyCallback & IMessageEditCallback> void submitted(
            E event, SubmitResult result, long guild, long user) {
        if (result instanceof Refused refused) {
            event.reply(refusal(refused)).setEphemeral(true).queue();
            return;
        }
        Revealed revealed = (Revealed) result;
        int size = interviews.active(guild, user).map(MockInterview::size).orElse(revealed.position() + 1);
        event.editMessage(MessageEditData.fromCreateData(view.revealed(revealed, size)))
                .queue();
    }

    private void stop(ButtonInteractionEvent event, ComponentId id, long guild, long user) {
        if (interviews
                .active(guild, user)
                .filter(s -> s.id().equals(id.session()))
                .isEmpty()) {
            event.reply(ENDED).setEphemeral(true).queue();
            return;
        }
        interviews
                .stop(guild, user)
                .ifPresentOrElse(
                        report -> event.editMessage(view.report(report)).queue(),
                        () -> event.reply(ENDED).setEphemeral(true).queue());
    }

    /**
     * Grades the revealed question: refusals are answered at once; otherwise the edit is deferred and the
     * next question or the report is shown once the grading is on disk.
     */
    private <E extends IReplyCallback & IMessageEditCallback> void grade(E event, ComponentId id, Set<Integer> ticked) {
        long guild = Place.of(event);
        long user = event.getUser().getIdLong();
        CompletableFuture<GradeResult> graded;
        try {
            graded = interviews.grade(guild, user, id.session(), ticked);
        } catch (RuntimeException e) {
            graded = CompletableFuture.failedFuture(e);
        }
        if (graded.isDone() && !graded.isCompletedExceptionally() && graded.join() instanceof Refused refused) {
            event.reply(refusal(refused)).setEphemeral(true).queue();
            return;
        }
        CompletableFuture<GradeResult> recorded = graded;
        durable.edit(
                event,
                "interview grading guild=" + guild + " user=" + user + " session=" + id.session(),
                () -> recorded,
                (hook, result) -> {
                    if (result instanceof GradeResult.Next next) {
                        hook.editOriginal(MessageEditData.fromCreateData(view.question(
                                        next.next(), Optional.of(InterviewView.graded(next.graded(), id.position())))))
                                .queue();
                    } else if (result instanceof GradeResult.Finished finished) {
                        hook.editOriginal(view.report(finished.report())).queue();
                    } else {
                        hook.sendMessage(refusal((Refused) result))
                                .setEphemeral(true)
                                .queue();
                    }
                },
                () -> "⚠️ Your grading could not be saved; please tick again.");
    }

    private static String refusal(Refused refused) {
        return refused.reason() == Refused.Reason.NO_INTERVIEW ? ENDED : NOT_NOW;
    }
}
