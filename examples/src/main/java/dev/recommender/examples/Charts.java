package dev.recommender.examples;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.CategoryStyler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * PNG charts drawn with XChart (pure Java2D; works headless): histograms, scatter plots and bar charts,
 * each with a title and axis labels.
 *
 * <p>Thread safety: stateless; each call builds and writes its own chart.
 */
final class Charts {
    private static final int WIDTH = 800;
    private static final int HEIGHT = 500;

    private Charts() {
    }

    /**
     * Draws a histogram: one bar per distinct value when there are at most {@code bins} of them (ratings,
     * small counts), otherwise {@code bins} equal-width bins between the minimum and the maximum.
     *
     * @param file   the PNG file to write
     * @param title  chart title
     * @param xLabel label of the value axis
     * @param values the sample
     * @param bins   the largest number of bars, at least 1
     * @throws IOException if the file cannot be written
     */
    static void histogram(Path file, String title, String xLabel, double[] values, int bins) throws IOException {
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be at least 1, got " + bins);
        }
        List<String> labels = new ArrayList<>();
        List<Long> heights = new ArrayList<>();
        binCounts(values, bins, labels, heights);
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(xLabel).yAxisTitle("count").build();
        CategoryStyler styler = chart.getStyler();
        styler.setLegendVisible(false);
        styler.setAvailableSpaceFill(0.95);
        styler.setOverlapped(true);
        styler.setXAxisLabelRotation(45);
        styler.setChartBackgroundColor(Color.WHITE);
        chart.addSeries("count", labels, heights);
        write(chart, file);
    }

    /**
     * Counts values per bar: per distinct value if there are at most {@code bins} distinct values, else
     * per equal-width bin (labelled by its centre; the maximum falls in the last bin).
     */
    static void binCounts(double[] values, int bins, List<String> labels, List<Long> counts) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int distinct = 0;
        for (int k = 0; k < sorted.length && distinct <= bins; k++) {
            if (k == 0 || sorted[k] != sorted[k - 1]) {
                distinct++;
            }
        }
        if (sorted.length == 0) {
            labels.add("(none)");
            counts.add(0L);
        } else if (distinct <= bins) {
            for (int k = 0; k < sorted.length; k++) {
                if (k == 0 || sorted[k] != sorted[k - 1]) {
                    labels.add(format(sorted[k]));
                    counts.add(0L);
                }
                counts.set(counts.size() - 1, counts.get(counts.size() - 1) + 1);
            }
        } else {
            double min = sorted[0];
            double width = (sorted[sorted.length - 1] - min) / bins;
            long[] perBin = new long[bins];
            for (double v : sorted) {
                perBin[Math.min((int) ((v - min) / width), bins - 1)]++;
            }
            for (int b = 0; b < bins; b++) {
                labels.add(format(min + (b + 0.5) * width));
                counts.add(perBin[b]);
            }
        }
    }

    /**
     * Draws a scatter plot.
     *
     * @param file   the PNG file to write
     * @param title  chart title
     * @param xLabel x axis label
     * @param yLabel y axis label
     * @param x      x coordinates
     * @param y      y coordinates, same length
     * @throws IOException if the file cannot be written
     */
    static void scatter(Path file, String title, String xLabel, String yLabel, double[] x, double[] y)
            throws IOException {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y must have the same length, got " + x.length + " and " + y.length);
        }
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        XYStyler styler = chart.getStyler();
        styler.setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        styler.setLegendVisible(false);
        styler.setMarkerSize(5);
        styler.setChartBackgroundColor(Color.WHITE);
        double[] xs = x.length == 0 ? new double[] {0} : x;
        double[] ys = y.length == 0 ? new double[] {0} : y;
        chart.addSeries("points", xs, ys).setMarker(SeriesMarkers.CIRCLE);
        write(chart, file);
    }

    /**
     * Draws a bar chart with one bar per category, the value printed above each bar.
     *
     * @param file       the PNG file to write
     * @param title      chart title
     * @param xLabel     category axis label
     * @param yLabel     value axis label
     * @param categories bar names
     * @param values     bar heights, same length
     * @throws IOException if the file cannot be written
     */
    static void bars(Path file, String title, String xLabel, String yLabel, List<String> categories,
                     List<Double> values) throws IOException {
        write(barChart(title, xLabel, yLabel, categories, values), file);
    }

    /**
     * The bar chart of {@link #bars} as PNG bytes, e.g. for a {@code data:} URI.
     *
     * @return the PNG
     * @throws IOException if encoding fails
     */
    static byte[] barsPng(String title, String xLabel, String yLabel, List<String> categories, List<Double> values)
            throws IOException {
        return BitmapEncoder.getBitmapBytes(barChart(title, xLabel, yLabel, categories, values),
                BitmapEncoder.BitmapFormat.PNG);
    }

    private static CategoryChart barChart(String title, String xLabel, String yLabel, List<String> categories,
                                          List<Double> values) {
        if (categories.size() != values.size() || categories.isEmpty()) {
            throw new IllegalArgumentException("need as many values as categories (at least one), got "
                    + categories.size() + " categories and " + values.size() + " values");
        }
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        CategoryStyler styler = chart.getStyler();
        styler.setLegendVisible(false);
        styler.setLabelsVisible(true);
        styler.setYAxisDecimalPattern("0.0000");
        styler.setChartBackgroundColor(Color.WHITE);
        chart.addSeries(yLabel, categories, values);
        return chart;
    }

    private static void write(Chart<?, ?> chart, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        }
    }

    private static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e9) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        return Math.abs(value) >= 100 ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.2f", value);
    }
}
