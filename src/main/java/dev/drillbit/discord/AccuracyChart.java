package dev.drillbit.discord;

import dev.drillbit.bank.QuestionBank;
import dev.drillbit.progress.stats.Accuracy;
import dev.drillbit.progress.stats.MemberStats;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.CategoryStyler;

/**
 * Draws a member's accuracy per roadmap step as a bar chart, in PNG, with XChart on a headless AWT (no
 * display needed; {@code java.awt.headless} is set before AWT first loads, unless the JVM was started with
 * it). Steps appear in roadmap order. Stateless and thread-safe: each call draws its own chart.
 */
final class AccuracyChart {
    static final String FILE_NAME = "accuracy.png";
    static final int WIDTH = 800;
    static final int HEIGHT = 400;

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private final QuestionBank bank;

    AccuracyChart(QuestionBank bank) {
        this.bank = bank;
    }

    /** The chart as PNG bytes. */
    byte[] png(MemberStats stats) {
        List<String> steps = new ArrayList<>();
        List<Double> percents = new ArrayList<>();
        Map<String, Accuracy> byStep = stats.byStep();
        bank.steps().stream().filter(s -> byStep.containsKey(s.id())).forEach(s -> {
            steps.add(s.id());
            percents.add(byStep.get(s.id()).ratio() * 100);
        });
        byStep.keySet().stream()
                .filter(id -> !steps.contains(id))
                .forEach(
                        id -> { // retired steps
                            steps.add(id);
                            percents.add(byStep.get(id).ratio() * 100);
                        });
        CategoryChart chart = new CategoryChartBuilder()
                .width(WIDTH)
                .height(HEIGHT)
                .title("Accuracy per roadmap step")
                .xAxisTitle("step")
                .yAxisTitle("% right")
                .build();
        CategoryStyler style = chart.getStyler();
        style.setLegendVisible(false);
        style.setChartBackgroundColor(Color.WHITE);
        style.setChartTitleBoxVisible(false);
        style.setSeriesColors(new Color[] {Style.BRAND});
        style.setXAxisLabelRotation(steps.size() > 5 ? 45 : 0);
        style.setYAxisMin(0.0);
        style.setYAxisMax(100.0);
        style.setAvailableSpaceFill(0.6);
        // Every bar carries its number, so a step at 0% still shows up as "0" instead of an empty gap.
        style.setLabelsVisible(true);
        style.setLabelsFontColorAutomaticEnabled(false);
        style.setLabelsFontColor(Color.DARK_GRAY);
        style.setLabelsPosition(1.0);
        chart.addSeries("accuracy", steps, percents);
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the accuracy chart", e);
        }
    }
}
