package dev.recommender.spark;

import dev.recommender.core.data.IdIndex;
import dev.recommender.core.data.Interactions;
import dev.recommender.core.retrieval.ImplicitAls;
import dev.recommender.core.retrieval.IndexConfig;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;

/**
 * A Spark-trained ALS model with its id indexes and training pairs: exports to core's {@link ImplicitAls} (ids,
 * factors, seen items and popularity, so {@code ModelStore}, fold-in and {@code serve} treat it like a local
 * model) and precomputes every user's top-K on the cluster.
 *
 * <p>Explicit ALS exports to the same embedding model: its scores are Spark's predictions {@code x_u . y_i}
 * (what the evaluator's rating metrics read through {@code ItemScorer}), its recommendations the items with the
 * highest predicted rating.
 *
 * <p>Holds a persisted Spark dataset; not thread-safe for concurrent exports.
 */
public final class SparkAlsModel {
    /** Columns of the top-K table. */
    public static final StructType TOP_K_SCHEMA = new StructType()
            .add("user_id", DataTypes.StringType, false)
            .add("rank", DataTypes.IntegerType, false)
            .add("content_id", DataTypes.StringType, false)
            .add("score", DataTypes.FloatType, false);

    private final ALSModel model;
    private final SparkAls.Config config;
    private final IdIndex users;
    private final boolean rawUserIds;
    private final IdIndex items;
    private final boolean rawItemIds;
    private final Dataset<Row> indexedPairs;

    SparkAlsModel(ALSModel model, SparkAls.Config config, IdIndex users, boolean rawUserIds, IdIndex items,
                  boolean rawItemIds, Dataset<Row> indexedPairs) {
        this.model = model;
        this.config = config;
        this.users = users;
        this.rawUserIds = rawUserIds;
        this.items = items;
        this.rawItemIds = rawItemIds;
        this.indexedPairs = indexedPairs;
    }

    /**
     * Spark's model: factors as {@code id int, features array<float>} tables, the ids being the users' (items')
     * integer ids when all are plain ints, else their positions in {@link #users()} ({@link #items()}).
     */
    public ALSModel sparkModel() {
        return model;
    }

    /** The hyper-parameters. */
    public SparkAls.Config config() {
        return config;
    }

    /** Training users, sorted by id (numerically when all are plain ints). */
    public IdIndex users() {
        return users;
    }

    /** Training items, sorted by id. */
    public IdIndex items() {
        return items;
    }

    /**
     * Collects the training pairs to the driver (streamed partition by partition into primitive arrays), with
     * event count 1 and no engagements per pair: what {@link ImplicitAls} needs for seen items and popularity.
     *
     * @return the training interactions over {@link #users()} and {@link #items()}
     */
    public Interactions collectTraining() {
        int n = Math.toIntExact(indexedPairs.count());
        int[] userIndexes = new int[n];
        int[] itemIndexes = new int[n];
        float[] values = new float[n];
        int[] ones = new int[n];
        java.util.Arrays.fill(ones, 1);
        Iterator<Row> rows = indexedPairs.select(SparkAls.USER_POSITION, SparkAls.ITEM_POSITION, SparkAggregations.VALUE)
                .toLocalIterator();
        int k = 0;
        while (rows.hasNext()) {
            Row row = rows.next();
            userIndexes[k] = row.getInt(0);
            itemIndexes[k] = row.getInt(1);
            values[k] = row.getFloat(2);
            k++;
        }
        if (k != n) {
            throw new IllegalStateException("training pairs changed while collected: " + k + " of " + n);
        }
        return Interactions.of(users, items, userIndexes, itemIndexes, values, ones, new int[n], new long[n]);
    }

    /** The model in core's form, trained pairs collected with {@link #collectTraining()}. */
    public ImplicitAls toCoreModel() {
        return toCoreModel(collectTraining());
    }

    /**
     * The model in core's form over given training interactions (whose ids are those Spark trained on), with the
     * default {@link IndexConfig}.
     *
     * @param training the interactions the model was trained on; users and items of its indexes without pairs
     *                 (a fold of a larger log) get zero vectors
     * @return the model
     */
    public ImplicitAls toCoreModel(Interactions training) {
        Objects.requireNonNull(training, "training");
        int d = config.rank();
        float[] userFactors = collectFactors(model.userFactors(), users, rawUserIds, training.users(), d);
        float[] itemFactors = collectFactors(model.itemFactors(), items, rawItemIds, training.items(), d);
        ImplicitAls.Config coreConfig = new ImplicitAls.Config(d, config.regParam(), config.alpha(), config.maxIter(),
                0, config.seed(), 1, IndexConfig.defaults());
        return ImplicitAls.of(training, userFactors, itemFactors, coreConfig);
    }

    /** Spark's factor table as rows of {@code target}'s order; rows Spark has no factors for stay zero. */
    private static float[] collectFactors(Dataset<Row> factors, IdIndex ids, boolean raw, IdIndex target, int d) {
        float[] out = new float[target.size() * d];
        Iterator<Row> rows = factors.toLocalIterator();
        while (rows.hasNext()) {
            Row row = rows.next();
            int sparkId = row.getInt(0);
            var position = target.find(raw ? Integer.toString(sparkId) : ids.id(sparkId));
            if (position.isEmpty()) {
                continue;
            }
            List<Float> features = row.getList(1);
            int offset = position.getAsInt() * d;
            for (int r = 0; r < d; r++) {
                out[offset + r] = features.get(r);
            }
        }
        // ids without training pairs (core's interactions keep the whole log's numbering) get zero vectors, as
        // core's own ALS gives them: they score 0 and are never fitted to anything
        return out;
    }

    /**
     * Every training user's top {@code k} unseen items, scored on the cluster as core scores them (the same float
     * dot product, ties to the item earlier in the catalog): rows {@code user_id, rank (1..k), content_id, score}.
     * The item factors are broadcast; each user's seen items travel with the user's factors.
     *
     * @param k items per user, at least 1
     * @return the lazy top-K table ({@link #TOP_K_SCHEMA})
     */
    public Dataset<Row> topK(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        int d = config.rank();
        float[] itemMatrix = collectFactors(model.itemFactors(), items, rawItemIds, items, d);
        boolean rawUsers = rawUserIds;
        JavaSparkContext context = JavaSparkContext.fromSparkContext(indexedPairs.sparkSession().sparkContext());
        Broadcast<float[]> itemVectors = context.broadcast(itemMatrix);
        Broadcast<String[]> itemIds = context.broadcast(items.toArray());
        Broadcast<String[]> userIds = context.broadcast(users.toArray());
        Dataset<Row> seen = indexedPairs.groupBy(SparkAls.USER_INDEX).agg(collect_list(SparkAls.ITEM_POSITION).as("seen"));
        Dataset<Row> rows = model.userFactors().join(seen, col("id").equalTo(col(SparkAls.USER_INDEX)), "left")
                .select("id", "features", "seen");
        JavaRDD<Row> ranked = rows.javaRDD().mapPartitions(partition -> {
            TopKScorer scorer = new TopKScorer(itemVectors.value(), d, k);
            String[] catalog = itemIds.value();
            String[] userNames = userIds.value();
            List<Row> out = new ArrayList<>();
            while (partition.hasNext()) {
                Row row = partition.next();
                List<Float> features = row.getList(1);
                List<Integer> seenItems = row.isNullAt(2) ? List.of() : row.getList(2);
                int found = scorer.rank(features, seenItems);
                String user = rawUsers ? Integer.toString(row.getInt(0)) : userNames[row.getInt(0)];
                for (int r = 0; r < found; r++) {
                    out.add(RowFactory.create(user, r + 1, catalog[scorer.item(r)], scorer.score(r)));
                }
            }
            return out.iterator();
        });
        return indexedPairs.sparkSession().createDataFrame(ranked, TOP_K_SCHEMA);
    }

    /**
     * Writes {@link #topK(int)} as Parquet, replacing what is at {@code path}.
     *
     * @param path a directory on any Hadoop file system
     * @param k    items per user
     */
    public void writeTopK(String path, int k) {
        topK(k).write().mode(SaveMode.Overwrite).parquet(path);
    }

    /** Frees the cached training pairs. */
    public void release() {
        indexedPairs.unpersist();
    }
}
