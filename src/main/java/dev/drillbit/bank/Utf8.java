package dev.drillbit.bank;

/**
 * Whether bytes are well-formed UTF-8 in the sense of the Unicode standard (table 3-7: no overlong forms,
 * no surrogates, nothing above U+10FFFF), which is exactly what the JDK's UTF-8 decoder accepts when it
 * reports malformed input. A plain loop over the bytes, so that a good file is checked without decoding it
 * to a {@code String}; where a bad file goes wrong is left to the decoder, which says it precisely.
 * Stateless.
 */
final class Utf8 {
    private Utf8() {}

    static boolean wellFormed(byte[] bytes, int from, int to) {
        int i = from;
        while (i < to) {
            int b = bytes[i];
            if (b >= 0) {
                i++;
                continue;
            }
            b &= 0xFF;
            if (b < 0xC2 || b > 0xF4) {
                return false; // a continuation byte, an overlong two-byte lead (C0, C1), or past U+10FFFF
            }
            if (b < 0xE0) {
                if (i + 1 >= to || !continuation(bytes[i + 1])) {
                    return false;
                }
                i += 2;
            } else if (b < 0xF0) {
                if (i + 2 >= to) {
                    return false;
                }
                int b1 = bytes[i + 1] & 0xFF;
                boolean ok = b == 0xE0
                        ? b1 >= 0xA0 && b1 <= 0xBF // no overlong three-byte form
                        : b == 0xED
                                ? b1 >= 0x80 && b1 <= 0x9F // no surrogates
                                : continuation(bytes[i + 1]);
                if (!ok || !continuation(bytes[i + 2])) {
                    return false;
                }
                i += 3;
            } else {
                if (i + 3 >= to) {
                    return false;
                }
                int b1 = bytes[i + 1] & 0xFF;
                boolean ok = b == 0xF0
                        ? b1 >= 0x90 && b1 <= 0xBF // no overlong four-byte form
                        : b == 0xF4
                                ? b1 >= 0x80 && b1 <= 0x8F // nothing past U+10FFFF
                                : continuation(bytes[i + 1]);
                if (!ok || !continuation(bytes[i + 2]) || !continuation(bytes[i + 3])) {
                    return false;
                }
                i += 4;
            }
        }
        return true;
    }

    private static boolean continuation(byte b) {
        return (b & 0xC0) == 0x80;
    }
}
