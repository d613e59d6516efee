/**
 * Server packs: question packs a server imports itself (in the published pack schema, checked by the bank's
 * own validator), kept through the {@link dev.drillbit.packs.ServerPackStore} port and served beside the
 * shipped bank to that server only ({@link dev.drillbit.packs.ServerPacks}). Plain Java: no JDA, no files,
 * no JDBC.
 */
package dev.drillbit.packs;
