package dev.drillbit.discord;

import dev.drillbit.progress.MemberData;
import java.util.List;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
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
 * every store ({@link MemberData#forget}: scores, reminder claims, daily runs). Their review deck, roadmap
 * progress and reminder are the person's, not the server's, and stay (the member's own {@code /me forget}
 * erases those). Shown by
 * Discord only to members with Manage Server (the command's default permissions, which a server may
 * change), and checked again here, since those defaults are only a default. The erasure is durable
 * before the moderator is told ({@link DurableReply}): the reply is deferred and edited when the forget
 * completes, off the stores' writer threads.
 * Thread-safe.
 */
final class DataCommand implements BotCommand {
    private static final Logger LOG = LoggerFactory.getLogger(DataCommand.class);
    static final String MEMBER = "member";
    static final String REFUSED = "Only members with the Manage Server permission can erase someone's data.";

    private final MemberData store;
    private final DurableReply durable;

    /** @param durable defers, erases, and answers off the stores' writer threads */
    DataCommand(MemberData store, DurableReply durable) {
        this.store = store;
        this.durable = durable;
    }

    @Override
    public SlashCommandData data() {
        return Installs.serverOnly(Commands.slash("data", "Manage the data drillbit keeps for this server"))
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
        durable.privateReply(
                event,
                "forget guild=" + guild + " member=" + whom + " by=" + caller.getId(),
                () -> store.forget(guild, whom),
                (hook, done) -> {
                    LOG.info("forgot member={} guild={} by={} hadData={}", whom, guild, caller.getId(), done.hadData());
                    hook.editOriginal(
                                    done.hadData()
                                            ? "Erased " + Style.mention(whom)
                                                    + "'s answers, points and streaks in this server."
                                                    + " Answers they give from now on count afresh."
                                            : "There was nothing stored for " + Style.mention(whom)
                                                    + " in this server.")
                            .setAllowedMentions(List.of())
                            .queue();
                },
                () -> "Could not erase " + Style.mention(whom) + "'s data; it may not be erased. Please try again.");
    }
}
