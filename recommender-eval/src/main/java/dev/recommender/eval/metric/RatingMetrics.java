package dev.recommender.eval.metric;

/**
 * Rating prediction error: root mean squared error and mean absolute error over parallel arrays
 * of predictions and true values. Pure functions; O(n); thread-safe.
 */
public final class RatingMetrics {
    private RatingMetrics() {
    }

    /**
     * Root mean squared error, {@code sqrt(sum (p - a)^2 / n)}.
     *
     * @param predicted the predictions
     * @param actual    the true values, same length
     * @return the RMSE
     * @throws IllegalArgumentException if the arrays are empty or of different lengths
     */
    public static double rmse(double[] predicted, double[] actual) {
        check(predicted, actual);
        double sum = 0;
        for (int k = 0; k < predicted.length; k++) {
            double d = predicted[k] - actual[k];
            sum += d * d;
        }
        return Math.sqrt(sum / predicted.length);
    }

    /**
     * Mean absolute error, {@code sum |p - a| / n}.
     *
     * @param predicted the predictions
     * @param actual    the true values, same length
     * @return the MAE
     * @throws IllegalArgumentException if the arrays are empty or of different lengths
     */
    public static double mae(double[] predicted, double[] actual) {
        check(predicted, actual);
        double sum = 0;
        for (int k = 0; k < predicted.length; k++) {
            sum += Math.abs(predicted[k] - actual[k]);
        }
        return sum / predicted.length;
    }

    private static void check(double[] predicted, double[] actual) {
        if (predicted.length != actual.length) {
            throw new IllegalArgumentException("predicted and actual must have the same length, got "
                    + predicted.length + " and " + actual.length);
        }
        if (predicted.length == 0) {
            throw new IllegalArgumentException("predicted must not be empty");
        }
    }
}
