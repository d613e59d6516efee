package dev.drillbit.bank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbit.testsupport.Seeds;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Utf8Test {
    private static boolean jdkDecodes(byte[] bytes) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static byte[] hex(String hex) {
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "7B7D", // {}
                "C3A9", // é
                "C080", // overlong NUL
                "C1BF", // overlong
                "E282AC", // €
                "E08080", // overlong three-byte
                "E0A080", // U+0800, the first three-byte
                "EDA080", // a surrogate
                "ED9FBF", // U+D7FF
                "EE8080", // U+E000
                "F0908080", // U+10000
                "F08F8080", // overlong four-byte
                "F48FBFBF", // U+10FFFF
                "F4908080", // past U+10FFFF
                "F5808080", // no such lead byte
                "80", // a lone continuation
                "C3", // cut short
                "E282", // cut short
                "F09080", // cut short
                "C328", // a bad continuation
                "E228A1",
                "F0288C28",
                "FF",
                "FE"
            })
    void agreesWithTheJdkDecoderOnTheEdgeCases(String bytes) {
        byte[] b = hex(bytes);

        assertThat(Utf8.wellFormed(b, 0, b.length)).isEqualTo(jdkDecodes(b));
    }

    @Test
    void agreesWithTheJdkDecoderOnRandomBytes() {
        Random random = new Random(Seeds.of("drillbit.utf8.seed", 20261204L));
        int bad = 0;
        for (int n = 0; n < 200_000; n++) {
            byte[] b = new byte[1 + random.nextInt(6)];
            for (int i = 0; i < b.length; i++) {
                // mostly the bytes that matter: leads, continuations, and a few ASCII
                int kind = random.nextInt(4);
                b[i] = (byte)
                        (kind == 0
                                ? random.nextInt(0x80)
                                : kind == 1 ? 0x80 + random.nextInt(0x40) : 0xC0 + random.nextInt(0x40));
            }
            boolean expected = jdkDecodes(b);
            bad += expected ? 0 : 1;
            assertThat(Utf8.wellFormed(b, 0, b.length))
                    .as("bytes %s", java.util.HexFormat.of().formatHex(b))
                    .isEqualTo(expected);
        }
        assertThat(bad).as("both kinds were tried").isBetween(1, 199_999);
    }

    @Test
    void checksOnlyTheRangeAskedFor() {
        byte[] b = hex("FF7B7DFF");

        assertThat(Utf8.wellFormed(b, 1, 3)).isTrue();
        assertThat(Utf8.wellFormed(b, 0, 3)).isFalse();
    }
}
