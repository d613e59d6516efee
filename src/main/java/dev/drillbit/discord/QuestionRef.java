package dev.drillbit.discord;

import dev.drillbit.bank.QuestionSource;
import dev.drillbit.packs.ServerIds;

/**
 * A question id as it travels in a custom id: a shipped id as it is, a server pack's id as
 * {@code ~<author's id>} (its server is the interaction's, and a namespaced id holds a colon, which custom
 * id segments may not). Stateless.
 */
final class QuestionRef {
    private static final String SERVER = "~";

    private QuestionRef() {}

    static String encode(String questionId) {
        return QuestionSource.isServerId(questionId) ? SERVER + ServerIds.local(questionId) : questionId;
    }

    static String decode(String encoded, long guildId) {
        return encoded.startsWith(SERVER) ? ServerIds.of(guildId, encoded.substring(SERVER.length())) : encoded;
    }
}
