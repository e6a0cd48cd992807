package dev.recommender.core;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The third-party libraries that {@code recommender-core} declares as <em>optional</em> Maven
 * dependencies: an application gets them only when it declares them itself. Code that needs one
 * calls {@link #require()} first, so a missing jar gives one clear message naming the Maven
 * coordinates to add instead of a {@link NoClassDefFoundError} deep inside a fit.
 *
 * <ul>
 *   <li>{@link #SMILE}: training the ranking stage of a two-stage model
 *       ({@code dev.recommender.core.ranking.RankingModel#fit}); serving a saved model does not need it.</li>
 *   <li>{@link #HNSWLIB}: the approximate top-K index used for catalogs of at least
 *       {@code IndexConfig.approximateThreshold()} items (100,000 by default); smaller catalogs are scanned
 *       exactly without it.</li>
 * </ul>
 */
public enum OptionalLibrary {
    /** Smile 2.6 (LGPL-3.0), the gradient-boosted tree trainer of the ranking stage. */
    SMILE("smile.regression.GradientTreeBoost", "com.github.haifengl", "smile-core", "2.6.0",
            "training a ranking model (the second stage of retrieval-ranking)"),
    /** hnswlib (Apache-2.0), the approximate nearest-neighbour graph for large catalogs. */
    HNSWLIB("com.github.jelmerk.knn.hnsw.HnswIndex", "com.github.jelmerk", "hnswlib-core", "1.1.0",
            "an approximate (HNSW) top-K index for a catalog at or above IndexConfig.approximateThreshold()");

    private static final Map<OptionalLibrary, Boolean> PRESENT = new ConcurrentHashMap<>();

    private final String probeClass;
    private final String groupId;
    private final String artifactId;
    private final String version;
    private final String purpose;

    OptionalLibrary(String probeClass, String groupId, String artifactId, String version, String purpose) {
        this.probeClass = probeClass;
        this.groupId = groupId;
        this.artifactId = artifactId;
        this.version = version;
        this.purpose = purpose;
    }

    /** Whether the library's classes can be loaded by the class loader that loaded this class (checked once). */
    public boolean isPresent() {
        return PRESENT.computeIfAbsent(this, library -> {
            try {
                Class.forName(library.probeClass, false, OptionalLibrary.class.getClassLoader());
                return true;
            } catch (ClassNotFoundException | LinkageError e) {
                return false;
            }
        });
    }

    /** The Maven coordinates, {@code groupId:artifactId:version}. */
    public String coordinates() {
        return groupId + ':' + artifactId + ':' + version;
    }

    /**
     * Checks that the library is on the class path.
     *
     * @throws IllegalStateException naming what needs it and the dependency to add, if it is absent
     */
    public void require() {
        if (!isPresent()) {
            throw new IllegalStateException(artifactId + " is not on the class path, but " + purpose
                    + " needs it; add the Maven dependency " + coordinates() + " (<groupId>" + groupId
                    + "</groupId><artifactId>" + artifactId + "</artifactId><version>" + version
                    + "</version>) to your application: recommender-core declares it optional");
        }
    }
}
