package dev.drillbit.discord;

import dev.drillbit.packs.ImportOutcome;

/** What {@code /pack} says, in one place. Stateless. */
final class PackText {
    private PackText() {}

    static String imported(ImportOutcome.Imported imported) {
        return (imported.replaced() ? "Replaced" : "Imported") + " the pack for `" + imported.step() + "`"
                + (imported.ownStep() ? " (a step of this server's own)" : "") + ": " + imported.questions()
                + (imported.questions() == 1 ? " question" : " questions") + ". The server now has "
                + imported.serverTotal() + " of its own. `/quiz start`, `/question`, `/daily set` and `/review`"
                + " draw from them (choose with `source`).";
    }

    static String tooLarge(ImportOutcome.TooLarge large) {
        return "The file is " + kib(large.bytes()) + "; a pack may be at most " + kib(large.maxBytes())
                + ". Nothing was imported: split it into one pack per step.";
    }

    private static String kib(long bytes) {
        return bytes < 1024 ? bytes + " bytes" : (bytes + 1023) / 1024 + " KiB";
    }

    /** An uploaded file's name as it may appear in problems: its last segment, printable, short. */
    static String fileName(String name) {
        String base = name == null ? "" : name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        String clean = base.replaceAll("[^A-Za-z0-9._-]", "_");
        return clean.isEmpty() ? "pack.json" : Style.cut(clean, 60);
    }

    /** Text in a code block, so what a file holds is shown as written and never formats or pings. */
    static String quoted(String text) {
        return "```\n" + text.replace("```", "'''") + "\n```";
    }
}
