package dev.recommender.eval.metric;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RatingMetricsTest {
    private final double[] predicted = {3, 4, 5};
    private final double[] actual = {2, 4, 3};

    @Test
    void rmseByHand() {
        // errors 1, 0, 2 -> squares 1, 0, 4 -> mean 5/3 -> sqrt = 1.2909944...
        assertEquals(Math.sqrt(5.0 / 3), RatingMetrics.rmse(predicted, actual), 1e-15);
        assertEquals(1.2909944, RatingMetrics.rmse(predicted, actual), 1e-7);
    }

    @Test
    void maeByHand() {
        // |errors| 1, 0, 2 -> mean 3/3 = 1
        assertEquals(1.0, RatingMetrics.mae(predicted, actual), 1e-15);
    }

    @Test
    void perfectPredictionsHaveNoError() {
        assertEquals(0, RatingMetrics.rmse(actual, actual));
        assertEquals(0, RatingMetrics.mae(actual, actual));
    }

    @Test
    void rejectsMismatchedOrEmptyInput() {
        IllegalArgumentException lengths = assertThrows(IllegalArgumentException.class,
                () -> RatingMetrics.rmse(new double[2], new double[3]));
        assertEquals("predicted and actual must have the same length, got 2 and 3", lengths.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> RatingMetrics.mae(new double[0], new double[0]));
        assertEquals("predicted must not be empty", empty.getMessage());
    }
}
