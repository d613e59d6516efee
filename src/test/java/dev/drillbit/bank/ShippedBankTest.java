package dev.drillbit.bank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbit.testsupport.Fixtures;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bank shipped on the class path loads the same questions as the repository's folder, from a jar too. */
class ShippedBankTest {
    @TempDir
    Path dir;

    @Test
    void theBankOnTheClassPathIsTheRepositorysBank() {
        // GIVEN the build copied questions/ onto the class path
        // WHEN the shipped bank is loaded
        BankLoader.Result shipped = new BankLoader().load(ShippedBank.folder());

        // THEN it holds exactly the questions of the repository's folder
        assertThat(shipped.problems()).isEmpty();
        assertThat(ids(shipped)).isEqualTo(ids(new BankLoader().load(Fixtures.realQuestions())));
    }

    @Test
    void theBankIsReadFromInsideAJar() throws IOException {
        // GIVEN a jar that carries the bank, as the shaded drillbit.jar does
        Path jar = dir.resolve("drillbit.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> files = Files.list(Fixtures.realQuestions())) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                out.putNextEntry(new JarEntry("questions/" + file.getFileName()));
                Files.copy(file, (OutputStream) out);
                out.closeEntry();
            }
        }

        // WHEN the bank is found through a class loader that sees only that jar
        try (URLClassLoader classes = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            BankLoader.Result fromJar = new BankLoader().load(ShippedBank.folder(classes));

            // THEN it loads cleanly with every question
            assertThat(fromJar.problems()).isEmpty();
            assertThat(ids(fromJar)).isEqualTo(ids(new BankLoader().load(Fixtures.realQuestions())));
        }
    }

    private static List<String> ids(BankLoader.Result result) {
        return result.bank().orElseThrow().questions().stream()
                .map(Question::id)
                .sorted()
                .toList();
    }
}
