package dev.drillbit.testsupport;

import dev.drillbit.bank.BankLoader;
import dev.drillbit.bank.QuestionBank;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** Test fixtures: the small good bank, and bad banks made by laying one case's files over it. */
public final class Fixtures {
    private Fixtures() {}

    public static Path resource(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The good fixture bank with the files of {@code bank/<overlay>} laid over it, in {@code dir}. */
    public static Path bankWith(String overlay, Path dir) {
        copy(resource("bank/good"), dir);
        if (overlay != null) {
            copy(resource("bank/" + overlay), dir);
        }
        return dir;
    }

    public static QuestionBank goodBank() {
        return new BankLoader().load(resource("bank/good")).bank().orElseThrow();
    }

    /** The real bank shipped in {@code questions/}. */
    public static Path realQuestions() {
        return Path.of("questions").toAbsolutePath();
    }

    private static void copy(Path from, Path to) {
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
