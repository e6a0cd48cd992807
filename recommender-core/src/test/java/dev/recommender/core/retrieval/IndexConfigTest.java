package dev.recommender.core.retrieval;

import dev.recommender.core.io.ModelData;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IndexConfigTest {
    @Test
    void defaultsSwitchToHnswAtTheThreshold() {
        IndexConfig config = IndexConfig.defaults();
        assertFalse(config.approximate(IndexConfig.DEFAULT_APPROXIMATE_THRESHOLD - 1));
        assertTrue(config.approximate(IndexConfig.DEFAULT_APPROXIMATE_THRESHOLD));
        assertFalse(IndexConfig.exactOnly().approximate(Integer.MAX_VALUE - 1));
    }

    @Test
    void invalidValuesAreNamed() {
        assertEquals("m must be between 2 and 256, got 1", assertThrows(IllegalArgumentException.class,
                () -> IndexConfig.defaults().withHnsw(1, 10, 10)).getMessage());
        assertEquals("efConstruction must be at least m (16), got 8", assertThrows(IllegalArgumentException.class,
                () -> IndexConfig.defaults().withHnsw(16, 8, 10)).getMessage());
        assertEquals("approximateThreshold must be at least 1, got 0", assertThrows(IllegalArgumentException.class,
                () -> IndexConfig.defaults().withApproximateThreshold(0)).getMessage());
        assertEquals("buildThreads must be at least 1, got 0", assertThrows(IllegalArgumentException.class,
                () -> IndexConfig.defaults().withBuildThreads(0)).getMessage());
    }

    @Test
    void roundTripsThroughModelProperties() {
        IndexConfig config = new IndexConfig(500, 12, 64, 33, 2);
        ModelData.Builder builder = ModelData.builder("test", 1);
        config.writeTo(builder, "index.");
        assertEquals(config, IndexConfig.readFrom(builder.build(), "index."));
    }
}
