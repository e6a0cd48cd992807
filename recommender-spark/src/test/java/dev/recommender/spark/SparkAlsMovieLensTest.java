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
 * The peer reproduction: Spark MLlib ALS with the peer harness's settings ({@link SparkEvaluation.Protocol#defaults()}:
 * Spark's defaults, seed 42, the raw MovieLens ids) run inside our evaluator on MovieLens latest-small, against the
 * harness's numbers (PROTOCOLS.md in the shared docs), each within 0.005: protocol A RMSE 0.8920 (explicit) and
 * protocol B NDCG@10 0.2732 (implicit).
 *
 * <p>The seed is what made protocol B miss before: with Spark's default seed (the hash of ALS's class name) our
 * evaluator scored 0.2816 (P@10 0.2477). A plain Spark job that splits, fits and ranks protocol B without any of
 * our code gives the same 0.2816 with that seed and exactly the harness's 0.2732 (P@10 0.2389) with seed 42; over
 * seeds 0-6 it scores 0.2777-0.2850 (2026-11-29, docs/spark.md). So the evaluator path was right and the seed was
 * not the harness's.
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
        SparkAls.Config harness = SparkEvaluation.Protocol.B.defaults();
        assertEquals(new SparkAls.Config(true, 10, 10, 0.1, 1.0, 42, 10), harness, "the harness's settings");
        EvaluationReport report = SparkEvaluation.evaluate(spark, ratings, SparkEvaluation.Protocol.B, harness);
        double ndcg = report.row(SparkAlsAlgorithm.NAME).summary("ndcg@10").mean();
        System.err.println("spark-als protocol B:\n" + report.toMarkdown());
        assertEquals(0.2732, ndcg, 0.005, "NDCG@10");
    }

    @Test
    void protocolAExplicitRmseMatchesThePeerHarness() {
        SparkAls.Config harness = SparkEvaluation.Protocol.A.defaults();
        assertEquals(new SparkAls.Config(false, 10, 10, 0.1, 1.0, 42, 10), harness, "the harness's settings");
        EvaluationReport report = SparkEvaluation.evaluate(spark, ratings, SparkEvaluation.Protocol.A, harness);
        double rmse = report.row(SparkAlsAlgorithm.NAME).summary("rmse").mean();
        System.err.println("spark-als protocol A:\n" + report.toMarkdown());
        assertEquals(0.8920, rmse, 0.005, "RMSE");
    }
}
