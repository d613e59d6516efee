/**
 * What several bot processes sharing one store agree on that is neither a member's data nor a server's:
 * Discord's login limit across them ({@link dev.drillbit.cluster.LoginSlots}). Plain Java; the store
 * implements the ports, the Discord adapter uses them.
 */
package dev.drillbit.cluster;
