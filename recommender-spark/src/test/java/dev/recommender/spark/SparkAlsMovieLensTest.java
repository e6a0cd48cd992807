package dev.recommender.spark;

import dev.recommender.core.data.CsvSchema;
import dev.recommender.core.data.EventCsvReader;
import dev.recommender.core.data.EventLog;
import dev.recommender.core.testing.MovieLensData;
import dev.recommender.eval.report.EvaluationReport;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The peer reproduction: Spark MLlib ALS with Spark's defaults (and Spark's default seed, on the raw MovieLens
 * ids), run inside our evaluator on MovieLens latest-small, against the peer harness's numbers (PROTOCOLS.md):
 * protocol A RMSE 0.8920 (explicit) within 0.005 (measured 0.8950, with the harness's 4,127 unknown pairs);
 * protocol B NDCG@10 0.2732 (implicit) within 0.01 (measured 0.2816, 2026-11-29). Protocol B lands 3% above the
 * harness, as Taste's implicit ALS-WR does in the same evaluator (0.3192 against the harness's 0.3070,
 * docs/benchmarks.md): a difference between our evaluator and the harness's top-N path that Spark shares with
 * Taste, not one of Spark's training, so the bound is 0.01 rather than 0.005.
 * Skipped without {@code -Ddata.dir}.
 */
class SparkAlsMovieLensTest {
    private static SparkSession spark;
    private static EventLog ratings;

    @BeforeAll
    static void start() throws Exception {
        ratings = EventCsvReader.readEvents(MovieLensData.ratingsCsv(), CsvSchema.movieLens());
        spark = LocalSpark.start();
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void protocolBImplicitNdcgMatchesThePeerHarness() {
        EvaluationReport report = SparkEvaluation.evaluate(spark, ratings, SparkEvaluation.Protocol.B,
                SparkAls.Config.implicitDefaults());
        double ndcg = report.row(SparkAlsAlgorithm.NAME).summary("ndcg@10").mean();
        System.err.println("spark-als protocol B:\n" + report.toMarkdown());
        assertEquals(0.2732, ndcg, 0.01, "NDCG@10");
    }

    @Test
    void protocolAExplicitRmseMatchesThePeerHarness() {
        EvaluationReport report = SparkEvaluation.evaluate(spark, ratings, SparkEvaluation.Protocol.A,
                SparkAls.Config.explicitDefaults());
        double rmse = report.row(SparkAlsAlgorithm.NAME).summary("rmse").mean();
        System.err.println("spark-als protocol A:\n" + report.toMarkdown());
        assertEquals(0.8920, rmse, 0.005, "RMSE");
    }
}
