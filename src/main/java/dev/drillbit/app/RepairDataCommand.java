package dev.drillbit.app;

import dev.drillbit.config.Config;
import dev.drillbit.storage.DataFileException;
import dev.drillbit.storage.flatfile.DroppedLine;
import dev.drillbit.storage.flatfile.FlatFileRepair;
import dev.drillbit.storage.flatfile.RepairReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code drillbit repair-data [--data DIR]}: salvages a damaged data folder with
 * {@link FlatFileRepair#repair} while the bot is stopped, and prints, per damaged file, how many events
 * were kept, where the original was moved, and every line dropped.
 */
@Command(
        name = "repair-data",
        mixinStandardHelpOptions = true,
        description = "Salvage damaged score files while the bot is stopped: every readable event is kept, each"
                + " damaged file is moved aside untouched, and every dropped line is listed.")
final class RepairDataCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Config config = common.load();
        Path dir = config.dataPath();
        RepairReport report;
        try {
            report = FlatFileRepair.repair(dir, Clock.systemUTC());
        } catch (DataFileException e) {
            err.println(e.getMessage());
            err.println("Nothing was changed.");
            return ExitCodes.FAILED;
        } catch (IllegalStateException e) {
            err.println("Nothing was changed: " + e.getMessage());
            return ExitCodes.FAILED;
        }
        if (!report.changedAnything()) {
            out.println("Nothing to repair in " + dir + ": every data file reads cleanly.");
            out.flush();
            return ExitCodes.OK;
        }
        for (RepairReport.RepairedFile file : report.files()) {
            String lines = file.dropped().size() + (file.dropped().size() == 1 ? " line" : " lines");
            if (file.file().getFileName().toString().startsWith("snapshot")) {
                out.println(file.file() + ": damaged (" + lines + "), moved aside to " + file.movedTo()
                        + "; the next start rebuilds it from the journals");
            } else {
                out.println(file.file() + ": kept " + file.keptEvents()
                        + (file.keptEvents() == 1 ? " event" : " events") + ", dropped " + lines
                        + "; the original was moved aside to " + file.movedTo());
            }
            for (DroppedLine dropped : file.dropped()) {
                out.println("  dropped " + dropped);
            }
        }
        out.println("Repaired " + report.files().size() + (report.files().size() == 1 ? " file" : " files") + " in "
                + dir + ". The bot can start again.");
        out.flush();
        return ExitCodes.OK;
    }
}
