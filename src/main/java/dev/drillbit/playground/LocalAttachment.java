package dev.drillbit.playground;

import java.util.Arrays;

/**
 * A file a member attached to a slash command's ATTACHMENT option (type 11), as Discord keeps it: uploaded
 * once, then served at {@link #url} for the bot to download. Immutable.
 */
public record LocalAttachment(long id, String filename, String contentType, byte[] bytes, String url) {
    public LocalAttachment {
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public String idString() {
        return Long.toUnsignedString(id);
    }

    public int size() {
        return bytes.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LocalAttachment a && a.id == id && Arrays.equals(a.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }

    @Override
    public String toString() {
        return "attachment " + id + " " + filename + " (" + bytes.length + " bytes)";
    }
}
