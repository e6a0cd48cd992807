package dev.recommender.eval.metric;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CatalogMetricsTest {
    @Test
    void coverageIsDistinctRecommendedOverCatalog() {
        assertEquals(0.75, CatalogMetrics.coverage(3, 4)); // 3 of 4 items
        assertEquals(0.0, CatalogMetrics.coverage(0, 4));
    }

    @Test
    void selfInformationInBits() {
        assertEquals(3.0, CatalogMetrics.selfInformation(1, 8), 1e-15); // -log2(1/8)
        assertEquals(1.0, CatalogMetrics.selfInformation(4, 8), 1e-15); // -log2(1/2)
        assertEquals(0.0, CatalogMetrics.selfInformation(8, 8), 1e-15); // everyone has it
    }

    @Test
    void rejectsImpossibleCounts() {
        IllegalArgumentException coverage = assertThrows(IllegalArgumentException.class,
                () -> CatalogMetrics.coverage(5, 4));
        assertEquals("distinctRecommended must be in [0, 4], got 5", coverage.getMessage());
        IllegalArgumentException information = assertThrows(IllegalArgumentException.class,
                () -> CatalogMetrics.selfInformation(0, 8));
        assertEquals("itemUsers must be in [1, userCount = 8], got 0", information.getMessage());
    }
}
