package dev.recommender.core.retrieval;

import dev.recommender.core.EpochProgress;
import dev.recommender.core.RecommendRequest;
import dev.recommender.core.Recommendations;
import dev.recommender.core.SeenItems;
import dev.recommender.core.data.EventLog;
import dev.recommender.core.data.ImplicitConfidence;
import dev.recommender.core.data.Interactions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImplicitAlsTest {
    private static final Planted PLANTED = Planted.generate(300, 200, 5, 15, 0.9, 1);

    private static ImplicitAls.Config small() {
        return ImplicitAls.Config.builder().factors(8).regularization(1).alpha(4).iterations(10).build();
    }

    /** A one-dimensional model over items i0 = 1, i1 = 2, i2 = 3 with lambda 1, alpha 2. */
    private static ImplicitAls handMade() {
        Interactions training = Interactions.builder().add("u", "i0", 1f).add("u", "i1", 1f).add("v", "i2", 1f).build();
        ImplicitAls.Config config = ImplicitAls.Config.builder().factors(1).regularization(1).alpha(2).build();
        return new ImplicitAls(SeenItems.of(training), new float[] {0.5f, -1f}, new float[] {1, 2, 3}, config);
    }

    @Test
    void foldInSolvesTheUserProblemInClosedForm() {
        // Y = (1, 2, 3), lambda 1, alpha 2; items i0 (value 1) and i2 (value 0.5): c0 = 1 + 2*1 = 3, c2 = 1 + 2*0.5 = 2.
        // A = Y^T Y + lambda + (c0 - 1) y0^2 + (c2 - 1) y2^2 = (1 + 4 + 9) + 1 + 2*1 + 1*9 = 26
        // b = c0 y0 + c2 y2 = 3*1 + 2*3 = 9, so x = 9 / 26
        UserEmbedding user = handMade().foldIn(List.of("i0", "i2", "unknown"), new float[] {1f, 0.5f, 7f});
        assertEquals(9.0 / 26.0, user.vector()[0], 1e-6);
        assertEquals(List.of("i0", "i2"), user.seenItemIds());
    }

    @Test
    void recommendsByInnerProductWithTheRequestContract() {
        ImplicitAls model = handMade();
        // user v has x = -1: scores i0 -1, i1 -2, i2 -3 (seen)
        assertEquals(List.of("i0", "i1"), model.recommend("v", 5).itemIds());
        assertEquals(-1.0, model.recommend("v", 5).items().get(0).score(), 0);
        assertEquals(List.of("i0", "i1", "i2"),
                model.recommend("v", RecommendRequest.builder(5).excludeSeen(false).build()).itemIds());
        assertEquals(List.of("i1"), model.recommend("v",
                RecommendRequest.builder(5).exclude(Set.of("i0")).build()).itemIds());
        assertEquals(List.of("i1"), model.recommend("v",
                RecommendRequest.builder(5).candidates(Set.of("i1", "i2", "nope")).build()).itemIds());
        // user u (x = 0.5) has seen i0 and i1: only i2 is left, score 1.5
        Recommendations u = model.recommend("u", 5);
        assertEquals(List.of("i2"), u.itemIds());
        assertEquals(1.5, u.items().get(0).score(), 0);
        assertEquals(1.0, model.score("u", "i1"), 0);
        assertEquals(0.0, model.score("nobody", "i1"), 0);
        // unknown user: popularity (i0, i1, i2 each have one user: catalog order), flagged
        Recommendations unknown = model.recommend("nobody", 2);
        assertTrue(unknown.fallback());
        assertEquals(List.of("i0", "i1"), unknown.itemIds());
        // a folded-in user with x = 9/26 > 0 who has seen i0 and i2
        UserEmbedding folded = model.foldIn(List.of("i0", "i2"), new float[] {1f, 0.5f});
        assertEquals(List.of("i1"), model.recommend(folded, RecommendRequest.top(3)).itemIds());
    }

    @Test
    void exactAlternatingLeastSquaresNeverIncreasesTheLossAndCgGetsClose() {
        List<Double> exact = new ArrayList<>();
        List<Double> cg = new ArrayList<>();
        small().toBuilder().cgSteps(0).build().fit(PLANTED.all(), p -> exact.add(p.loss()));
        small().fit(PLANTED.all(), p -> cg.add(p.loss()));
        assertEquals(10, exact.size());
        for (int k = 1; k < exact.size(); k++) {
            assertTrue(exact.get(k) <= exact.get(k - 1) * (1 + 1e-9), "loss rose at iteration " + (k + 1) + ": " + exact);
        }
        double last = exact.get(exact.size() - 1);
        assertTrue(last < exact.get(0), "loss did not fall: " + exact);
        assertEquals(last, cg.get(cg.size() - 1), 0.01 * last, "CG final loss vs exact");
    }

    @Test
    void theReportedLossIsTheWeightedErrorOverEveryCellPlusThePenalty() {
        Interactions training = PLANTED.all();
        ImplicitAls.Config config = small();
        List<Double> losses = new ArrayList<>();
        ImplicitAls model = config.fit(training, p -> losses.add(p.loss()));
        // brute force over all users x items cells: confidence 1 + alpha * value and preference 1 where observed,
        // confidence 1 and preference 0 elsewhere; lambda times every squared factor
        int d = config.factors();
        double total = 0;
        for (int u = 0; u < training.userCount(); u++) {
            float[] x = model.userVector(training.users().id(u)).orElseThrow();
            for (int i = 0; i < training.itemCount(); i++) {
                float[] y = model.itemVector(training.items().id(i)).orElseThrow();
                double prediction = 0;
                for (int f = 0; f < d; f++) {
                    prediction += (double) x[f] * y[f];
                }
                total += prediction * prediction;
            }
            for (int e = training.userStart(u); e < training.userEnd(u); e++) {
                float[] y = model.itemVector(training.items().id(training.itemAt(e))).orElseThrow();
                double prediction = 0;
                for (int f = 0; f < d; f++) {
                    prediction += (double) x[f] * y[f];
                }
                double confidence = 1 + config.alpha() * training.value(e);
                total += confidence * (1 - prediction) * (1 - prediction) - prediction * prediction;
            }
            for (float v : x) {
                total += config.regularization() * v * v;
            }
        }
        for (int i = 0; i < training.itemCount(); i++) {
            for (float v : model.itemVector(training.items().id(i)).orElseThrow()) {
                total += config.regularization() * v * v;
            }
        }
        double expected = total / training.size();
        assertEquals(expected, losses.get(losses.size() - 1), 1e-6 * expected);
    }

    @Test
    void recoversPlantedClusters() {
        double precision = PLANTED.meanGroupPrecision(ImplicitAls.fit(PLANTED.all(), small()), 10);
        // 90% of each user's picks come from their group; a random list would be 20% in-group
        assertTrue(precision >= 0.9, "in-group share of top-10 " + precision);
    }

    @Test
    void sameSeedGivesIdenticalFactorsWhateverTheThreadCount() {
        ImplicitAls one = ImplicitAls.fit(PLANTED.all(), small());
        ImplicitAls two = ImplicitAls.fit(PLANTED.all(), small().toBuilder().threads(2).build());
        ImplicitAls other = ImplicitAls.fit(PLANTED.all(), small().toBuilder().seed(7).build());
        assertArrayEquals(one.userVectorsView(), two.userVectorsView());
        assertArrayEquals(one.itemVectorsView(), two.itemVectorsView());
        assertFalse(java.util.Arrays.equals(one.itemVectorsView(), other.itemVectorsView()));
    }

    @Test
    void savedAndLoadedModelAnswersIdentically(@TempDir Path directory) throws IOException {
        ImplicitAls model = ImplicitAls.fit(PLANTED.all(), small());
        ImplicitAls loaded = PLANTED.assertSavedAndLoadedAnswersIdentically(model, directory.resolve("als.model"),
                ImplicitAls.class, ImplicitAls::foldIn);
        assertEquals(model.config(), loaded.config());
        assertArrayEquals(model.userVectorsView(), loaded.userVectorsView());
        assertArrayEquals(model.itemVectorsView(), loaded.itemVectorsView());
    }

    @Test
    void foldInIsTheUsersLeastSquaresOptimum() {
        // Independent check: the gradient of sum_i c_i (p_i - x.y_i)^2 + lambda |x|^2 over ALL items,
        // summed directly (no Gram-matrix trick), vanishes at the folded-in vector.
        ImplicitAls model = ImplicitAls.fit(PLANTED.all(), small());
        List<String> items = PLANTED.itemsOf(3, 0, 0.8);
        float[] values = new float[items.size()];
        for (int k = 0; k < values.length; k++) {
            values[k] = 1 + k % 3;
        }
        float[] x = model.foldIn(items, values).vector();
        double[] gradient = new double[x.length];
        double alpha = model.config().alpha();
        for (String item : model.items().ids()) {
            float[] y = model.itemVector(item).orElseThrow();
            int k = items.indexOf(item);
            double c = k < 0 ? 1 : 1 + alpha * values[k];
            double p = k < 0 ? 0 : 1;
            double prediction = 0;
            for (int r = 0; r < x.length; r++) {
                prediction += x[r] * y[r];
            }
            for (int r = 0; r < x.length; r++) {
                gradient[r] += -2 * c * (p - prediction) * y[r];
            }
        }
        double norm = 0;
        for (int r = 0; r < x.length; r++) {
            gradient[r] += 2 * model.config().regularization() * x[r];
            norm += gradient[r] * gradient[r];
        }
        assertTrue(Math.sqrt(norm) < 1e-3, "gradient norm at the fold-in " + Math.sqrt(norm));
    }

    @Test
    void foldedInUsersRecallAlmostAsWellAsTrainedUsers() {
        ImplicitAls.Config config = ImplicitAls.Config.builder().factors(16).regularization(2).alpha(4).build();
        Planted.assertFoldInRecallsAlmostAsWellAsTraining("implicit ALS", training -> ImplicitAls.fit(training, config),
                ImplicitAls::foldIn);
    }

    @Test
    void foldInFromEventsUsesTheTrainingAggregation() {
        ImplicitAls model = ImplicitAls.fit(PLANTED.all(), small());
        EventLog.Builder events = EventLog.builder();
        events.add("new", "i1", 1_000L, "viewed", Float.NaN);
        events.add("new", "i1", 2_000L, "viewed", Float.NaN);
        events.add("new", "i6", 3_000L, "viewed", Float.NaN);
        ImplicitConfidence aggregation = ImplicitConfidence.defaults();
        Interactions aggregated = aggregation.aggregate(events.build());
        float[] values = new float[aggregated.size()];
        List<String> ids = new ArrayList<>();
        for (int e = 0; e < aggregated.size(); e++) {
            ids.add(aggregated.items().id(aggregated.itemAt(e)));
            values[e] = aggregated.value(e);
        }
        assertArrayEquals(model.foldIn(ids, values).vector(), model.foldIn(events.build(), aggregation).vector());
        EventLog twoUsers = EventLog.builder().add("a", "i1", 0, "viewed", Float.NaN)
                .add("b", "i1", 0, "viewed", Float.NaN).build();
        assertEquals("events must belong to exactly one user, got 2", assertThrows(IllegalArgumentException.class,
                () -> model.foldIn(twoUsers, aggregation)).getMessage());
    }

    @Test
    void badArgumentsAreRejectedWithTheirNames() {
        assertEquals("factors must be at least 1, got 0", assertThrows(IllegalArgumentException.class,
                () -> ImplicitAls.Config.builder().factors(0).build()).getMessage());
        assertEquals("alpha must be finite and non-negative, got -1.0", assertThrows(IllegalArgumentException.class,
                () -> ImplicitAls.Config.builder().alpha(-1).build()).getMessage());
        assertEquals("regularization must be finite and non-negative, got NaN",
                assertThrows(IllegalArgumentException.class,
                        () -> ImplicitAls.Config.builder().regularization(Double.NaN).build()).getMessage());
        Interactions negative = Interactions.builder().add("u", "i", -2f).build();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ImplicitAls.fit(negative, small()))
                .getMessage().startsWith("interaction (u, i) has negative value -2.0"));
        ImplicitAls model = handMade();
        assertEquals("none of the 1 items is in the model's catalog", assertThrows(IllegalArgumentException.class,
                () -> model.foldIn(List.of("nope"))).getMessage());
        assertEquals("item 'i0' appears twice in itemIds", assertThrows(IllegalArgumentException.class,
                () -> model.foldIn(List.of("i0", "i0"), new float[] {1, 1})).getMessage());
        assertEquals("itemIds and values must have the same length, got 1 and 2",
                assertThrows(IllegalArgumentException.class,
                        () -> model.foldIn(List.of("i0"), new float[] {1, 1})).getMessage());
        assertEquals("values[0] (item 'i0') must be finite and non-negative, got -1.0",
                assertThrows(IllegalArgumentException.class,
                        () -> model.foldIn(List.of("i0"), new float[] {-1})).getMessage());
    }

    @Test
    void foldInsOnlyWorkWithTheirOwnCatalog() {
        ImplicitAls model = ImplicitAls.fit(PLANTED.all(), small());
        UserEmbedding foreign = handMade().foldIn(List.of("i0"));
        assertEquals("user embedding (1 dimensions) was not made by a model over this catalog (8 dimensions)",
                assertThrows(IllegalArgumentException.class,
                        () -> model.recommend(foreign, RecommendRequest.top(3))).getMessage());
    }

    @Test
    void reportsOneProgressPerIteration() {
        List<EpochProgress> progress = new ArrayList<>();
        small().fit(PLANTED.all(), progress::add);
        assertEquals(10, progress.size());
        assertEquals("implicit-als", progress.get(0).algorithm());
        assertEquals(10, progress.get(9).epoch());
    }

    @Test
    void theGramProductIsThePlainLoopBitForBit() {
        // the Gram matrices are exactly symmetric; the product reads columns as rows (the vector path)
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        for (int d : new int[] {1, 3, 4, 7, 8, 15, 16, 17, 24, 33, 128, 130}) {
            double[] g = new double[d * d];
            double[] v = new double[d];
            for (int r = 0; r < d; r++) {
                for (int c = 0; c <= r; c++) {
                    g[r * d + c] = random.nextDouble(-1, 1) * Math.pow(10, random.nextInt(-3, 4));
                    g[c * d + r] = g[r * d + c];
                }
            }
            for (int k = 0; k < d; k++) {
                v[k] = random.nextDouble(-1, 1);
            }
            double[] expected = new double[d];
            for (int i = 0; i < d; i++) {
                double sum = 0;
                for (int j = 0; j < d; j++) {
                    sum += g[i * d + j] * v[j];
                }
                expected[i] = sum;
            }
            double[] out = new double[d];
            dev.recommender.core.internal.VectorMath.multiplySymmetric(g, v, out, d);
            for (int i = 0; i < d; i++) {
                assertEquals(Double.doubleToLongBits(expected[i]), Double.doubleToLongBits(out[i]), "d " + d + " row " + i);
            }
        }
    }
}
