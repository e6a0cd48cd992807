package dev.recommender.core.ranking;

import dev.recommender.core.TrainingListener;
import dev.recommender.core.io.ModelData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import smile.data.DataFrame;
import smile.data.Tuple;
import smile.data.type.StructType;
import smile.regression.GradientTreeBoost;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The flat trees answer as Smile's {@code GradientTreeBoost} did, for the model of each
 * {@link RankingTarget}: the engagement-rate regression (labels in [0, 1]) and the ENGAGED ordering
 * model (0/1 labels), both fitted with the default {@link RankingConfig} on the
 * {@link RankingFeature} columns, with integer-valued columns so that many rows tie with a split.
 */
class RankingModelParityTest {
    static final int P = RankingFeature.count();
    static final Map<RankingTarget, RankingModel.Fitted> FITTED = new EnumMap<>(RankingTarget.class);

    /** Rows shaped like the ranking features: scores, log-counts of integers, rates, whole days. */
    static double[][] rows(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[n][P];
        for (double[] row : x) {
            row[0] = random.nextDouble() * 2 - 0.5;               // retrieval_score
            row[1] = 1 + 4 * random.nextDouble();                 // svd_score
            row[2] = Math.log1p(random.nextInt(200));             // user_events
            row[3] = random.nextInt(11) / 10.0;                   // user_engagement_rate
            row[4] = random.nextInt(6) == 0 ? -1 : random.nextInt(60); // days_since_user_last_event
            row[5] = Math.log1p(random.nextInt(500));             // item_users
            row[6] = Math.log1p(random.nextInt(30));              // item_recent_events
            row[7] = random.nextInt(21) / 20.0;                   // item_engagement_rate
            row[8] = random.nextInt(365);                         // item_age_days
            row[9] = random.nextInt(4);                           // pair_events
            row[10] = random.nextInt(5) / 4.0;                    // pair_engagement_rate
        }
        return x;
    }

    static double[] labels(double[][] x, RankingTarget target, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] y = new double[x.length];
        for (int r = 0; r < x.length; r++) {
            double p = Math.min(1, Math.max(0, 0.2 + 0.3 * x[r][0] + 0.3 * x[r][7] + 0.1 * x[r][9]
                    - 0.004 * x[r][4] + 0.1 * (random.nextDouble() - 0.5)));
            y[r] = target == RankingTarget.ENGAGED ? (random.nextDouble() < p ? 1 : 0) : p;
        }
        return y;
    }

    @BeforeAll
    static void fit() {
        double[][] x = rows(3000, 1);
        for (RankingTarget target : RankingTarget.values()) {
            FITTED.put(target, RankingModel.fitWithSmile(x, labels(x, target, 2), RankingFeature.columnNames(),
                    RankingConfig.defaults(), TrainingListener.NONE, target.name()));
        }
    }

    /** Held-out rows, plus rows that put every split's threshold (and its neighbours) into its feature. */
    static List<double[]> heldOutAndThresholdRows(TreeEnsemble trees) {
        List<double[]> result = new ArrayList<>(List.of(rows(1000, 3)));
        ModelData.Builder builder = ModelData.builder("probe", 1);
        trees.writeTo(builder, "");
        ModelData data = builder.build();
        int[] feature = data.ints("feature");
        double[] threshold = data.doubles("threshold");
        double[][] base = rows(feature.length, 4);
        for (int n = 0; n < feature.length; n++) {
            if (feature[n] >= 0) {
                for (double v : new double[] {threshold[n], Math.nextDown(threshold[n]), Math.nextUp(threshold[n])}) {
                    double[] row = base[n].clone();
                    row[feature[n]] = v;
                    result.add(row);
                }
            }
        }
        double[] missing = base[0].clone();
        missing[0] = Double.NaN;
        missing[7] = Double.NaN;
        result.add(missing);
        return result;
    }

    @ParameterizedTest
    @EnumSource(RankingTarget.class)
    void flatPredictionsEqualSmilesOnHeldOutAndThresholdRows(RankingTarget target) {
        RankingModel.Fitted fitted = FITTED.get(target);
        RankingModel model = fitted.model();
        GradientTreeBoost smile = fitted.smile();
        StructType schema = smile.schema();
        assertEquals(smile.size(), model.treeCount());
        assertTrue(model.treeCount() > 10, "a real ensemble: " + model.treeCount() + " trees");
        List<double[]> rows = heldOutAndThresholdRows(model.trees());
        assertTrue(rows.size() > 1500, "threshold rows: " + rows.size());
        double[] matrix = new double[rows.size() * P];
        double[] expected = new double[rows.size()];
        int exact = 0;
        for (int r = 0; r < rows.size(); r++) {
            double[] row = rows.get(r);
            System.arraycopy(row, 0, matrix, r * P, P);
            double reference = smile.predict(Tuple.of(row, schema));
            double flat = model.trees().predict(row);
            assertEquals(reference, flat, 1e-9, "row " + r);
            exact += reference == flat ? 1 : 0;
            expected[r] = Math.max(model.minLabel(), Math.min(model.maxLabel(), reference));
            assertEquals(expected[r], model.predict(row), 1e-9, "clipped row " + r);
        }
        assertEquals(rows.size(), exact, "same additions in the same order: bit-for-bit equal");
        double[] out = new double[rows.size()];
        model.predict(matrix, rows.size(), out);
        assertArrayEquals(expected, out, 1e-9);
    }

    @ParameterizedTest
    @EnumSource(RankingTarget.class)
    void stagedErrorsOfTheFlatTreesAreSmilesStagedTest(RankingTarget target) {
        GradientTreeBoost smile = FITTED.get(target).smile();
        double[][] x = rows(500, 5);
        double[] y = labels(x, target, 6);
        int[] order = new int[x.length];
        for (int r = 0; r < order.length; r++) {
            order[r] = order.length - 1 - r;
        }
        double[][] withLabel = new double[x.length][];
        String[] names = RankingFeature.columnNames().toArray(new String[P + 1]);
        names[P] = "label";
        for (int r = 0; r < x.length; r++) {
            withLabel[r] = java.util.Arrays.copyOf(x[order[r]], P + 1);
            withLabel[r][P] = y[order[r]];
        }
        double[][] staged = smile.test(DataFrame.of(withLabel, names));
        // rows 100..500 of the order, as the fit's hold-out is a range of a shuffled order
        double[] flat = SmileTrees.convert(smile, P).stagedMse(x, y, order, 100, 500);
        // 397 rows: the rows are walked in blocks of eight, so the last block is partial
        double[] partial = SmileTrees.convert(smile, P).stagedMse(x, y, order, 100, 497);
        assertEquals(staged.length, flat.length);
        for (int t = 0; t < staged.length; t++) {
            double sum = 0;
            double partialSum = 0;
            for (int r = 100; r < 500; r++) {
                double error = staged[t][r] - y[order[r]];
                sum += error * error;
                if (r < 497) {
                    partialSum += error * error;
                }
            }
            assertEquals(sum / 400, flat[t], 0.0, "tree " + t);
            assertEquals(partialSum / 397, partial[t], 0.0, "tree " + t + ", 397 rows");
        }
        assertTrue(flat[flat.length - 1] < flat[0], "the staged error falls: " + flat[0] + " -> " + flat[flat.length - 1]);
    }

    @ParameterizedTest
    @EnumSource(RankingTarget.class)
    void eightThreadsOnAFreshlyLoadedModelAgreeWithOneThread(RankingTarget target) throws Exception {
        RankingModel model = FITTED.get(target).model();
        ModelData.Builder builder = ModelData.builder("probe", 1);
        model.writeTo(builder, "m.");
        ModelData data = builder.build();
        double[][] rows = rows(400, 5);
        double[] expected = new double[rows.length];
        for (int r = 0; r < rows.length; r++) {
            expected[r] = model.predict(rows[r]);
        }
        for (int round = 0; round < 3; round++) {
            // a new instance each round, published to the workers only through the executor
            RankingModel fresh = RankingModel.readFrom(data, "m.", RankingFeature.columnNames());
            ExecutorService pool = Executors.newFixedThreadPool(8);
            CountDownLatch start = new CountDownLatch(1);
            try {
                List<Future<double[]>> futures = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    futures.add(pool.submit(() -> {
                        start.await();
                        double[] got = new double[rows.length];
                        for (int r = 0; r < rows.length; r++) {
                            got[r] = fresh.predict(rows[r]);
                        }
                        return got;
                    }));
                }
                start.countDown();
                for (Future<double[]> future : futures) {
                    assertArrayEquals(expected, future.get(), 0.0);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
