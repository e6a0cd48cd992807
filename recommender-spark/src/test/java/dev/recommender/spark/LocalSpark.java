package dev.recommender.spark;

import org.apache.spark.sql.SparkSession;

/** The one local Spark session of a test class: {@code local[2]}, no UI, few shuffle partitions. */
final class LocalSpark {
    private LocalSpark() {
    }

    /** Starts (or returns the running) test session. */
    static SparkSession start() {
        return SparkMain.localSession("local[2]", "recommender-spark-test")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.default.parallelism", "4")
                .getOrCreate();
    }
}
