package dev.recommender.eval;

import dev.recommender.eval.report.EvaluationReport;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The outcome of a {@link GridSearch}: every point's cross-validated results and the best one.
 *
 * @param objective the metric that chose the best point, e.g. {@code "rmse"}
 * @param goal      whether smaller or larger objective values are better
 * @param rows      one row per grid point, in grid order
 * @param bestIndex the position in {@code rows} of the best point (the first among equals)
 * @param report    the full evaluation report, one row per point
 */
public record GridSearchResult(String objective, GridSearch.Goal goal, List<GridRow> rows, int bestIndex,
                               EvaluationReport report) {
    /**
     * Validates and copies the fields.
     *
     * @throws IllegalArgumentException if {@code bestIndex} is out of range
     */
    public GridSearchResult {
        Objects.requireNonNull(objective, "objective");
        Objects.requireNonNull(goal, "goal");
        Objects.requireNonNull(report, "report");
        rows = List.copyOf(rows);
        if (bestIndex < 0 || bestIndex >= rows.size()) {
            throw new IllegalArgumentException("bestIndex must be in [0, " + rows.size() + "), got " + bestIndex);
        }
    }

    /** The best row. */
    public GridRow best() {
        return rows.get(bestIndex);
    }

    /** The best parameters. */
    public ParameterPoint bestPoint() {
        return best().point();
    }

    /**
     * A markdown table of the grid: the parameters, the objective's mean and standard deviation,
     * the best row marked.
     *
     * @return the table
     */
    public String toMarkdown() {
        List<String> names = List.copyOf(rows.get(0).point().values().keySet());
        StringBuilder out = new StringBuilder("|");
        for (String name : names) {
            out.append(' ').append(name).append(" |");
        }
        out.append(' ').append(objective).append(" mean | ").append(objective).append(" std | best |\n|");
        out.append("---:|".repeat(names.size() + 2)).append(":---:|\n");
        for (int r = 0; r < rows.size(); r++) {
            GridRow row = rows.get(r);
            out.append('|');
            for (String name : names) {
                out.append(' ').append(row.point().get(name)).append(" |");
            }
            out.append(' ').append(String.format(Locale.ROOT, "%.4f", row.objective().mean())).append(" | ")
                    .append(String.format(Locale.ROOT, "%.4f", row.objective().standardDeviation())).append(" | ")
                    .append(r == bestIndex ? "*" : "").append(" |\n");
        }
        return out.toString();
    }
}
