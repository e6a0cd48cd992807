package dev.recommender.eval.report;

import dev.recommender.core.data.CsvWriter;
import dev.recommender.core.io.AtomicFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The result of one evaluation: one row per algorithm, each with the mean and standard deviation
 * of every metric across folds, wall times and the counts a protocol check needs (unknown pairs,
 * skipped and cold users). Prints as a markdown table ({@link #toMarkdown()}), and writes CSV
 * (one row per algorithm, {@link #toCsv()}; one row per algorithm and fold, {@link #toFoldCsv()})
 * and JSON ({@link #toJson()}). Numbers are written with {@link Locale#ROOT}; NaN (a metric
 * undefined for a model) is an empty CSV cell, {@code null} in JSON and {@code -} in markdown.
 *
 * @param splitter    a description of the splits, e.g. {@code "5-fold over pairs (protocol A, seed 42)"}
 * @param folds       number of splits each algorithm was evaluated on
 * @param algorithms  one result per algorithm, in the order they were given
 */
public record EvaluationReport(String splitter, int folds, List<AlgorithmResult> algorithms) {
    /** The footnote under a table where a model has no rating metrics. */
    public static final String RANK_ONLY_NOTE = "— no value: the model only ranks (its scores are not predicted "
            + "ratings or rates), so RMSE and MAE do not apply to it.";

    /**
     * Validates and copies the fields.
     *
     * @throws IllegalArgumentException if {@code folds < 1}
     */
    public EvaluationReport {
        Objects.requireNonNull(splitter, "splitter");
        algorithms = List.copyOf(algorithms);
        if (folds < 1) {
            throw new IllegalArgumentException("folds must be at least 1, got " + folds);
        }
    }

    /** The metric names of all rows, in report order. */
    public List<String> metricNames() {
        Set<String> names = new LinkedHashSet<>();
        for (AlgorithmResult row : algorithms) {
            names.addAll(row.metricNames());
        }
        return List.copyOf(names);
    }

    /**
     * The row of an algorithm.
     *
     * @param algorithm the algorithm's label
     * @return the row
     * @throws IllegalArgumentException if there is no such row
     */
    public AlgorithmResult row(String algorithm) {
        for (AlgorithmResult row : algorithms) {
            if (row.algorithm().equals(algorithm)) {
                return row;
            }
        }
        throw new IllegalArgumentException("no row for algorithm '" + algorithm + "'; rows: "
                + algorithms.stream().map(AlgorithmResult::algorithm).toList());
    }

    /**
     * A markdown table: one row per algorithm, one column per metric ({@code mean ± std} over folds
     * when there are several), then fit and recommendation seconds (per fold) and the unknown-pair
     * count over all folds.
     *
     * @return the table, with a caption line naming the splitter
     */
    public String toMarkdown() {
        return toMarkdown(metricNames());
    }

    /**
     * The markdown table of {@link #toMarkdown()} with only some metric columns, e.g. the seed
     * notebook's {@code rmse} and {@code top_k_accuracy@K}.
     *
     * @param metrics the metric columns, in order; each must be one of {@link #metricNames()}
     * @return the table, with a caption line naming the splitter
     * @throws IllegalArgumentException if a metric is not in the report
     */
    public String toMarkdown(List<String> metrics) {
        for (String metric : metrics) {
            if (!metricNames().contains(metric)) {
                throw new IllegalArgumentException("no metric '" + metric + "' in the report; metrics: " + metricNames());
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("Evaluation: ").append(splitter).append(", ").append(folds)
                .append(folds == 1 ? " split" : " folds (mean ± std)").append("\n\n");
        out.append("| algorithm |");
        for (String metric : metrics) {
            out.append(' ').append(metric).append(" |");
        }
        out.append(" fit s | predict s | recommend s | unknown pairs |\n|---|");
        out.append("---:|".repeat(metrics.size() + 4)).append('\n');
        for (AlgorithmResult row : algorithms) {
            out.append("| ").append(row.algorithm().replace("|", "\\|")).append(" |");
            for (String metric : metrics) {
                out.append(' ').append(cell(row.summary(metric), 4)).append(" |");
            }
            out.append(' ').append(cell(row.fitSeconds(), 2)).append(" |")
                    .append(' ').append(cell(row.predictSeconds(), 2)).append(" |")
                    .append(' ').append(cell(row.recommendSeconds(), 2)).append(" |")
                    .append(' ').append(row.totalUnknownPairs()).append(" |\n");
        }
        if (rankOnlyRows(metrics)) {
            out.append('\n').append(RANK_ONLY_NOTE).append('\n');
        }
        return out.toString();
    }

    /** Whether a rating-metric column has a "—" cell: some model only ranks. */
    private boolean rankOnlyRows(List<String> metrics) {
        for (String metric : metrics) {
            if (metric.equals("rmse") || metric.equals("mae")) {
                for (AlgorithmResult row : algorithms) {
                    if (row.summary(metric).count() == 0) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private String cell(Summary summary, int decimals) {
        if (summary.count() == 0) {
            return "—";
        }
        String format = "%." + decimals + "f";
        String mean = String.format(Locale.ROOT, format, summary.mean());
        return folds == 1 ? mean : mean + " ± " + String.format(Locale.ROOT, format, summary.standardDeviation());
    }

    /**
     * CSV with one row per algorithm: {@code algorithm,folds}, then {@code <metric>_mean,<metric>_std}
     * for every metric, fit/predict/recommend seconds (mean and std), and the totals over folds of
     * test pairs, unknown pairs, non-finite predictions, evaluated, skipped and cold users.
     *
     * @return the CSV text, header first, lines ending in {@code \n}
     */
    public String toCsv() {
        List<String> metrics = metricNames();
        StringBuilder out = new StringBuilder("algorithm,folds");
        for (String metric : metrics) {
            out.append(',').append(csv(metric + "_mean")).append(',').append(csv(metric + "_std"));
        }
        out.append(",fit_s_mean,fit_s_std,predict_s_mean,predict_s_std,recommend_s_mean,recommend_s_std")
                .append(",test_pairs,unknown_pairs,non_finite_predictions,users_evaluated,users_skipped,cold_users\n");
        for (AlgorithmResult row : algorithms) {
            out.append(csv(row.algorithm())).append(',').append(row.folds().size());
            for (String metric : metrics) {
                appendSummary(out, row.summary(metric));
            }
            appendSummary(out, row.fitSeconds());
            appendSummary(out, row.predictSeconds());
            appendSummary(out, row.recommendSeconds());
            out.append(',').append(row.totalTestPairs()).append(',').append(row.totalUnknownPairs())
                    .append(',').append(row.totalNonFinitePredictions()).append(',').append(row.totalUsersEvaluated())
                    .append(',').append(row.totalUsersSkipped()).append(',').append(row.totalColdUsers()).append('\n');
        }
        return out.toString();
    }

    /**
     * CSV with one row per algorithm and fold: {@code algorithm,fold}, every metric, the three wall
     * times and the fold's counts.
     *
     * @return the CSV text, header first, lines ending in {@code \n}
     */
    public String toFoldCsv() {
        List<String> metrics = metricNames();
        StringBuilder out = new StringBuilder("algorithm,fold");
        for (String metric : metrics) {
            out.append(',').append(csv(metric));
        }
        out.append(",fit_s,predict_s,recommend_s,test_pairs,unknown_pairs,non_finite_predictions")
                .append(",users_evaluated,users_skipped,cold_users\n");
        for (AlgorithmResult row : algorithms) {
            for (FoldResult fold : row.folds()) {
                out.append(csv(row.algorithm())).append(',').append(fold.fold());
                for (String metric : metrics) {
                    out.append(',').append(csvNumber(fold.metric(metric)));
                }
                out.append(',').append(csvNumber(fold.fitSeconds())).append(',').append(csvNumber(fold.predictSeconds()))
                        .append(',').append(csvNumber(fold.recommendSeconds())).append(',').append(fold.testPairs())
                        .append(',').append(fold.unknownPairs()).append(',').append(fold.nonFinitePredictions())
                        .append(',').append(fold.usersEvaluated()).append(',').append(fold.usersSkipped())
                        .append(',').append(fold.coldUsers()).append('\n');
            }
        }
        return out.toString();
    }

    private static void appendSummary(StringBuilder out, Summary summary) {
        out.append(',').append(csvNumber(summary.mean())).append(',').append(csvNumber(summary.standardDeviation()));
    }

    private static String csvNumber(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "" : Json.number(value);
    }

    private static String csv(String text) {
        return CsvWriter.quote(text);
    }

    /**
     * JSON: {@code {"splitter": ..., "folds": n, "metrics": [...], "algorithms": [{"algorithm": ...,
     * "summary": {metric: {"mean": m, "std": s, "count": c}}, "fit_s": {...}, "predict_s": {...},
     * "recommend_s": {...}, "totals": {...}, "folds": [{"fold": f, "metrics": {...}, ...}]}]}}.
     *
     * @return the JSON text, one line
     */
    public String toJson() {
        List<String> metrics = metricNames();
        StringBuilder out = new StringBuilder("{\"splitter\":").append(Json.string(splitter))
                .append(",\"folds\":").append(folds).append(",\"metrics\":[");
        for (int k = 0; k < metrics.size(); k++) {
            out.append(k == 0 ? "" : ",").append(Json.string(metrics.get(k)));
        }
        out.append("],\"algorithms\":[");
        for (int a = 0; a < algorithms.size(); a++) {
            AlgorithmResult row = algorithms.get(a);
            out.append(a == 0 ? "" : ",").append("{\"algorithm\":").append(Json.string(row.algorithm()))
                    .append(",\"summary\":{");
            for (int k = 0; k < metrics.size(); k++) {
                out.append(k == 0 ? "" : ",").append(Json.string(metrics.get(k))).append(':');
                appendJson(out, row.summary(metrics.get(k)));
            }
            out.append("},\"fit_s\":");
            appendJson(out, row.fitSeconds());
            out.append(",\"predict_s\":");
            appendJson(out, row.predictSeconds());
            out.append(",\"recommend_s\":");
            appendJson(out, row.recommendSeconds());
            out.append(",\"totals\":{\"test_pairs\":").append(row.totalTestPairs())
                    .append(",\"unknown_pairs\":").append(row.totalUnknownPairs())
                    .append(",\"non_finite_predictions\":").append(row.totalNonFinitePredictions())
                    .append(",\"users_evaluated\":").append(row.totalUsersEvaluated())
                    .append(",\"users_skipped\":").append(row.totalUsersSkipped())
                    .append(",\"cold_users\":").append(row.totalColdUsers()).append("},\"folds\":[");
            for (int f = 0; f < row.folds().size(); f++) {
                FoldResult fold = row.folds().get(f);
                out.append(f == 0 ? "" : ",").append("{\"fold\":").append(fold.fold()).append(",\"metrics\":{");
                int k = 0;
                for (var metric : fold.metrics().entrySet()) {
                    out.append(k++ == 0 ? "" : ",").append(Json.string(metric.getKey())).append(':')
                            .append(Json.number(metric.getValue()));
                }
                out.append("},\"fit_s\":").append(Json.number(fold.fitSeconds()))
                        .append(",\"predict_s\":").append(Json.number(fold.predictSeconds()))
                        .append(",\"recommend_s\":").append(Json.number(fold.recommendSeconds()))
                        .append(",\"test_pairs\":").append(fold.testPairs())
                        .append(",\"unknown_pairs\":").append(fold.unknownPairs())
                        .append(",\"non_finite_predictions\":").append(fold.nonFinitePredictions())
                        .append(",\"users_evaluated\":").append(fold.usersEvaluated())
                        .append(",\"users_skipped\":").append(fold.usersSkipped())
                        .append(",\"cold_users\":").append(fold.coldUsers()).append('}');
            }
            out.append("]}");
        }
        return out.append("]}").toString();
    }

    private static void appendJson(StringBuilder out, Summary summary) {
        out.append("{\"mean\":").append(Json.number(summary.mean())).append(",\"std\":")
                .append(Json.number(summary.standardDeviation())).append(",\"count\":").append(summary.count()).append('}');
    }

    /**
     * Writes {@link #toCsv()} to a file atomically with normal permissions ({@link AtomicFiles}).
     *
     * @param file the target file
     * @throws IOException if the file cannot be written
     */
    public void writeCsv(Path file) throws IOException {
        write(file, toCsv());
    }

    /**
     * Writes {@link #toJson()} to a file atomically with normal permissions ({@link AtomicFiles}).
     *
     * @param file the target file
     * @throws IOException if the file cannot be written
     */
    public void writeJson(Path file) throws IOException {
        write(file, toJson());
    }

    /**
     * Writes {@link #toMarkdown()} to a file atomically with normal permissions ({@link AtomicFiles}).
     *
     * @param file the target file
     * @throws IOException if the file cannot be written
     */
    public void writeMarkdown(Path file) throws IOException {
        write(file, toMarkdown());
    }

    private static void write(Path file, String text) throws IOException {
        AtomicFiles.writeString(file, text);
    }

    @Override
    public String toString() {
        return toMarkdown();
    }
}
