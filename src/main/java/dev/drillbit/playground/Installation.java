package dev.drillbit.playground;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Which installation of the bot an interaction goes through, as Discord decides it: the server's (guild
 * install) where the bot is a member, else the member's own (user install): in DMs with the bot and in
 * servers that never added it. A command is offered through a user install only when it was registered
 * globally with {@code integration_types} holding 1 and {@code contexts} holding the context (0 in a server,
 * 1 in the bot's DM); commands registered without those fields default to guild install in servers and
 * the bot's DM, as on Discord.
 */
enum Installation {
    GUILD,
    USER;

    /**
     * What a user-installed app may do where it is used (Discord's app_permissions in that context): view,
     * send, embed, attach, read history, use external emojis, add reactions.
     */
    static final long USER_APP_PERMISSIONS = LocalWorld.VIEW_CHANNEL
            | LocalWorld.SEND_MESSAGES
            | LocalWorld.EMBED_LINKS
            | LocalWorld.ATTACH_FILES
            | LocalWorld.READ_MESSAGE_HISTORY
            | LocalWorld.USE_EXTERNAL_EMOJIS
            | LocalWorld.ADD_REACTIONS;

    /** Must hold the world's lock. */
    static Installation of(LocalWorld world, LocalMember member, LocalChannel channel) {
        return !channel.isDirect() && world.botIn(member.guild().id()) ? GUILD : USER;
    }

    /** Whether a stored command is offered for this integration type in this context. */
    static boolean offers(JsonNode command, int integrationType, int context) {
        return contains(command.path("integration_types"), integrationType, 0)
                && contains(command.path("contexts"), context, -1);
    }

    /** Whether {@code values} holds {@code wanted}; a missing list holds {@code otherwise} only (-1: every value). */
    private static boolean contains(JsonNode values, int wanted, int otherwise) {
        if (!values.isArray()) {
            return otherwise < 0 || otherwise == wanted;
        }
        for (JsonNode v : values) {
            if (v.asInt(-1) == wanted) {
                return true;
            }
        }
        return false;
    }
}
