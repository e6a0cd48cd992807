package dev.recommender.spark;

import org.apache.spark.sql.SparkSession;

/** The one local Spark session of a test class: {@code local[2]}, no UI, few shuffle partitions. */
final class LocalSpark {
    private LocalSpark() {
    }

    /** Starts (or returns the running) test session; {@code local[2]} unless {@code spark.master} is set. */
    static SparkSession start() {
        SparkSession.Builder builder = SparkSession.builder().appName("recommender-spark-test");
        if (System.getProperty("spark.master") == null) {
            builder.master("local[2]");
        }
        return builder
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.default.parallelism", "4")
                .getOrCreate();
    }
}
