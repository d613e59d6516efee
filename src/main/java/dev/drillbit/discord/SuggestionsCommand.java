package dev.drillbit.discord;

import dev.drillbit.packs.ImportOutcome;
import dev.drillbit.packs.SuggestedQuestion;
import dev.drillbit.packs.Suggestion;
import dev.drillbit.packs.Suggestions;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.callbacks.IMessageEditCallback;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.requests.ErrorResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /suggestions channel|review} and the review of members' suggestions (component prefix
 * {@value SuggestionView#PREFIX}): Approve, Edit, then approve (the form filled in with the suggestion) and
 * Reject (a form for the reason), on the card in the review channel or on the private one {@code review}
 * shows. Every decision is stored before the card changes, and the author hears of it in a DM (a member with
 * DMs closed is simply not told). Manage Server only, checked again on every button. Thread-safe: no mutable
 * state of its own.
 */
final class SuggestionsCommand implements BotCommand {
    private static final Logger LOG = LoggerFactory.getLogger(SuggestionsCommand.class);
    static final String REFUSED = "Only members with the Manage Server permission can review suggestions.";
    static final String CHANNEL = "channel";

    private final Suggestions suggestions;
    private final Executor work;

    SuggestionsCommand(Suggestions suggestions, Executor work) {
        this.suggestions = suggestions;
        this.work = work;
    }

    @Override
    public Set<String> componentPrefixes() {
        return Set.of(SuggestionView.PREFIX);
    }

    @Override
    public SlashCommandData data() {
        return Installs.serverOnly(Commands.slash("suggestions", "Review the questions members suggest with /suggest"))
                .setDefaultPermissions(DefaultMemberPermissions.enabledFor(Permission.MANAGE_SERVER))
                .addSubcommands(
                        new SubcommandData("channel", "Post new suggestions in a channel, with Approve and Reject")
                                .addOptions(new OptionData(
                                                OptionType.CHANNEL, CHANNEL, "Where new suggestions are posted", true)
                                        .setChannelTypes(ChannelType.TEXT)),
                        new SubcommandData("review", "Show the oldest suggestion waiting, privately, to decide it"));
    }

    private static boolean admin(Interaction event) {
        Member member = event.getMember();
        return member != null && member.hasPermission(Permission.MANAGE_SERVER);
    }

    @Override
    public void onSlash(SlashCommandInteractionEvent event) {
        if (!Place.inServerWithBot(event)) {
            event.reply(Messages.GUILD_ONLY).setEphemeral(true).queue();
            return;
        }
        if (!admin(event)) {
            event.reply(REFUSED).setEphemeral(true).queue();
            return;
        }
        long guild = event.getGuild().getIdLong();
        if ("channel".equals(event.getSubcommandName())) {
            GuildChannel channel = event.getOption(CHANNEL, OptionMapping::getAsChannel);
            if (channel == null || channel.getType() != ChannelType.TEXT) {
                event.reply("Choose a text channel of this server.")
                        .setEphemeral(true)
                        .queue();
                return;
            }
            long channelId = channel.getIdLong();
            event.deferReply(true).queue();
            InteractionHook hook = event.getHook();
            CompletableFuture.runAsync(() -> suggestions.setReviewChannel(guild, channelId), work)
                    .whenComplete((done, failure) -> {
                        if (failure != null) {
                            LOG.warn("/suggestions channel failed guild={}", guild, failure);
                            hook.editOriginal("The channel could not be saved; please try again.")
                                    .queue();
                        } else {
                            hook.editOriginal("New suggestions will be posted in <#" + channelId
                                            + "> with Approve and Reject buttons. Waiting ones: /suggestions review.")
                                    .queue();
                        }
                    });
            return;
        }
        List<Suggestion> open = suggestions.open(guild);
        if (open.isEmpty()) {
            event.reply("No suggestion is waiting for review. Members suggest questions with /suggest.")
                    .setEphemeral(true)
                    .queue();
            return;
        }
        event.reply(SuggestionView.review(
                        open.get(0),
                        open.size() == 1
                                ? "One suggestion is waiting:"
                                : open.size() + " suggestions are waiting; the oldest:"))
                .setEphemeral(true)
                .queue();
    }

    /** What a review button or form acts on. */
    private record Target(SuggestionAction action, long suggestionId, long guild) {}

    /**
     * The review action {@code id} names, when it is one and the caller may take it; otherwise empty, with the
     * caller told why (a stale button, or not an admin).
     */
    private static <E extends Interaction & IReplyCallback> Optional<Target> target(E event, ComponentId id) {
        Optional<SuggestionAction> action = SuggestionAction.of(id.action());
        Optional<Long> suggestionId = number(id.session());
        if (!Place.inServerWithBot(event) || action.isEmpty() || suggestionId.isEmpty()) {
            event.reply(Messages.STALE_BUTTON).setEphemeral(true).queue();
            return Optional.empty();
        }
        if (!admin(event)) {
            event.reply(REFUSED).setEphemeral(true).queue();
            return Optional.empty();
        }
        return Optional.of(
                new Target(action.get(), suggestionId.get(), event.getGuild().getIdLong()));
    }

    @Override
    public void onButton(ButtonInteractionEvent event, ComponentId id) {
        Optional<Target> target = target(event, id);
        if (target.isEmpty()) {
            return;
        }
        long guild = target.get().guild();
        long suggestion = target.get().suggestionId();
        switch (target.get().action()) {
            case APPROVE -> approve(event, guild, suggestion, Optional.empty());
            case REJECT ->
                event.replyModal(SuggestionView.reasonForm(suggestion)).queue();
            case EDIT -> {
                Optional<Suggestion> found =
                        suggestions.find(guild, suggestion).filter(s -> s.status() == Suggestion.Status.OPEN);
                if (found.isEmpty()) {
                    event.reply(notOpen(suggestions.find(guild, suggestion)))
                            .setEphemeral(true)
                            .queue();
                    return;
                }
                SuggestedQuestion filled =
                        SuggestedQuestion.fromPack(found.get().json());
                event.replyModal(SuggestionView.form(
                                SuggestionView.reviewId(suggestion, SuggestionAction.EDITED),
                                "Edit, then approve #" + suggestion,
                                filled.type(),
                                Optional.of(filled)))
                        .queue();
            }
            default -> event.reply(Messages.STALE_BUTTON).setEphemeral(true).queue();
        }
    }

    @Override
    public void onModal(ModalInteractionEvent event, ComponentId id) {
        Optional<Target> target = target(event, id);
        if (target.isEmpty()) {
            return;
        }
        long guild = target.get().guild();
        long suggestion = target.get().suggestionId();
        switch (target.get().action()) {
            case REASON -> reject(event, guild, suggestion, SuggestionView.value(event, SuggestionView.REASON));
            case EDITED -> {
                Optional<Suggestion> found = suggestions.find(guild, suggestion);
                if (found.isEmpty()) {
                    event.reply(notOpen(found)).setEphemeral(true).queue();
                    return;
                }
                SuggestedQuestion was = SuggestedQuestion.fromPack(found.get().json());
                approve(
                        event,
                        guild,
                        suggestion,
                        Optional.of(SuggestionView.read(
                                event, was.type(), found.get().step(), was.difficulty())));
            }
            default -> event.reply(Messages.STALE_BUTTON).setEphemeral(true).queue();
        }
    }

    private static Optional<Long> number(String s) {
        try {
            return Optional.of(Long.parseLong(s));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Acknowledges on the card when there is one (it is edited), else with a private reply. */
    private static <E extends IReplyCallback & IMessageEditCallback> boolean defer(E event, boolean onCard) {
        if (onCard) {
            event.deferEdit().queue();
        } else {
            event.deferReply(true).queue();
        }
        return onCard;
    }

    private <E extends IReplyCallback & IMessageEditCallback> void approve(
            E event, long guild, long suggestionId, Optional<SuggestedQuestion> edited) {
        boolean onCard = defer(event, hasMessage(event));
        InteractionHook hook = event.getHook();
        long admin = event.getUser().getIdLong();
        String guildName = event.getGuild().getName();
        CompletableFuture.supplyAsync(() -> suggestions.approve(guild, suggestionId, admin, edited), work)
                .whenComplete((outcome, failure) -> {
                    if (failure != null) {
                        LOG.warn("approving a suggestion failed guild={} suggestion={}", guild, suggestionId, failure);
                        tell(hook, onCard, "The approval could not be saved; nothing changed. Please try again.");
                    } else if (outcome instanceof Suggestions.Decided.Approved approved) {
                        Suggestion s = approved.suggestion();
                        String status =
                                "✅ Approved by " + Style.mention(admin) + (edited.isPresent() ? " (edited)" : "")
                                        + ": now in the server's pack for `" + s.step() + "` as `~" + s.questionId()
                                        + "`, credited to " + credit(s) + ".";
                        if (onCard) {
                            hook.editOriginal(SuggestionView.decided(s, status)).queue();
                        } else {
                            hook.editOriginal(status).queue();
                        }
                        tellAuthor(
                                event,
                                s,
                                "✅ Your suggested question #" + s.id() + " in **" + guildName + "** was approved"
                                        + (edited.isPresent() ? " (with an admin's edits)" : "")
                                        + ": it is now in the server's pack for `" + s.step()
                                        + "`, and quizzes there can draw it. Thank you!");
                    } else {
                        tell(hook, onCard, refusal(outcome));
                    }
                });
    }

    private void reject(ModalInteractionEvent event, long guild, long suggestionId, String reason) {
        boolean onCard = defer(event, hasMessage(event));
        InteractionHook hook = event.getHook();
        long admin = event.getUser().getIdLong();
        String guildName = event.getGuild().getName();
        CompletableFuture.supplyAsync(() -> suggestions.reject(guild, suggestionId, admin, reason), work)
                .whenComplete((outcome, failure) -> {
                    if (failure != null) {
                        LOG.warn("rejecting a suggestion failed guild={} suggestion={}", guild, suggestionId, failure);
                        tell(hook, onCard, "The rejection could not be saved; nothing changed. Please try again.");
                    } else if (outcome instanceof Suggestions.Decided.Rejected rejected) {
                        Suggestion s = rejected.suggestion();
                        String status = "❌ Rejected by " + Style.mention(admin) + ": " + s.reason();
                        if (onCard) {
                            hook.editOriginal(SuggestionView.decided(s, status)).queue();
                        } else {
                            hook.editOriginal(Style.cut(status, 2000)).queue();
                        }
                        tellAuthor(
                                event,
                                s,
                                Style.cut(
                                        "Your suggested question #" + s.id() + " in **" + guildName + "** was not"
                                                + " added. The reviewer's reason:\n> "
                                                + s.reason().replace("\n", "\n> ")
                                                + "\nYou are welcome to suggest it again with /suggest.",
                                        2000));
                    } else {
                        tell(hook, onCard, refusal(outcome));
                    }
                });
    }

    private static boolean hasMessage(Interaction event) {
        if (event instanceof ButtonInteractionEvent) {
            return true;
        }
        return event instanceof ModalInteractionEvent m && m.getMessage() != null;
    }

    /** A private word to the reviewer: a follow-up when the card was acknowledged, else the reply itself. */
    private static void tell(InteractionHook hook, boolean onCard, String text) {
        if (onCard) {
            hook.sendMessage(Style.cut(text, 2000)).setEphemeral(true).queue();
        } else {
            hook.editOriginal(Style.cut(text, 2000)).queue();
        }
    }

    private static String credit(Suggestion s) {
        return s.authorId() == 0 ? "a member who was forgotten" : Style.mention(s.authorId());
    }

    private static String refusal(Suggestions.Decided outcome) {
        if (outcome instanceof Suggestions.Decided.Invalid invalid) {
            return SuggestionView.problems(
                    "The edited question was not approved: fix these and try again (the suggestion is still open).",
                    invalid.problems());
        }
        if (outcome instanceof Suggestions.Decided.PackRefused refused) {
            ImportOutcome o = refused.outcome();
            if (o instanceof ImportOutcome.TooMany many) {
                return "Approving it would give the server " + many.wouldHave() + " questions of its own; the limit is "
                        + many.max() + ". Remove a pack with /pack remove first; the suggestion is still open.";
            }
            if (o instanceof ImportOutcome.TooLarge large) {
                return PackText.tooLarge(large) + " The suggestion is still open.";
            }
            if (o instanceof ImportOutcome.Refused bad) {
                return SuggestionView.problems(
                        "The server's pack for this step would not be valid with it; the suggestion is still open.",
                        bad.problems().stream()
                                .map(dev.drillbit.bank.Problem::render)
                                .toList());
            }
        }
        return notOpen(((Suggestions.Decided.NotOpen) outcome).suggestion());
    }

    private static String notOpen(Optional<Suggestion> s) {
        if (s.isEmpty()) {
            return "That suggestion is no longer here (its author's data may have been erased).";
        }
        return "Suggestion #" + s.get().id() + " was already "
                + (s.get().status() == Suggestion.Status.APPROVED ? "approved" : "rejected") + ".";
    }

    /** Tells the author in a DM; closed DMs or an erased author mean they are simply not told. */
    private static void tellAuthor(Interaction event, Suggestion s, String text) {
        if (s.authorId() == 0) {
            return;
        }
        event.getJDA()
                .openPrivateChannelById(s.authorId())
                .flatMap(channel -> channel.sendMessage(text))
                .queue(
                        sent -> LOG.info(
                                "suggestion author told guild={} suggestion={} status={}",
                                s.guildId(),
                                s.id(),
                                s.status().id()),
                        failure -> {
                            if (failure instanceof ErrorResponseException e
                                    && e.getErrorResponse() == ErrorResponse.CANNOT_SEND_TO_USER) {
                                LOG.info(
                                        "suggestion author not told (DMs closed) guild={} suggestion={}",
                                        s.guildId(),
                                        s.id());
                            } else {
                                LOG.warn(
                                        "telling a suggestion's author failed guild={} suggestion={}: {}",
                                        s.guildId(),
                                        s.id(),
                                        failure.getMessage());
                            }
                        });
    }
}
