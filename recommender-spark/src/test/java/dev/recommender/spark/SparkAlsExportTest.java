package dev.recommender.spark;

import dev.recommender.core.RecommendRequest;
import dev.recommender.core.Recommendations;
import dev.recommender.core.ScoredItem;
import dev.recommender.core.data.CsvSchema;
import dev.recommender.core.data.ImplicitConfidence;
import dev.recommender.core.data.Interactions;
import dev.recommender.core.io.ModelStore;
import dev.recommender.core.retrieval.ImplicitAls;
import dev.recommender.core.retrieval.UserEmbedding;
import dev.recommender.core.sample.SampleEvents;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Spark-trained model exported to core's file recommends exactly what Spark's cluster top-K computed from the
 * same factors; the top-K Parquet round-trips and never holds a seen item (the job jar's command line, which
 * writes both, is tested in recommender-spark-job).
 */
class SparkAlsExportTest {
    private static final int K = 10;
    @TempDir
    static Path dir;
    private static SparkSession spark;
    private static Path csv;
    private static Dataset<Row> pairs;
    private static SparkAlsModel model;

    @BeforeAll
    static void train() throws Exception {
        spark = LocalSpark.start();
        csv = dir.resolve("sample.csv");
        SampleEvents.of(SampleEvents.Config.small()).writeCsv(csv);
        pairs = SparkAggregations.aggregate(SparkEvents.csv(spark, csv.toString(), CsvSchema.seed()),
                ImplicitConfidence.defaults()).cache();
        model = SparkAls.fit(pairs, new SparkAls.Config(true, 8, 6, 0.1, 1.0, 7L, 4));
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void loadedModelRecommendsWhatSparkScored() throws Exception {
        Path file = dir.resolve("spark-als.model");
        ModelStore.save(model.toCoreModel(), file);
        ImplicitAls loaded = ModelStore.load(file, ImplicitAls.class);
        assertEquals(model.users(), loaded.users());
        assertEquals(model.items(), loaded.items());
        Map<String, List<Row>> topK = byUser(model.topK(K).collectAsList());
        for (String user : model.users().ids()) {
            Recommendations recommended = loaded.recommend(user, RecommendRequest.top(K));
            assertFalse(recommended.fallback());
            List<Row> spark = topK.getOrDefault(user, List.of());
            assertEquals(expectedSize(loaded, user, K), spark.size(), user);
            assertEquals(spark.size(), recommended.size(), user);
            for (int r = 0; r < spark.size(); r++) {
                ScoredItem item = recommended.items().get(r);
                assertEquals(r + 1, spark.get(r).getInt(1));
                assertEquals(spark.get(r).getString(2), item.itemId(), () -> "rank " + user);
                assertEquals(spark.get(r).getFloat(3), item.score(), 1e-6, () -> "score " + user);
            }
        }
    }

    @Test
    void topKParquetRoundTripsWithoutSeenItems() {
        String out = dir.resolve("topk.parquet").toString();
        model.writeTopK(out, 5);
        Dataset<Row> read = spark.read().parquet(out);
        assertArrayEquals(new String[]{"user_id", "rank", "content_id", "score"}, read.columns());
        List<Row> rows = read.collectAsList();
        assertEquals(new HashSet<>(model.topK(5).collectAsList()), new HashSet<>(rows));
        Set<String> seen = new HashSet<>();
        for (Row pair : pairs.select(SparkAggregations.USER, SparkAggregations.ITEM).collectAsList()) {
            seen.add(pair.getString(0) + "\t" + pair.getString(1));
        }
        Map<String, List<Row>> byUser = byUser(rows);
        ImplicitAls core = model.toCoreModel();
        for (List<Row> user : byUser.values()) {
            assertEquals(expectedSize(core, user.get(0).getString(0), 5), user.size());
            for (int r = 0; r < user.size(); r++) {
                Row row = user.get(r);
                assertFalse(seen.contains(row.getString(0) + "\t" + row.getString(2)), () -> "seen item in " + row);
                assertEquals(r + 1, row.getInt(1));
                if (r > 0) {
                    assertTrue(user.get(r - 1).getFloat(3) >= row.getFloat(3), () -> "order of " + row);
                }
            }
        }
    }

    @Test
    void exportedModelFoldsInANewUser() {
        ImplicitAls core = model.toCoreModel();
        Interactions training = model.collectTraining();
        String someone = training.users().id(0);
        List<String> items = new ArrayList<>();
        for (int item : training.itemsOf(0)) {
            items.add(training.items().id(item));
        }
        UserEmbedding folded = core.foldIn(items);
        Recommendations recommended = core.recommend(folded, RecommendRequest.top(K));
        assertEquals(K, recommended.size());
        for (ScoredItem item : recommended.items()) {
            assertFalse(items.contains(item.itemId()), () -> someone + "'s folded-in items are excluded");
        }
        assertTrue(core.recommend("no-such-user", RecommendRequest.top(3)).fallback());
    }

    @Test
    void usersAreNumberedInSortedIdOrder() {
        List<String> ids = new ArrayList<>(model.users().ids());
        List<String> sorted = new ArrayList<>(ids);
        sorted.sort(null);
        assertEquals(sorted, ids);
    }

    /** k, or fewer when the user has seen nearly the whole catalog (the sample has such heavy users). */
    private static int expectedSize(ImplicitAls model, String user, int k) {
        int seen = model.seenItems().userItemCount(model.users().indexOf(user));
        return Math.min(k, model.items().size() - seen);
    }

    private static Map<String, List<Row>> byUser(List<Row> rows) {
        Map<String, List<Row>> byUser = new HashMap<>();
        for (Row row : rows) {
            byUser.computeIfAbsent(row.getString(0), u -> new ArrayList<>()).add(row);
        }
        for (List<Row> user : byUser.values()) {
            user.sort((a, b) -> Integer.compare(a.getInt(1), b.getInt(1)));
        }
        return byUser;
    }
}
