package dev.recommender.examples;

import dev.recommender.core.data.Interactions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code summarize}: the proof of concept's exploratory analysis of an event log. Prints counts of events,
 * users, items, event types and pairs, activity quartiles per user, item and pair, sparsity, time span
 * and the distribution of the per-pair value ({@link Summary}); with {@code --charts DIR} also draws PNG
 * charts: histograms of the per-pair value, of the events per pair (shown_count) and, for engagement
 * logs, of the engagements per pair (engaged_count), and a scatter plot of each item's mean value
 * against its number of pairs.
 */
@Command(name = "summarize", mixinStandardHelpOptions = true,
        description = "Exploratory summary of an event log: counts, activity quartiles, sparsity, time span, "
                + "value distribution; PNG charts with --charts.")
final class SummarizeCommand extends ToolCommand {
    @Mixin
    InputOptions input;

    @Option(names = "--charts", paramLabel = "DIR", description = "Write PNG charts into this folder.")
    Path chartsDir;

    @Option(names = "--bins", defaultValue = "20", description = "Histogram bins (default: ${DEFAULT-VALUE}).")
    int bins;

    @Override
    void run() throws Exception {
        if (bins < 1) {
            throw new UserInputException("--bins must be at least 1, got " + bins);
        }
        Dataset data = input.load(err());
        Interactions pairs = data.pairs();
        Summary summary = Summary.of(data.events(), pairs, data.format().valueName());
        List<Path> charts = chartsDir == null ? List.of() : drawCharts(data, pairs, chartsDir, bins);
        print("# Summary of " + data.file() + "\n\n" + summary.toMarkdown());
        if (!charts.isEmpty()) {
            print("\nCharts: " + charts);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("file", data.file().toString());
        result.put("format", data.format().optionName());
        result.put("summary", summary);
        result.put("charts", charts.stream().map(Path::toString).toList());
        printJson(result);
    }

    /**
     * Draws the EDA charts into a folder.
     *
     * @return the written files
     */
    static List<Path> drawCharts(Dataset data, Interactions pairs, Path dir, int bins) throws java.io.IOException {
        String valueName = data.format().valueName();
        int n = pairs.size();
        double[] values = new double[n];
        double[] shown = new double[n];
        double[] engaged = new double[n];
        for (int p = 0; p < n; p++) {
            values[p] = pairs.value(p);
            shown[p] = pairs.eventCount(p);
            engaged[p] = pairs.engagedCount(p);
        }
        List<Path> files = new ArrayList<>();
        Path valueChart = dir.resolve(valueName + "-histogram.png");
        Charts.histogram(valueChart, "Distribution of " + valueName + " per (user, item) pair", valueName, values, bins);
        files.add(valueChart);
        Path shownChart = dir.resolve("shown_count-histogram.png");
        Charts.histogram(shownChart, "Events per (user, item) pair (shown_count)", "shown_count", shown, bins);
        files.add(shownChart);
        if (data.format().isEngagement()) {
            Path engagedChart = dir.resolve("engaged_count-histogram.png");
            Charts.histogram(engagedChart, "Engagements per (user, item) pair (engaged_count)", "engaged_count",
                    engaged, bins);
            files.add(engagedChart);
        }
        double[] itemCount = new double[pairs.itemCount()];
        double[] itemMean = new double[pairs.itemCount()];
        for (int item = 0; item < pairs.itemCount(); item++) {
            double sum = 0;
            for (int k = pairs.itemStart(item); k < pairs.itemEnd(item); k++) {
                sum += pairs.value(pairs.entryAtItemPosition(k));
            }
            itemCount[item] = pairs.itemDegree(item);
            itemMean[item] = sum / Math.max(1, pairs.itemDegree(item));
        }
        Path scatter = dir.resolve("item-mean-vs-count.png");
        Charts.scatter(scatter, "Per-item mean " + valueName + " vs number of pairs", "pairs per item",
                "mean " + valueName, itemCount, itemMean);
        files.add(scatter);
        return files;
    }
}
