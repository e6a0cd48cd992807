package dev.recommender.examples;

import java.util.Arrays;

/**
 * Five-number summary plus mean and count of a sample: minimum, quartiles, median, maximum. Quartiles
 * interpolate linearly between order statistics (the default of NumPy and pandas, "type 7"): the
 * p-quantile of sorted values {@code x[0..n-1]} is {@code x[j] + (x[j+1] - x[j]) * f} with
 * {@code j + f = p * (n - 1)}. Empty samples give zeros and count 0.
 *
 * @param count  number of values
 * @param min    smallest value
 * @param q1     first quartile
 * @param median second quartile
 * @param q3     third quartile
 * @param max    largest value
 * @param mean   arithmetic mean
 */
public record Quantiles(long count, double min, double q1, double median, double q3, double max, double mean) {

    /**
     * Summarises values (the array is not modified). O(n log n).
     *
     * @param values the sample
     * @return its summary
     */
    public static Quantiles of(double[] values) {
        int n = values.length;
        if (n == 0) {
            return new Quantiles(0, 0, 0, 0, 0, 0, 0);
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (double v : sorted) {
            sum += v;
        }
        return new Quantiles(n, sorted[0], quantile(sorted, 0.25), quantile(sorted, 0.5), quantile(sorted, 0.75),
                sorted[n - 1], sum / n);
    }

    /**
     * Summarises integer counts.
     *
     * @param counts the sample
     * @return its summary
     */
    public static Quantiles of(int[] counts) {
        double[] values = new double[counts.length];
        for (int k = 0; k < counts.length; k++) {
            values[k] = counts[k];
        }
        return of(values);
    }

    private static double quantile(double[] sorted, double p) {
        double position = p * (sorted.length - 1);
        int lower = (int) Math.floor(position);
        int upper = Math.min(lower + 1, sorted.length - 1);
        double fraction = position - lower;
        return sorted[lower] + (sorted[upper] - sorted[lower]) * fraction;
    }
}
