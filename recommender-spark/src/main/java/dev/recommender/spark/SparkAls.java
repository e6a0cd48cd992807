package dev.recommender.spark;

import dev.recommender.core.data.IdIndex;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.recommendation.ALS;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;

/**
 * Trains Spark MLlib's ALS on aggregated pairs ({@link SparkAggregations}' table) on the cluster.
 *
 * <p>Numbering: users and items get dense indexes in ascending (Java {@code String}) order of their ids, computed
 * on the cluster by a sort and {@code zipWithIndex}; the same order becomes the exported model's
 * {@link IdIndex}, so the numbering does not depend on partitioning or read order.
 *
 * <p>Implicit ALS (Hu, Koren and Volinsky) uses the pair values as confidence inputs ({@code c = 1 + alpha r}, as
 * core's {@code ImplicitAls}); explicit ALS fits the values themselves. Spark's regularization is scaled by each
 * row's number of ratings (ALS-WR), core's is not: {@link SparkAlsModel#toCoreModel()} records {@code regParam}
 * as it is, so fold-in of a new user in core regularises a little less than Spark would.
 *
 * <p>Stateless.
 */
public final class SparkAls {
    private static final Logger LOG = LoggerFactory.getLogger(SparkAls.class);
    static final String USER_INDEX = "_u";
    static final String ITEM_INDEX = "_i";

    private SparkAls() {
    }

    /**
     * Hyper-parameters of Spark's ALS.
     *
     * @param implicitPrefs implicit feedback (confidence-weighted) or explicit ratings
     * @param rank          latent dimension, at least 1
     * @param maxIter       ALS sweeps, at least 1
     * @param regParam      regularization, non-negative
     * @param alpha         implicit confidence slope, non-negative
     * @param seed          seed of Spark's factor initialisation
     * @param blocks        user and item blocks (parallelism of one sweep), at least 1
     */
    public record Config(boolean implicitPrefs, int rank, int maxIter, double regParam, double alpha, long seed,
                         int blocks) {
        /**
         * Validates.
         *
         * @throws IllegalArgumentException naming the first invalid field and its value
         */
        public Config {
            if (rank < 1 || maxIter < 1 || blocks < 1) {
                throw new IllegalArgumentException("rank, maxIter and blocks must be at least 1, got " + rank + ", "
                        + maxIter + ", " + blocks);
            }
            if (!(regParam >= 0) || !(alpha >= 0) || Double.isInfinite(regParam) || Double.isInfinite(alpha)) {
                throw new IllegalArgumentException("regParam and alpha must be finite and non-negative, got "
                        + regParam + ", " + alpha);
            }
        }

        /** Spark's defaults for implicit feedback: rank 10, 10 iterations, regParam 0.1, alpha 1, seed 42, 10 blocks. */
        public static Config implicitDefaults() {
            return new Config(true, 10, 10, 0.1, 1.0, 42L, 10);
        }

        /** Spark's defaults for explicit ratings: rank 10, 10 iterations, regParam 0.1, seed 42, 10 blocks. */
        public static Config explicitDefaults() {
            return new Config(false, 10, 10, 0.1, 1.0, 42L, 10);
        }

        /**
         * This configuration with another rank, iterations and regularization.
         *
         * @param newRank     latent dimension
         * @param newMaxIter  sweeps
         * @param newRegParam regularization
         * @return the configuration
         */
        public Config with(int newRank, int newMaxIter, double newRegParam) {
            return new Config(implicitPrefs, newRank, newMaxIter, newRegParam, alpha, seed, blocks);
        }

        /**
         * This configuration with another alpha and seed.
         *
         * @param newAlpha confidence slope
         * @param newSeed  seed
         * @return the configuration
         */
        public Config withAlphaAndSeed(double newAlpha, long newSeed) {
            return new Config(implicitPrefs, rank, maxIter, regParam, newAlpha, newSeed, blocks);
        }
    }

    /**
     * Trains ALS on aggregated pairs.
     *
     * @param pairs  rows with {@code user_id}, {@code item_id} and {@code value} (e.g. from
     *               {@link SparkAggregations#aggregate})
     * @param config hyper-parameters
     * @return the trained model with its id indexes and training pairs
     * @throws IllegalArgumentException if there are no pairs
     */
    public static SparkAlsModel fit(Dataset<Row> pairs, Config config) {
        Objects.requireNonNull(pairs, "pairs");
        Objects.requireNonNull(config, "config");
        SparkSession spark = pairs.sparkSession();
        Dataset<Row> training = pairs.select(SparkAggregations.USER, SparkAggregations.ITEM, SparkAggregations.VALUE)
                .persist();
        IndexedIds users = index(spark, training, SparkAggregations.USER, USER_INDEX);
        IndexedIds items = index(spark, training, SparkAggregations.ITEM, ITEM_INDEX);
        if (users.ids().size() == 0) {
            training.unpersist();
            throw new IllegalArgumentException("no training pairs: nothing to train ALS on");
        }
        Dataset<Row> indexed = training
                .join(users.table(), SparkAggregations.USER)
                .join(broadcastIfSmall(items), SparkAggregations.ITEM)
                .select(col(SparkAggregations.USER), col(SparkAggregations.ITEM), col(USER_INDEX), col(ITEM_INDEX),
                        col(SparkAggregations.VALUE))
                .persist();
        long start = System.nanoTime();
        ALSModel model = new ALS()
                .setImplicitPrefs(config.implicitPrefs())
                .setRank(config.rank())
                .setMaxIter(config.maxIter())
                .setRegParam(config.regParam())
                .setAlpha(config.alpha())
                .setSeed(config.seed())
                .setNumUserBlocks(config.blocks())
                .setNumItemBlocks(config.blocks())
                .setUserCol(USER_INDEX)
                .setItemCol(ITEM_INDEX)
                .setRatingCol(SparkAggregations.VALUE)
                .fit(indexed);
        training.unpersist();
        LOG.info("Spark ALS ({}, rank {}, {} iterations) on {} users x {} items in {} ms",
                config.implicitPrefs() ? "implicit" : "explicit", config.rank(), config.maxIter(), users.ids().size(),
                items.ids().size(), (System.nanoTime() - start) / 1_000_000);
        return new SparkAlsModel(model, config, users.ids(), items.ids(), indexed);
    }

    private static Dataset<Row> broadcastIfSmall(IndexedIds ids) {
        return ids.ids().size() <= 1_000_000 ? broadcast(ids.table()) : ids.table();
    }

    /** Distinct ids of a column, sorted, numbered 0.. on the cluster; the sorted ids collected as an index. */
    private static IndexedIds index(SparkSession spark, Dataset<Row> pairs, String idColumn, String indexColumn) {
        JavaRDD<Row> numbered = pairs.select(idColumn).distinct().orderBy(idColumn).javaRDD().zipWithIndex()
                .map(t -> RowFactory.create(t._1().getString(0), Math.toIntExact(t._2())));
        StructType schema = new StructType()
                .add(idColumn, DataTypes.StringType, false)
                .add(indexColumn, DataTypes.IntegerType, false);
        Dataset<Row> table = spark.createDataFrame(numbered, schema).persist();
        List<Row> rows = table.orderBy(indexColumn).select(idColumn).collectAsList();
        List<String> ids = new ArrayList<>(rows.size());
        for (Row row : rows) {
            ids.add(row.getString(0));
        }
        return new IndexedIds(IdIndex.of(ids), table);
    }

    private record IndexedIds(IdIndex ids, Dataset<Row> table) {
    }
}
