package dev.drillbit.bench;

import java.util.Locale;

/**
 * One figure of the results table: what was measured, its floor measured in the same run, and the
 * target. {@code lowerIsBetter} says which way the ratio is read; the ratio is always value / floor.
 * Immutable.
 *
 * @param figure what is measured, e.g. "round trip p99 @ 200/s"
 * @param value drillbit's figure
 * @param floor the floor's figure in the same run; {@code NaN} when the figure has no floor
 * @param unit e.g. "ms", "answers/s", "MB"
 * @param floorName what the floor is, e.g. "bare JDA bot"
 * @param target the target in words, empty when the figure has none
 * @param met whether the target is met; {@code null} when there is no target
 */
public record Row(
        String figure, double value, double floor, String unit, String floorName, String target, Boolean met) {

    public double ratio() {
        return Double.isNaN(floor) || floor == 0 ? Double.NaN : value / floor;
    }

    String markdown() {
        return "| " + figure + " | " + number(value) + " " + unit + " | "
                + (Double.isNaN(floor) ? "—" : number(floor) + " " + unit + " (" + floorName + ")") + " | "
                + (Double.isNaN(ratio()) ? "—" : String.format(Locale.ROOT, "%.2f×", ratio())) + " | "
                + (target.isEmpty() ? "—" : target) + " | "
                + (met == null ? "—" : met ? "**yes**" : "**no**") + " |";
    }

    static String number(double v) {
        if (Double.isNaN(v)) {
            return "—";
        }
        double a = Math.abs(v);
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** A row written by a child process: fields separated by tabs, after a marker. */
    static final String MARK = "BENCH-ROW\t";

    String encode() {
        return MARK
                + String.join(
                        "\t",
                        figure,
                        Double.toString(value),
                        Double.toString(floor),
                        unit,
                        floorName,
                        target,
                        met == null ? "-" : met.toString());
    }

    static Row decode(String line) {
        String[] f = line.substring(MARK.length()).split("\t", -1);
        return new Row(
                f[0],
                Double.parseDouble(f[1]),
                Double.parseDouble(f[2]),
                f[3],
                f[4],
                f[5],
                f[6].equals("-") ? null : Boolean.valueOf(f[6]));
    }
}
