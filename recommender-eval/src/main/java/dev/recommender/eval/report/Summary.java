package dev.recommender.eval.report;

/**
 * Mean and sample standard deviation of one quantity across folds.
 *
 * @param mean              the mean of the finite values, {@code NaN} if there is none
 * @param standardDeviation the sample standard deviation (divisor {@code count - 1}) of the finite
 *                          values; 0 for a single value, {@code NaN} if there is none
 * @param count             how many finite values were summarised
 */
public record Summary(double mean, double standardDeviation, int count) {
    /**
     * Validates the fields.
     *
     * @throws IllegalArgumentException if {@code count} is negative
     */
    public Summary {
        if (count < 0) {
            throw new IllegalArgumentException("count must be at least 0, got " + count);
        }
    }

    /**
     * Summarises values, ignoring {@code NaN}s (a metric undefined on a fold, such as RMSE of a
     * model without point scores). Two-pass algorithm for accuracy.
     *
     * @param values the per-fold values
     * @return the summary
     */
    public static Summary of(double... values) {
        double sum = 0;
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        if (n == 0) {
            return new Summary(Double.NaN, Double.NaN, 0);
        }
        double mean = sum / n;
        if (n == 1) {
            return new Summary(mean, 0, 1);
        }
        double squares = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                squares += (v - mean) * (v - mean);
            }
        }
        return new Summary(mean, Math.sqrt(squares / (n - 1)), n);
    }
}
