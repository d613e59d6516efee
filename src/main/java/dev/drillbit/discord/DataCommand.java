package dev.drillbit.discord;

import dev.drillbit.progress.Forgotten;
import dev.drillbit.progress.MemberData;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /data forget member:<m>}: erases a member's answers, points and streaks in this server, from
 * every store ({@link MemberData#forget}: scores, review deck, reminders, daily runs). Shown by
 * Discord only to members with Manage Server (the command's default permissions, which a server may
 * change), and checked again here, since those defaults are only a default. The erasure is durable
 * before the moderator is told: the reply is deferred and edited when the forget completes.
 * Thread-safe.
 */
final class DataCommand implements BotCommand {
    private static final Logger LOG = LoggerFactory.getLogger(DataCommand.class);
    static final String MEMBER = "member";
    static final String REFUSED = "Only members with the Manage Server permission can erase someone's data.";

    private final MemberData store;

    DataCommand(MemberData store) {
        this.store = store;
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash("data", "Manage the data drillbit keeps for this server")
                .setContexts(InteractionContextType.GUILD)
                .setDefaultPermissions(DefaultMemberPermissions.enabledFor(Permission.MANAGE_SERVER))
                .addSubcommands(new SubcommandData("forget", "Erase a member's answers, points and streaks here")
                        .addOption(OptionType.USER, MEMBER, "The member to forget", true));
    }

    @Override
    public void onSlash(SlashCommandInteractionEvent event) {
        if (!"forget".equals(event.getSubcommandName())) {
            event.reply(Messages.STALE_BUTTON).setEphemeral(true).queue();
            return;
        }
        Member caller = event.getMember();
        if (caller == null || !caller.hasPermission(Permission.MANAGE_SERVER)) {
            event.reply(REFUSED).setEphemeral(true).queue();
            return;
        }
        User member = event.getOption(MEMBER, OptionMapping::getAsUser);
        if (member == null) {
            event.reply("Name the member to forget.").setEphemeral(true).queue();
            return;
        }
        long guild = event.getGuild().getIdLong();
        long whom = member.getIdLong();
        event.deferReply(true).queue();
        InteractionHook hook = event.getHook();
        CompletableFuture<Forgotten> forgotten;
        try {
            forgotten = store.forget(guild, whom);
        } catch (RuntimeException e) {
            forgotten = CompletableFuture.failedFuture(e);
        }
        forgotten.whenComplete((done, failure) -> {
            if (failure != null) {
                LOG.error("forget failed guild={} member={} by={}", guild, whom, caller.getId(), failure);
                hook.editOriginal("Could not erase " + Style.mention(whom) + "'s data; it may not be erased. Please"
                        + " try again.").setAllowedMentions(List.of()).queue();
                return;
            }
            LOG.info("forgot member={} guild={} by={} hadData={}", whom, guild, caller.getId(), done.hadData());
            hook.editOriginal(done.hadData()
                    ? "Erased " + Style.mention(whom) + "'s answers, points and streaks in this server. Answers they"
                            + " give from now on count afresh."
                    : "There was nothing stored for " + Style.mention(whom) + " in this server.")
                    .setAllowedMentions(List.of()).queue();
        });
    }
}
