package dev.drillbit.bank;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;

/**
 * The question bank that ships inside drillbit's jar (the repository's {@code questions/} folder, copied in
 * at build time), so the bot runs from any working folder. Read through a zip file system when running from
 * the jar, or straight from the class path folder in a development build. Thread-safe.
 */
public final class ShippedBank {
    /** Where the bank sits on the class path. */
    static final String RESOURCE = "questions/" + RoadmapFile.NAME;

    private ShippedBank() {}

    /** The shipped bank's folder, readable by {@link BankLoader#load(Path)}. */
    public static Path folder() {
        return folder(ShippedBank.class.getClassLoader());
    }

    static Path folder(ClassLoader classes) {
        URL roadmap = classes.getResource(RESOURCE);
        if (roadmap == null) {
            throw new IllegalStateException(
                    "this build carries no question bank (" + RESOURCE + " is not on the class path)");
        }
        try {
            URI uri = roadmap.toURI();
            if (!"jar".equals(uri.getScheme())) {
                return Path.of(uri).getParent();
            }
            return jarFileSystem(uri).getPath("/" + RESOURCE).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot read the shipped bank at " + roadmap, e);
        }
    }

    private static FileSystem jarFileSystem(URI uri) {
        try {
            return FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
            return FileSystems.getFileSystem(uri);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the jar to read the shipped bank", e);
        }
    }
}
