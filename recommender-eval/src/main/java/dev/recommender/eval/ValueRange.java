package dev.recommender.eval;

/**
 * A closed range of values, used to clip rating predictions (e.g. {@code [1, 5]} for protocol A).
 *
 * @param min the smallest value
 * @param max the largest value, at least {@code min}
 */
public record ValueRange(double min, double max) {
    /**
     * Validates the fields.
     *
     * @throws IllegalArgumentException if a bound is not finite or {@code min > max}
     */
    public ValueRange {
        if (!Double.isFinite(min) || !Double.isFinite(max) || min > max) {
            throw new IllegalArgumentException("need finite min <= max, got min " + min + ", max " + max);
        }
    }

    /**
     * Clips a value into the range.
     *
     * @param value the value
     * @return the nearest value in {@code [min, max]}
     */
    public double clip(double value) {
        return Math.max(min, Math.min(max, value));
    }
}
