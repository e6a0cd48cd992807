package dev.recommender.spark;

import dev.recommender.core.data.IdIndex;
import org.apache.spark.ml.recommendation.ALS;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Column;
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
import static org.apache.spark.sql.functions.not;

/**
 * Trains Spark MLlib's ALS on aggregated pairs ({@link SparkAggregations}' table) on the cluster.
 *
 * <p>Numbering: the exported model's {@link IdIndex} lists users (and items) in ascending order of their ids,
 * numerically when every id is a plain non-negative {@code int} (as MovieLens and most data lakes have them),
 * else in Java {@code String} order; the ids are sorted on the cluster and collected to the driver (the model
 * file holds them anyway), so the numbering does not depend on partitioning or read order. The ids Spark's ALS sees are the integer ids themselves in the first
 * case (so a Spark-trained model equals what Spark's ALS gives on the raw ids, e.g. in the peer harness) and the
 * positions in that order otherwise.
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
    /** Spark's user id column of the indexed pairs. */
    static final String USER_INDEX = "_u";
    /** Spark's item id column. */
    static final String ITEM_INDEX = "_i";
    /** The user's position in the model's user index. */
    static final String USER_POSITION = "_up";
    /** The item's position in the model's catalog. */
    static final String ITEM_POSITION = "_ip";
    private static final String PLAIN_INT = "^(0|[1-9][0-9]{0,9})$";

    /** The seed Spark's ALS uses when none is set: the hash of its class name. */
    public static final long SPARK_DEFAULT_SEED = ALS.class.getName().hashCode();

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

        /**
         * Spark's defaults for implicit feedback: rank 10, 10 iterations, regParam 0.1, alpha 1, 10 blocks and Spark's
         * default seed ({@link #SPARK_DEFAULT_SEED}).
         */
        public static Config implicitDefaults() {
            return new Config(true, 10, 10, 0.1, 1.0, SPARK_DEFAULT_SEED, 10);
        }

        /** Spark's defaults for explicit ratings: as {@link #implicitDefaults()} without implicit preferences. */
        public static Config explicitDefaults() {
            return new Config(false, 10, 10, 0.1, 1.0, SPARK_DEFAULT_SEED, 10);
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
        IndexedIds users = index(spark, training, SparkAggregations.USER, USER_INDEX, USER_POSITION);
        IndexedIds items = index(spark, training, SparkAggregations.ITEM, ITEM_INDEX, ITEM_POSITION);
        if (users.ids().size() == 0) {
            training.unpersist();
            throw new IllegalArgumentException("no training pairs: nothing to train ALS on");
        }
        Dataset<Row> indexed = training
                .join(users.table(), SparkAggregations.USER)
                .join(broadcastIfSmall(items), SparkAggregations.ITEM)
                .select(col(SparkAggregations.USER), col(SparkAggregations.ITEM), col(USER_INDEX), col(ITEM_INDEX),
                        col(USER_POSITION), col(ITEM_POSITION), col(SparkAggregations.VALUE))
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
        return new SparkAlsModel(model, config, users.ids(), users.raw(), items.ids(), items.raw(), indexed);
    }

    private static Dataset<Row> broadcastIfSmall(IndexedIds ids) {
        return ids.ids().size() <= 1_000_000 ? broadcast(ids.table()) : ids.table();
    }

    /**
     * Distinct ids of a column, sorted on the cluster (numerically if all are plain ints) and collected: the model
     * file holds them anyway. The (id, position, Spark id) table is built from that one list, so every use of the
     * numbering sees the same one (numbering a sorted RDD with {@code zipWithIndex} would recompute the sort,
     * whose partition bounds come from a sample that may differ between runs).
     */
    private static IndexedIds index(SparkSession spark, Dataset<Row> pairs, String idColumn, String sparkColumn,
                                    String positionColumn) {
        Dataset<Row> distinct = pairs.select(idColumn).distinct();
        boolean raw = distinct.filter(not(col(idColumn).rlike(PLAIN_INT)
                .and(col(idColumn).cast(DataTypes.LongType).leq(Integer.MAX_VALUE)))).isEmpty();
        Column order = raw ? col(idColumn).cast(DataTypes.IntegerType) : col(idColumn);
        List<Row> sorted = distinct.orderBy(order).collectAsList();
        List<String> ids = new ArrayList<>(sorted.size());
        List<Row> rows = new ArrayList<>(sorted.size());
        for (Row row : sorted) {
            String id = row.getString(0);
            int position = ids.size();
            ids.add(id);
            rows.add(RowFactory.create(id, position, raw ? Integer.parseInt(id) : position));
        }
        StructType schema = new StructType()
                .add(idColumn, DataTypes.StringType, false)
                .add(positionColumn, DataTypes.IntegerType, false)
                .add(sparkColumn, DataTypes.IntegerType, false);
        return new IndexedIds(IdIndex.of(ids), raw, spark.createDataFrame(rows, schema));
    }

    private record IndexedIds(IdIndex ids, boolean raw, Dataset<Row> table) {
    }
}
