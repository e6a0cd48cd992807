package dev.recommender.core.retrieval;

import dev.recommender.core.io.ModelData;

/**
 * How item vectors are searched: exactly below a catalog size, through an HNSW graph above it.
 *
 * <p>The HNSW parameters follow Malkov and Yashunin (2018): {@code m} links per node and layer,
 * {@code efConstruction} candidates while inserting, {@code efSearch} candidates while searching (raised to
 * the number of requested results when that is larger). Higher values give better recall for more time and
 * memory. Building the graph on one thread ({@code buildThreads = 1}, the default) makes it deterministic;
 * more threads build faster but the graph, and so rarely an approximate answer, can differ between builds.
 *
 * @param approximateThreshold catalogs with at least this many items use HNSW, smaller ones are scanned
 *                             exactly; at least 1 (use {@link Integer#MAX_VALUE} to always scan)
 * @param m                    HNSW links per node, 2 to 256
 * @param efConstruction       HNSW construction breadth, at least {@code m}
 * @param efSearch             HNSW search breadth, at least 1
 * @param buildThreads         threads that insert into the graph, at least 1
 */
public record IndexConfig(int approximateThreshold, int m, int efConstruction, int efSearch, int buildThreads) {
    /** Default catalog size from which HNSW is used: 100,000 items. */
    public static final int DEFAULT_APPROXIMATE_THRESHOLD = 100_000;

    /**
     * Validates the fields.
     *
     * @throws IllegalArgumentException naming the first field out of range and its value
     */
    public IndexConfig {
        require(approximateThreshold >= 1, "approximateThreshold", approximateThreshold, "at least 1");
        require(m >= 2 && m <= 256, "m", m, "between 2 and 256");
        require(efConstruction >= m, "efConstruction", efConstruction, "at least m (" + m + ")");
        require(efSearch >= 1, "efSearch", efSearch, "at least 1");
        require(buildThreads >= 1, "buildThreads", buildThreads, "at least 1");
    }

    /** Threshold 100,000 items, m 16, efConstruction 200, efSearch 100, one build thread. */
    public static IndexConfig defaults() {
        return new IndexConfig(DEFAULT_APPROXIMATE_THRESHOLD, 16, 200, 100, 1);
    }

    /** Always scan exactly, whatever the catalog size. */
    public static IndexConfig exactOnly() {
        return defaults().withApproximateThreshold(Integer.MAX_VALUE);
    }

    /**
     * Returns a copy with another threshold.
     *
     * @param threshold catalog size from which HNSW is used
     * @return the new configuration
     */
    public IndexConfig withApproximateThreshold(int threshold) {
        return new IndexConfig(threshold, m, efConstruction, efSearch, buildThreads);
    }

    /**
     * Returns a copy with other HNSW parameters.
     *
     * @param m              links per node
     * @param efConstruction construction breadth
     * @param efSearch       search breadth
     * @return the new configuration
     */
    public IndexConfig withHnsw(int m, int efConstruction, int efSearch) {
        return new IndexConfig(approximateThreshold, m, efConstruction, efSearch, buildThreads);
    }

    /**
     * Returns a copy with another number of build threads.
     *
     * @param threads threads that insert into the graph
     * @return the new configuration
     */
    public IndexConfig withBuildThreads(int threads) {
        return new IndexConfig(approximateThreshold, m, efConstruction, efSearch, threads);
    }

    /** Whether a catalog of {@code itemCount} items is searched approximately. */
    public boolean approximate(int itemCount) {
        return itemCount >= approximateThreshold;
    }

    /**
     * Writes the fields as model properties under a prefix.
     *
     * @param data   the model being written
     * @param prefix key prefix, e.g. {@code "index."}
     */
    public void writeTo(ModelData.Builder data, String prefix) {
        data.property(prefix + "approximateThreshold", approximateThreshold)
                .property(prefix + "m", m)
                .property(prefix + "efConstruction", efConstruction)
                .property(prefix + "efSearch", efSearch)
                .property(prefix + "buildThreads", buildThreads);
    }

    /**
     * Reads the fields written by {@link #writeTo}.
     *
     * @param data   the model being read
     * @param prefix key prefix
     * @return the configuration
     * @throws IllegalArgumentException if a property is missing or a value invalid
     */
    public static IndexConfig readFrom(ModelData data, String prefix) {
        return new IndexConfig(data.intProperty(prefix + "approximateThreshold"), data.intProperty(prefix + "m"),
                data.intProperty(prefix + "efConstruction"), data.intProperty(prefix + "efSearch"),
                data.intProperty(prefix + "buildThreads"));
    }

    private static void require(boolean condition, String name, int value, String rule) {
        if (!condition) {
            throw new IllegalArgumentException(name + " must be " + rule + ", got " + value);
        }
    }
}
