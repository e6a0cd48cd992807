package dev.recommender.examples;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recommender.core.Algorithm;
import dev.recommender.core.data.Aggregation;
import dev.recommender.eval.EvaluationOptions;
import dev.recommender.eval.EvaluationProgress;
import dev.recommender.eval.Evaluator;
import dev.recommender.eval.ProgressListener;
import dev.recommender.eval.report.AlgorithmResult;
import dev.recommender.eval.report.EvaluationReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code evaluate}: fits several algorithms on the same split(s) and prints the side-by-side table of
 * rating metrics (for scorers) and ranking metrics (for all), as markdown; {@code --chart} draws a bar
 * chart of one metric per algorithm. Algorithm names are resolved by {@link AlgorithmCatalog}, splits by
 * {@link SplitSpec}; the evaluation itself is recommender-eval's {@link Evaluator}.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Compare algorithms side by side on the same split: rating metrics for scorers, "
                + "ranking metrics for all; markdown table, optional bar chart.")
final class EvaluateCommand extends TrainingCommand {

    @Mixin
    InputOptions input;

    @Mixin
    RunOptions runs;

    @Option(names = "--split", paramLabel = "SPEC", defaultValue = "random:0.2", converter = SplitSpec.Converter.class,
            description = "random:F | user:F | last:N | temporal:ISO-DATE | kfold:K | protocolA | protocolB "
                    + "(default: ${DEFAULT-VALUE}).")
    SplitSpec split;

    @Option(names = "--algorithms", paramLabel = "LIST", defaultValue = "popularity,baseline,svd",
            description = "Comma-separated algorithm names (default: ${DEFAULT-VALUE}); see --list-algorithms.")
    String algorithms;

    @Option(names = "--list-algorithms", description = "List the known algorithm names and exit.")
    boolean listAlgorithms;

    @Option(names = "--k", defaultValue = "10", description = "Cutoff of the ranking metrics (default: ${DEFAULT-VALUE}).")
    int k;



    @Option(names = "--chart", paramLabel = "FILE", description = "Write a bar chart (PNG) of --metric per algorithm.")
    Path chart;

    @Option(names = "--metric", defaultValue = "ndcg@10", description = "Metric of the chart (default: ${DEFAULT-VALUE}).")
    String metric;

    @Option(names = "--report", paramLabel = "DIR", description = "Also write the report as report.md, report.csv, "
            + "report.json and report.html (tables and charts in one self-contained page); DIR is created.")
    Path reportDir;

    @Option(names = "--tune", description = "Tune svd, svdpp, rate-als, exposure-rate, implicit-als, ease and two-tower inside every fold on a "
            + "validation carve of "
            + "the fold's training side (nested); see TuningSpaces.")
    boolean tune;

    @Override
    void run() throws Exception {
        AlgorithmCatalog catalog = AlgorithmCatalog.standard();
        if (listAlgorithms) {
            StringBuilder text = new StringBuilder();
            catalog.entries().forEach(e -> text.append(String.format(Locale.ROOT, "%-20s %s\n", e.name(), e.description())));
            print(text.toString());
            printJson(Map.of("algorithms", catalog.names()));
            return;
        }
        if (k < 1) {
            throw new UserInputException("--k must be at least 1, got " + k);
        }
        if (threads < 1) {
            throw new UserInputException("--threads must be at least 1, got " + threads);
        }
        if (reportDir != null) {
            createReportFolder(reportDir);
        }
        RunRecord record = RunRecord.start("evaluate");
        Dataset data = input.load(err());
        record.dataFile(data.file(), data.format().optionName()).dataFact("events", data.events().size());
        Map<String, Algorithm<?>> configured =
                catalog.createAll(algorithms, new AlgorithmCatalog.Context(data.format(), seed, threads));
        if (tune) {
            configured = TuningSpaces.tune(configured, k, seed);
        }
        record.parameter("split", split.text()).parameter("algorithms", new ArrayList<>(configured.keySet()))
                .parameter("k", k).parameter("seed", seed).parameter("threads", threads).parameter("tune", tune);
        configured.forEach((name, algorithm) -> record.parameter("algorithm." + name, algorithm.toString()));

        EvaluationReport report = evaluate(data, configured, split, k, seed, progressBars());
        for (AlgorithmResult row : report.algorithms()) {
            for (String name : row.metricNames()) {
                record.metric(row.algorithm() + "." + name, row.summary(name).mean());
            }
            record.timing(row.algorithm() + ".fit", row.fitSeconds().mean());
        }
        if (chart != null) {
            drawChart(report, metric, chart);
        }
        if (reportDir != null) {
            report.writeMarkdown(reportDir.resolve("report.md"));
            report.writeCsv(reportDir.resolve("report.csv"));
            report.writeJson(reportDir.resolve("report.json"));
            Files.write(reportDir.resolve("report.html"), html(report, "Evaluation of " + data.file() + " ("
                    + data.format() + "), split " + split).bytes());
        }
        Path recordFile = record.write(runs.runsDir());
        print("# Evaluation of " + data.file() + " (" + data.format() + "), split " + split + "\n\n"
                + TuningSpaces.note(tune) + report.toMarkdown()
                + (chart == null ? "" : "\nChart of " + metric + ": " + chart + "\n")
                + "\nRun record: " + recordFile + "\n");
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("command", "evaluate");
        json.put("file", data.file().toString());
        json.put("format", data.format().optionName());
        json.put("split", split.text());
        json.put("report", new ObjectMapper().readTree(report.toJson()));
        json.put("chart", chart == null ? null : chart.toString());
        json.put("runRecord", recordFile.toString());
        printJson(json);
    }

    /**
     * Runs recommender-eval's evaluator: the format's aggregation for test values, binarised training
     * values and ranking metrics only for protocol B, predictions clipped to [1, 5] for protocol A on
     * ratings (as the peer harness did).
     *
     * @return the report
     */
    static EvaluationReport evaluate(Dataset data, Map<String, Algorithm<?>> algorithms, SplitSpec split, int k,
                                     long seed, boolean progressBars) {
        Aggregation base = data.format().aggregation();
        EvaluationOptions.Builder options = EvaluationOptions.builder().cutoffs(k);
        if (split.kind() == SplitSpec.Kind.PROTOCOL_A && !data.format().isEngagement()) {
            options.clip(1, 5);
        }
        if (split.binariseTraining()) {
            // the peer harness measured only lists under protocol B
            options.ratingMetrics(false);
        }
        if (split.lastShareOfTime() && data.format().isEngagement()) {
            // the seed notebook's protocol: new engaged pairs are relevant, every test pair asks the model
            options.relevantAbove(0).unknownPairs(EvaluationOptions.UnknownPairs.MODEL);
        }
        try (BarListener bar = new BarListener("evaluate", progressBars)) {
            // each algorithm trains on its own signal: rating models on the values, top-N models on the
            // implicit signal (every rated pair a positive for rating data); all are judged on the same pairs
            Evaluator.Builder evaluator = Evaluator.builder(data.signals())
                    .testAggregation(base).options(options.build()).listener(bar);
            return evaluator.build().evaluate(data.events(), split.splitter(seed), algorithms);
        }
    }

    /** Creates the --report folder before any work, so a bad path fails in a second, not after the evaluation. */
    static void createReportFolder(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException | UncheckedIOException e) {
            throw new UserInputException("--report " + folder + ": cannot create the folder (" + e.getClass().getSimpleName()
                    + ": " + e.getMessage() + ")");
        }
        if (!Files.isWritable(folder)) {
            throw new UserInputException("--report " + folder + ": the folder is not writable");
        }
    }

    /** The report as one HTML page: the markdown table and a bar chart of every list metric at the cut-off. */
    static HtmlReport html(EvaluationReport report, String title) throws IOException {
        HtmlReport page = new HtmlReport(title).markdown(report.toMarkdown());
        for (String metric : report.metricNames()) {
            List<String> names = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            finiteMeans(report, metric, names, values);
            if (!names.isEmpty() && (metric.startsWith("ndcg@") || metric.startsWith("recall@") || metric.equals("rmse"))) {
                page.chart(metric + " per algorithm", Charts.barsPng(metric + " per algorithm (" + report.splitter()
                        + ")", "algorithm", metric, names, values));
            }
        }
        return page;
    }

    /** Draws one bar per algorithm of a metric's mean. */
    static void drawChart(EvaluationReport report, String metric, Path file) throws java.io.IOException {
        if (!report.metricNames().contains(metric)) {
            throw new UserInputException("unknown metric '" + metric + "' for --chart: expected one of "
                    + String.join(", ", report.metricNames()));
        }
        List<String> names = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        finiteMeans(report, metric, names, values);
        if (names.isEmpty()) {
            throw new UserInputException("no algorithm has a value of " + metric + " to chart");
        }
        Charts.bars(file, metric + " per algorithm (" + report.splitter() + ")", "algorithm", metric, names, values);
    }

    /** The algorithms with a finite mean of {@code metric}, and those means, in report order. */
    private static void finiteMeans(EvaluationReport report, String metric, List<String> names, List<Double> values) {
        for (AlgorithmResult row : report.algorithms()) {
            double value = row.summary(metric).mean();
            if (Double.isFinite(value)) {
                names.add(row.algorithm());
                values.add(value);
            }
        }
    }

    /** A progress bar over (fold, algorithm) steps, created when the total is first known. */
    static final class BarListener implements ProgressListener, AutoCloseable {
        private final String task;
        private final boolean enabled;
        private Progress progress;
        private int shown;

        BarListener(String task, boolean enabled) {
            this.task = task;
            this.enabled = enabled;
        }

        @Override
        public void onProgress(EvaluationProgress event) {
            if (progress == null) {
                progress = Progress.start(task, event.total(), enabled);
            }
            while (shown < event.completed()) {
                progress.step();
                shown++;
            }
        }

        @Override
        public void close() {
            if (progress != null) {
                progress.close();
            }
        }
    }
}
