package dev.drillbit.app;

import dev.drillbit.config.Config;
import dev.drillbit.config.ConfigLoader;
import dev.drillbit.storage.DataFileException;
import dev.drillbit.storage.migration.FlatFileToPostgres;
import dev.drillbit.storage.migration.FlatFileToPostgres.Comparison;
import dev.drillbit.storage.migration.FlatFileToPostgres.Outcome;
import dev.drillbit.storage.postgres.PostgresDatabase;
import dev.drillbit.storage.postgres.PostgresSettings;
import dev.drillbit.storage.postgres.StorageUnavailableException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code drillbit migrate-data --from-data DIR --to-config FILE [--replace]}: copies a flat-file data folder
 * into the PostgreSQL database that FILE's {@code storage} names ({@link FlatFileToPostgres}), prints the
 * comparison of both sides, and commits only when they are equal.
 */
@Command(
        name = "migrate-data",
        mixinStandardHelpOptions = true,
        description = "Copy a flat-file data folder into PostgreSQL in one transaction, compare both sides, and"
                + " commit only when every count and every member's figures are equal. Stop the bot first.")
final class MigrateDataCommand implements Callable<Integer> {
    @Option(
            names = "--from-data",
            required = true,
            paramLabel = "DIR",
            description = "The flat-file data folder to copy (the bot's dataDir).")
    Path from;

    @Option(
            names = "--to-config",
            required = true,
            paramLabel = "FILE",
            description = "A config file whose \"storage\" is {\"type\": \"postgres\", ...}; the password comes from"
                    + " DRILLBIT_DB_PASSWORD or the file.")
    Path to;

    @Option(
            names = "--replace",
            description = "Empty a target that already holds data (in the same transaction) instead of refusing.")
    boolean replace;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isDirectory(from)) {
            err.println("Nothing was copied: " + from + " is not a folder.");
            return ExitCodes.INVALID;
        }
        Config config = new ConfigLoader().load(to);
        if (!config.storage().postgres()) {
            err.println("Nothing was copied: " + to + " must set \"storage\": {\"type\": \"postgres\", \"url\": ...,"
                    + " \"user\": ...} to name the database to copy into.");
            return ExitCodes.INVALID;
        }
        Config.Storage s = config.storage();
        PostgresSettings settings = new PostgresSettings(
                s.url(), s.user(), config.databasePassword(System.getenv()).orElse(""));
        Outcome outcome;
        try (PostgresDatabase db = PostgresDatabase.open(settings)) {
            out.println("Copying " + from.toAbsolutePath().normalize() + " into PostgreSQL at " + settings.safeUrl()
                    + " in one transaction…");
            out.flush();
            outcome = FlatFileToPostgres.copy(from, db, replace, Clock.systemUTC());
        } catch (StorageUnavailableException e) {
            err.println("Nothing was copied: " + e.getMessage());
            return ExitCodes.FAILED;
        } catch (DataFileException e) {
            err.println("Nothing was copied: " + e.getMessage());
            err.println("Repair the folder first: java -jar drillbit.jar repair-data --data " + from);
            return ExitCodes.FAILED;
        } catch (IllegalStateException e) {
            err.println("Nothing was copied: " + e.getMessage() + ". Stop the bot first.");
            return ExitCodes.FAILED;
        }
        if (outcome instanceof Outcome.Copied c) {
            print(out, c.comparison());
            out.println("Committed: everything is in PostgreSQL at " + c.target() + ". The flat files in " + from
                    + " were left as they were.");
            out.println("Start the bot with " + to + " (storage type postgres) to use it.");
            out.flush();
            return ExitCodes.OK;
        }
        if (outcome instanceof Outcome.Mismatch m) {
            print(out, m.comparison());
            out.flush();
            err.println("Rolled back: the two sides differ, so nothing was written to PostgreSQL.");
            return ExitCodes.FAILED;
        }
        Outcome.TargetNotEmpty t = (Outcome.TargetNotEmpty) outcome;
        err.println("Nothing was copied: PostgreSQL at " + t.target() + " already holds data (" + rows(t.rows())
                + "). Copy into an empty database, or add --replace to empty this one first (in the same"
                + " transaction: if the copy fails, the old data stays).");
        return ExitCodes.FAILED;
    }

    private static String rows(Map<String, Long> rows) {
        StringBuilder sb = new StringBuilder();
        rows.forEach((table, n) -> sb.append(sb.length() == 0 ? "" : ", ")
                .append(table)
                .append(": ")
                .append(n)
                .append(n == 1 ? " row" : " rows"));
        return sb.toString();
    }

    private static void print(PrintWriter out, Comparison c) {
        FlatFileToPostgres.Events e = c.events();
        out.println("Read " + n(e.total()) + " events (" + n(e.answers()) + " answers, " + n(e.reviews())
                + " own ratings, " + n(e.reminderSettings()) + " reminder settings, " + n(e.forgets())
                + " forgets).");
        out.println();
        out.println(String.format(Locale.ROOT, "  %-20s %12s %12s", "", "flat files", "PostgreSQL"));
        for (FlatFileToPostgres.Row row : c.rows()) {
            out.println(String.format(
                    Locale.ROOT,
                    "  %-20s %12s %12s  %s",
                    row.what(),
                    n(row.flatFile()),
                    n(row.postgres()),
                    row.equal() ? "same" : "DIFFERENT"));
        }
        out.println();
        out.println("Per member (figures by step and difficulty, streaks, review deck card by card, reminder): "
                + n(c.membersCompared()) + " compared, "
                + (c.membersDiffering() == 0 ? "all the same." : n(c.membersDiffering()) + " different:"));
        c.differences().forEach(d -> out.println("  " + d));
    }

    private static String n(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }
}
