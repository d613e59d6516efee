package dev.drillbit.bench;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a benchmark run is: the project directory, a scratch directory under {@code target/bench}, the
 * classpaths for child processes, and whether sizes are minimal (the smoke test). Immutable.
 *
 * @param quick minimal sizes and durations: checks the harness works, measures nothing
 */
record Env(Path basedir, Path scratch, boolean quick) {

    static Env of(Path basedir, boolean quick) {
        return new Env(
                basedir.toAbsolutePath(),
                basedir.toAbsolutePath().resolve(quick ? "target/bench/smoke" : "target/bench/scratch"),
                quick);
    }

    /** This JVM's classpath: the product, the tests, JMH and HdrHistogram. */
    String benchClasspath() {
        return System.getProperty("java.class.path");
    }

    /** The shaded jar production runs, when {@code package} built it; else the classes on this classpath. */
    String productClasspath() {
        Path jar = basedir.resolve("target/drillbit.jar");
        return Files.isRegularFile(jar) && !quick ? jar.toString() : benchClasspath();
    }

    Path dir(String name) {
        return scratch.resolve(name);
    }

    static String pathSeparator() {
        return File.pathSeparator;
    }
}
