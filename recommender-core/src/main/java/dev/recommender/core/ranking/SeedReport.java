package dev.recommender.core.ranking;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The result of a {@link SeedProtocol} run: one row per contender with its fit time, engagement-rate
 * RMSE (NaN for a model that is not a scorer) and top-K categorical accuracy. Immutable.
 *
 * @param ks              the K of each accuracy column
 * @param testPairs       pairs shown in the test period (the RMSE's pairs)
 * @param newEngagedPairs pairs counted by top-K accuracy
 * @param rows            one per contender, in run order
 */
public record SeedReport(List<Integer> ks, int testPairs, int newEngagedPairs, List<Row> rows) {
    /** Validates and copies the fields. */
    public SeedReport {
        ks = List.copyOf(ks);
        rows = List.copyOf(rows);
    }

    /** The row of a contender. */
    public Row row(String name) {
        for (Row row : rows) {
            if (row.name().equals(name)) {
                return row;
            }
        }
        throw new IllegalArgumentException("no row named '" + name + "'; rows: "
                + rows.stream().map(Row::name).toList());
    }

    /** A markdown table: model, RMSE, top-K accuracies, fit seconds. */
    public String toMarkdown() {
        StringBuilder out = new StringBuilder("| model | RMSE of engagement rate |");
        for (int k : ks) {
            out.append(" top-").append(k).append(" |");
        }
        out.append(" fit s |\n|---|---|");
        out.append("---|".repeat(ks.size())).append("---|\n");
        for (Row row : rows) {
            out.append("| ").append(row.name()).append(" | ")
                    .append(Double.isNaN(row.rmse()) ? "-" : String.format(Locale.ROOT, "%.4f", row.rmse())).append(" |");
            for (double accuracy : row.accuracy()) {
                out.append(String.format(Locale.ROOT, " %.4f |", accuracy));
            }
            out.append(String.format(Locale.ROOT, " %.1f |\n", row.fitSeconds()));
        }
        out.append(String.format(Locale.ROOT, "%n%d test pairs for RMSE, %d new engaged pairs for top-K accuracy.%n",
                testPairs, newEngagedPairs));
        return out.toString();
    }

    /**
     * One contender's results.
     *
     * @param name       report name
     * @param fitSeconds wall time of the fit
     * @param rmse       engagement-rate RMSE over the test pairs, NaN if the model is not a scorer
     * @param accuracy   top-K categorical accuracy, one per {@link SeedReport#ks()}
     */
    public record Row(String name, double fitSeconds, double rmse, double[] accuracy) {
        /** Validates and copies the fields. */
        public Row {
            Objects.requireNonNull(name, "name");
            accuracy = accuracy.clone();
        }

        /** A copy of the accuracies. */
        @Override
        public double[] accuracy() {
            return accuracy.clone();
        }
    }
}
