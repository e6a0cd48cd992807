package dev.recommender.core.ranking;

import dev.recommender.core.EpochProgress;
import dev.recommender.core.io.ModelData;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RankingModelTest {
    static final List<String> NAMES = List.of("signal", "noise");
    static final RankingConfig SMALL = RankingConfig.builder().trees(60).maxDepth(3).maxNodes(6).nodeSize(5)
            .shrinkage(0.1).subsample(0.6).validationFraction(0.2).seed(7).build();

    /** label = 0.8 where signal > 0.5, else 0.2, plus N(0, 0.05) noise; the noise column is irrelevant. */
    static double[][] features(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[n][2];
        for (double[] row : x) {
            row[0] = random.nextDouble();
            row[1] = random.nextDouble();
        }
        return x;
    }

    static double[] labels(double[][] x, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] y = new double[x.length];
        for (int r = 0; r < x.length; r++) {
            y[r] = (x[r][0] > 0.5 ? 0.8 : 0.2) + 0.05 * gaussian(random);
        }
        return y;
    }

    static RankingConfig withMaxExamples(RankingConfig config, int maxExamples) {
        return new RankingConfig(config.trees(), config.maxDepth(), config.maxNodes(), config.nodeSize(),
                config.shrinkage(), config.subsample(), config.validationFraction(), config.seed(), maxExamples);
    }

    static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    @Test
    void learnsAPlantedDependenceAndBeatsAConstantPredictor() {
        double[][] x = features(1000, 1);
        double[] y = labels(x, 2);
        RankingModel model = RankingModel.fit(x, y, NAMES, SMALL, progress -> { });
        double[][] testX = features(500, 3);
        double[] testY = labels(testX, 4);
        double mean = 0;
        for (double v : y) {
            mean += v / y.length;
        }
        double modelSquares = 0;
        double constantSquares = 0;
        for (int r = 0; r < testX.length; r++) {
            modelSquares += Math.pow(model.predict(testX[r]) - testY[r], 2);
            constantSquares += Math.pow(mean - testY[r], 2);
        }
        double modelRmse = Math.sqrt(modelSquares / testX.length);
        double constantRmse = Math.sqrt(constantSquares / testX.length);
        // a constant predictor's RMSE is about 0.30 (half the 0.6 step); the trees should get near the 0.05 noise
        assertTrue(modelRmse < 0.5 * constantRmse, "model " + modelRmse + " vs constant " + constantRmse);
        double[] importance = model.importance();
        assertTrue(importance[0] > 10 * importance[1], "signal should dominate: " + importance[0] + " vs " + importance[1]);
    }

    @Test
    void capsTheExamplesAtARandomSampleThatStillLearnsThePlantedDependence() {
        double[][] x = features(1000, 1);
        double[] y = labels(x, 2);
        double[][] testX = features(200, 3);
        // a cap at or above the row count changes nothing
        RankingModel uncapped = RankingModel.fit(x, y, NAMES, SMALL, progress -> { });
        RankingModel atCount = RankingModel.fit(x, y, NAMES, withMaxExamples(SMALL, 1000), progress -> { });
        // a cap below it fits fewer rows: another model, same seed same model, and it still finds the step
        RankingConfig capped = withMaxExamples(SMALL, 400);
        RankingModel first = RankingModel.fit(x, y, NAMES, capped, progress -> { });
        RankingModel second = RankingModel.fit(x, y, NAMES, capped, progress -> { });
        boolean anyDifferent = false;
        double squares = 0;
        double[] testY = labels(testX, 4);
        for (int r = 0; r < testX.length; r++) {
            assertEquals(uncapped.predict(testX[r]), atCount.predict(testX[r]));
            assertEquals(first.predict(testX[r]), second.predict(testX[r]));
            anyDifferent |= first.predict(testX[r]) != uncapped.predict(testX[r]);
            squares += Math.pow(first.predict(testX[r]) - testY[r], 2);
        }
        assertTrue(anyDifferent, "400 of 1000 rows should give another model");
        // the constant predictor's RMSE is about 0.30
        assertTrue(Math.sqrt(squares / testX.length) < 0.15, "capped model RMSE " + Math.sqrt(squares / testX.length));
        assertEquals("maxExamples must be at least 2, got 1", assertThrows(IllegalArgumentException.class,
                () -> RankingConfig.builder().maxExamples(1).build()).getMessage());
    }

    @Test
    void sameSeedGivesSameModelAndAnotherSeedAnother() {
        double[][] x = features(400, 5);
        double[] y = labels(x, 6);
        RankingModel first = RankingModel.fit(x, y, NAMES, SMALL, progress -> { });
        RankingModel second = RankingModel.fit(x, y, NAMES, SMALL, progress -> { });
        RankingConfig otherSeed = RankingConfig.builder().trees(60).maxDepth(3).maxNodes(6).nodeSize(5)
                .shrinkage(0.1).subsample(0.6).validationFraction(0.2).seed(8).build();
        RankingModel third = RankingModel.fit(x, y, NAMES, otherSeed, progress -> { });
        boolean anyDifferent = false;
        for (double[] row : features(100, 9)) {
            assertEquals(first.predict(row), second.predict(row), 0.0);
            anyDifferent |= first.predict(row) != third.predict(row);
        }
        assertEquals(first.treeCount(), second.treeCount());
        assertTrue(anyDifferent, "the seed should change subsamples and hold-out");
    }

    @Test
    void fitsRunningAtTheSameTimeOnOtherThreadsGiveTheSameTreesAsOneAfterTheOther() throws Exception {
        double[][] x = features(2_000, 15);
        double[] y = labels(x, 16);
        RankingConfig otherSeed = RankingConfig.builder().trees(60).maxDepth(3).maxNodes(6).nodeSize(5)
                .shrinkage(0.1).subsample(0.6).validationFraction(0.2).seed(99).build();
        RankingModel alone = RankingModel.fit(x, y, NAMES, SMALL, progress -> { });
        RankingModel aloneOther = RankingModel.fit(x, y, NAMES, otherSeed, progress -> { });
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 3; round++) {
                List<java.util.concurrent.Future<RankingModel>> fits = new ArrayList<>();
                for (int k = 0; k < 8; k++) {
                    RankingConfig config = k % 2 == 0 ? SMALL : otherSeed;
                    fits.add(pool.submit(() -> RankingModel.fit(x, y, NAMES, config, progress -> { })));
                }
                for (int k = 0; k < fits.size(); k++) {
                    RankingModel expected = k % 2 == 0 ? alone : aloneOther;
                    RankingModel concurrent = fits.get(k).get();
                    assertEquals(expected.treeCount(), concurrent.treeCount());
                    for (double[] row : features(200, 17)) {
                        assertEquals(expected.predict(row), concurrent.predict(row), 0.0);
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void keepsTheFewestTreesWithinATenthOfAPercentOfTheBestValidationRmse() {
        // RMSE 0.5, 0.3, 0.2004, 0.2001, 0.2, 0.2003: the best is 0.2 at 5 trees, 0.1% above it is 0.2002,
        // so 4 trees (0.2001) are kept; 3 trees (0.2004) are outside
        double[] mse = {0.25, 0.09, 0.2004 * 0.2004, 0.2001 * 0.2001, 0.04, 0.2003 * 0.2003};
        assertEquals(4, RankingModel.fewestTreesNearBest(mse));
        // a curve that only falls keeps the last tree when every earlier one is further than 0.1% away
        assertEquals(3, RankingModel.fewestTreesNearBest(new double[] {0.09, 0.0625, 0.04}));
        assertEquals(1, RankingModel.fewestTreesNearBest(new double[] {0.04}));
    }

    @Test
    void reportsATrainingCurveAndClipsPredictionsToTheLabelRange() {
        double[][] x = features(300, 10);
        double[] y = labels(x, 11);
        List<EpochProgress> curve = new ArrayList<>();
        RankingModel model = RankingModel.fit(x, y, NAMES, SMALL, curve::add);
        assertEquals(10, curve.size());
        assertEquals(10, curve.get(9).epoch());
        assertEquals(60.0, curve.get(9).metrics().get("trees"));
        assertTrue(curve.get(9).loss() < curve.get(0).loss(), "training loss should fall");
        assertTrue(curve.get(0).metrics().containsKey("validation_rmse"));
        assertTrue(model.treeCount() >= 1 && model.treeCount() <= 60);
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (double v : y) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        for (double[] row : new double[][] {{-100, 0}, {100, 0}, {0.5, 0.5}}) {
            double prediction = model.predict(row);
            assertTrue(prediction >= min && prediction <= max, "prediction " + prediction);
        }
    }

    @Test
    void namedArraysRoundTripExactlyAndInconsistentOnesAreRefused() {
        double[][] x = features(200, 12);
        double[] y = labels(x, 13);
        RankingModel model = RankingModel.fit(x, y, NAMES, SMALL, progress -> { });
        ModelData.Builder written = ModelData.builder("probe", 1);
        model.writeTo(written, "m.");
        ModelData data = written.build();
        RankingModel copy = RankingModel.readFrom(data, "m.", NAMES);
        for (double[] row : features(50, 14)) {
            assertEquals(model.predict(row), copy.predict(row), 0.0);
        }
        assertArrayEquals(model.importance(), copy.importance(), 0.0);
        assertEquals(model.treeCount(), copy.treeCount());
        assertEquals("m.featureCount = 2, but the model lists 3 features", assertThrows(
                IllegalArgumentException.class,
                () -> RankingModel.readFrom(data, "m.", List.of("a", "b", "c"))).getMessage());
        ModelData.Builder emptyRange = ModelData.builder("probe", 1);
        data.properties().forEach((key, value) -> emptyRange.property(key, key.equals("m.maxLabel") ? "-5" : value));
        for (String name : data.sectionNames()) {
            if ((name.endsWith("threshold") || name.endsWith("value")
                    || name.endsWith("importance"))) {
                emptyRange.putDoubles(name, data.doubles(name));
            } else {
                emptyRange.putInts(name, data.ints(name));
            }
        }
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> RankingModel.readFrom(emptyRange.build(), "m.", NAMES)).getMessage()
                .startsWith("m.label range ["), "names the field");
    }

    @Test
    void rejectsBadInputWithClearMessages() {
        double[][] x = {{0, 1}, {1, Double.NaN}, {2, 3}};
        double[] y = {0, 1, 0};
        assertEquals("feature 'noise' of row 1 is not finite: NaN", assertThrows(IllegalArgumentException.class,
                () -> RankingModel.fit(x, y, NAMES, SMALL, p -> { })).getMessage());
        assertEquals("features has 3 rows but labels has 2", assertThrows(IllegalArgumentException.class,
                () -> RankingModel.fit(x, new double[2], NAMES, SMALL, p -> { })).getMessage());
        assertEquals("row 0 has 1 features, expected 2", assertThrows(IllegalArgumentException.class,
                () -> RankingModel.fit(new double[][] {{0}, {1}}, new double[2], NAMES, SMALL, p -> { })).getMessage());
        assertEquals("featureNames must be distinct, non-empty and not 'label', got [label, noise]",
                assertThrows(IllegalArgumentException.class, () -> RankingModel.fit(new double[][] {{0, 0}, {1, 1}},
                        new double[2], List.of("label", "noise"), SMALL, p -> { })).getMessage());
    }

    @Test
    void configValidatesEachField() {
        assertEquals("trees must be at least 1, got 0", assertThrows(IllegalArgumentException.class,
                () -> RankingConfig.builder().trees(0).build()).getMessage());
        assertEquals("shrinkage must be in (0, 1], got 0.0", assertThrows(IllegalArgumentException.class,
                () -> RankingConfig.builder().shrinkage(0).build()).getMessage());
        assertEquals("subsample must be in (0, 1], got 1.5", assertThrows(IllegalArgumentException.class,
                () -> RankingConfig.builder().subsample(1.5).build()).getMessage());
        assertEquals("validationFraction must be in [0, 0.5), got 0.5", assertThrows(IllegalArgumentException.class,
                () -> RankingConfig.builder().validationFraction(0.5).build()).getMessage());
        assertEquals("maxDepth must be at least 2, got 1", assertThrows(IllegalArgumentException.class,
                () -> RankingConfig.builder().maxDepth(1).build()).getMessage());
        assertEquals(RankingConfig.defaults(), RankingConfig.builder().build());
        assertNotEquals(RankingConfig.defaults(), RankingConfig.builder().seed(1).build());
    }
}
