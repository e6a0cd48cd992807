package dev.recommender.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class QuantilesTest {
    @Test
    void interpolatesLinearlyBetweenOrderStatistics() {
        // sorted: 1 2 4 8 10, n = 5
        // q1 position 0.25 * 4 = 1 -> 2; median position 2 -> 4; q3 position 3 -> 8; mean 25 / 5 = 5
        Quantiles q = Quantiles.of(new double[] {8, 1, 10, 4, 2});
        assertEquals(new Quantiles(5, 1, 2, 4, 8, 10, 5), q);
    }

    @Test
    void interpolatesFractionalPositions() {
        // sorted: 1 2 3 4, n = 4; q1 position 0.75 -> 1 + 0.75 * (2 - 1) = 1.75;
        // median position 1.5 -> 2.5; q3 position 2.25 -> 3.25; mean 10 / 4 = 2.5
        Quantiles q = Quantiles.of(new int[] {4, 3, 2, 1});
        assertEquals(1.75, q.q1(), 1e-12);
        assertEquals(2.5, q.median(), 1e-12);
        assertEquals(3.25, q.q3(), 1e-12);
        assertEquals(2.5, q.mean(), 1e-12);
        assertEquals(4, q.count());
    }

    @Test
    void emptySampleIsAllZero() {
        assertEquals(new Quantiles(0, 0, 0, 0, 0, 0, 0), Quantiles.of(new double[0]));
    }

    @Test
    void doesNotModifyItsInput() {
        double[] values = {3, 1, 2};
        Quantiles.of(values);
        assertEquals(3, values[0]);
    }
}
