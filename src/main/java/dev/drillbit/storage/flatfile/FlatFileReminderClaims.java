package dev.drillbit.storage.flatfile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drillbit.learning.ReminderClaims;
import dev.drillbit.progress.GuildZones;
import dev.drillbit.progress.MemberRef;
import dev.drillbit.storage.DataFileException;
import dev.drillbit.storage.FormatVersions;
import dev.drillbit.storage.Fsync;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The flat-file {@link ReminderClaims}: which members got their review reminder today. A day is the
 * member's guild's day ({@link GuildZones}).
 *
 * <p>One small file, {@value #NAME} in the data folder, rewritten whole (temporary file, fsync, rename,
 * fsync of the folder) each time members are claimed. It holds only the members reminded on their guild's
 * current day: earlier days are dropped at the next write, so nothing about a member outlives the day
 * (a forgotten member leaves no trace beyond it). Claiming writes before the reminders are sent, so a
 * crash in between costs a member one day's reminder rather than sending it twice.
 *
 * <pre>
 * {"format":"drillbit-reminders-sent","version":1,"sent":[[guild,user,epochDay],...]}
 * </pre>
 *
 * <p>Thread-safe: claiming is synchronized.
 */
public final class FlatFileReminderClaims implements ReminderClaims {
    public static final String NAME = "reminders-sent.json";
    static final String FORMAT = "drillbit-reminders-sent";
    static final int VERSION = 1;

    private final Path file;
    private final GuildZones zones;
    private final Map<MemberRef, Long> sent = new HashMap<>();

    private FlatFileReminderClaims(Path file, GuildZones zones) {
        this.file = file;
        this.zones = zones;
    }

    /**
     * Reads the log in {@code dir} (none yet: empty).
     *
     * @throws DataFileException when the file is damaged; delete it to start afresh (at worst a member gets a
     *     second reminder that day)
     */
    public static FlatFileReminderClaims open(Path dir, GuildZones zones) {
        FlatFileReminderClaims log = new FlatFileReminderClaims(dir.resolve(NAME), zones);
        if (!Files.exists(log.file)) {
            return log;
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(log.file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new DataFileException(
                    log.file,
                    1,
                    "not readable as JSON ("
                            + e.getMessage().lines().findFirst().orElse("") + "); delete it to start afresh");
        }
        FormatVersions.check(log.file, root == null ? new ObjectMapper().createObjectNode() : root, FORMAT, VERSION);
        for (JsonNode row : root.path("sent")) {
            if (row.size() != 3
                    || !row.get(0).canConvertToLong()
                    || !row.get(1).canConvertToLong()
                    || !row.get(2).canConvertToLong()) {
                throw new DataFileException(
                        log.file, 1, "a \"sent\" row is not [guild, user, day]; delete the file" + " to start afresh");
            }
            log.sent.put(
                    new MemberRef(row.get(0).asLong(), row.get(1).asLong()),
                    row.get(2).asLong());
        }
        return log;
    }

    /**
     * Of {@code due}, the members not yet reminded on their guild's day at {@code now}; they are marked as
     * reminded (durably) before this returns.
     *
     * @throws UncheckedIOException when the log could not be written; then nobody is marked, and nobody
     *     should be reminded
     */
    @Override
    public synchronized List<MemberRef> claim(List<MemberRef> due, Instant now) {
        List<MemberRef> fresh = new ArrayList<>();
        for (MemberRef member : due) {
            Long last = sent.get(member);
            if (last == null || last != day(member, now)) {
                fresh.add(member);
            }
        }
        if (fresh.isEmpty()) {
            return fresh;
        }
        Map<MemberRef, Long> next = new HashMap<>();
        sent.forEach((member, day) -> {
            if (day == day(member, now)) {
                next.put(member, day);
            }
        });
        fresh.forEach(member -> next.put(member, day(member, now)));
        try {
            write(next);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
        sent.clear();
        sent.putAll(next);
        return fresh;
    }

    /** Who was reminded on which day (an epoch day in their guild's zone), as kept: for copying elsewhere. */
    public synchronized Map<MemberRef, Long> claims() {
        return Map.copyOf(sent);
    }

    /** Drops the member's row, if any, and rewrites the file without it. */
    @Override
    public synchronized void forget(long guildId, long userId) {
        MemberRef member = new MemberRef(guildId, userId);
        if (!sent.containsKey(member)) {
            return;
        }
        Map<MemberRef, Long> next = new HashMap<>(sent);
        next.remove(member);
        try {
            write(next);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
        sent.remove(member);
    }

    private long day(MemberRef member, Instant now) {
        return LocalDate.ofInstant(now, zones.zoneOf(member.guildId())).toEpochDay();
    }

    private void write(Map<MemberRef, Long> rows) throws IOException {
        StringBuilder json = new StringBuilder("{\"format\":\"" + FORMAT + "\",\"version\":" + VERSION + ",\"sent\":[");
        boolean first = true;
        for (Map.Entry<MemberRef, Long> row : rows.entrySet()) {
            json.append(first ? "" : ",")
                    .append('[')
                    .append(row.getKey().guildId())
                    .append(',')
                    .append(row.getKey().userId())
                    .append(',')
                    .append(row.getValue())
                    .append(']');
            first = false;
        }
        json.append("]}\n");
        Path temp = file.resolveSibling(NAME + ".tmp");
        Files.writeString(temp, json, StandardCharsets.UTF_8);
        Fsync.file(temp);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Fsync.directory(file.getParent());
    }
}
