package dev.drillbit.app;

import dev.drillbit.config.Config;
import dev.drillbit.config.ConfigException;
import dev.drillbit.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every command takes: where the config is and where data lives. */
final class CommonOptions {
    static final Path DEFAULT_CONFIG = Path.of("config.json");

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Configuration file (default: config.json when present, else built-in defaults).")
    Path config;

    @Option(names = "--data", paramLabel = "DIR", description = "Data folder; overrides dataDir from the config.")
    String data;

    Config load() throws ConfigException {
        Path file = config != null ? config : Files.isRegularFile(DEFAULT_CONFIG) ? DEFAULT_CONFIG : null;
        Config loaded = new ConfigLoader().load(file);
        return data == null ? loaded : loaded.withDataDir(data);
    }
}
