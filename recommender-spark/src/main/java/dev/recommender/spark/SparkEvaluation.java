package dev.recommender.spark;

import dev.recommender.core.Algorithm;
import dev.recommender.core.data.EventLog;
import dev.recommender.core.data.ExplicitRating;
import dev.recommender.core.data.Signals;
import dev.recommender.eval.EvaluationOptions;
import dev.recommender.eval.Evaluator;
import dev.recommender.eval.report.EvaluationReport;
import dev.recommender.eval.split.KFold;
import dev.recommender.eval.split.PerUserHoldout;
import org.apache.spark.sql.SparkSession;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The peer harness's protocols (docs/protocols.md) run by recommender-eval's {@link Evaluator}
 * on a rating log, with Spark's ALS as the algorithm, the way the examples CLI's {@code evaluate} runs them:
 * <ul>
 *   <li>{@link Protocol#A}: 5-fold cross-validation ({@code KFold.protocolA(5, 42)}), explicit ALS on the
 *       ratings, predictions clipped to [1, 5], RMSE and MAE;</li>
 *   <li>{@link Protocol#B}: per-user 20% holdout ({@code PerUserHoldout.protocolB(0.2, 5, 42)}), implicit ALS on
 *       the implicit signal of the ratings (every rated pair a positive, {@code Signals.ratings()}), top-10 over
 *       the training catalog, ranking metrics only.</li>
 * </ul>
 * {@link Protocol#defaults()} gives the harness's ALS settings: Spark's defaults with seed {@value #HARNESS_SEED}
 * on the raw (integer) MovieLens ids. Stateless.
 */
public final class SparkEvaluation {
    /**
     * The seed the peer harness gives Spark's ALS (the protocols' seed, 42). It matters: on MovieLens protocol B,
     * Spark's implicit ALS with its defaults scores NDCG@10 from 0.2732 to 0.2850 across seeds (docs/spark.md),
     * and with Spark's default seed 0.2816 instead of the harness's 0.2732.
     */
    public static final long HARNESS_SEED = 42;

    /** Users with fewer ratings go entirely to training under protocol B. */
    public static final int MIN_HISTORY = 5;

    private SparkEvaluation() {
    }

    /** The two peer protocols. */
    public enum Protocol {
        /** 5-fold rating prediction. */
        A,
        /** Per-user 20% top-N holdout. */
        B;

        /**
         * Parses {@code A}, {@code B}, {@code protocolA} or {@code protocolB}, ignoring case.
         *
         * @param text the name
         * @return the protocol
         * @throws IllegalArgumentException for any other text
         */
        public static Protocol parse(String text) {
            String lower = text.trim().toLowerCase(Locale.ROOT);
            return switch (lower) {
                case "a", "protocola" -> A;
                case "b", "protocolb" -> B;
                default -> throw new IllegalArgumentException("protocol must be protocolA or protocolB, got '" + text + "'");
            };
        }

        /**
         * The peer harness's settings for the protocol: Spark's defaults (rank 10, 10 iterations, regParam 0.1,
         * alpha 1, 10 blocks), explicit for A and implicit for B, with the seed set to the protocol's seed
         * {@value SparkEvaluation#HARNESS_SEED} (the harness sets it; Spark's own default seed is the hash of ALS's class name).
         */
        public SparkAls.Config defaults() {
            SparkAls.Config spark = this == A ? SparkAls.Config.explicitDefaults() : SparkAls.Config.implicitDefaults();
            return spark.withAlphaAndSeed(spark.alpha(), HARNESS_SEED);
        }
    }

    /**
     * Evaluates Spark's ALS under a protocol.
     *
     * @param spark    the session to train in (e.g. {@code local[2]})
     * @param ratings  the rating log (MovieLens {@code ratings.csv} read with {@code CsvSchema.movieLens()})
     * @param protocol A or B
     * @param config   ALS hyper-parameters (see {@link Protocol#defaults()})
     * @return the report, one row {@value SparkAlsAlgorithm#NAME}
     */
    public static EvaluationReport evaluate(SparkSession spark, EventLog ratings, Protocol protocol,
                                            SparkAls.Config config) {
        Objects.requireNonNull(ratings, "ratings");
        Objects.requireNonNull(protocol, "protocol");
        EvaluationOptions.Builder options = EvaluationOptions.builder().cutoffs(10);
        Map<String, Algorithm<?>> algorithms = new LinkedHashMap<>();
        algorithms.put(SparkAlsAlgorithm.NAME, new SparkAlsAlgorithm(spark, config));
        // explicit ALS trains on the ratings, implicit ALS on the implicit signal (every rated pair a positive)
        Evaluator.Builder evaluator = Evaluator.builder(Signals.ratings()).testAggregation(ExplicitRating.last());
        if (protocol == Protocol.A) {
            options.clip(1, 5).rankingMetrics(false);
            return evaluator.options(options.build()).build().evaluate(ratings, KFold.protocolA(5, 42), algorithms);
        }
        options.ratingMetrics(false);
        return evaluator.options(options.build()).build()
                .evaluate(ratings, PerUserHoldout.protocolB(0.2, MIN_HISTORY, 42), algorithms);
    }
}
