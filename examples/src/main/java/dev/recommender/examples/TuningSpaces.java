package dev.recommender.examples;

import dev.recommender.core.Algorithm;
import dev.recommender.core.TrainingInput;
import dev.recommender.core.data.Signal;
import dev.recommender.core.mf.ExposureRate;
import dev.recommender.core.mf.RateAls;
import dev.recommender.core.mf.Svd;
import dev.recommender.core.mf.SvdPlusPlus;
import dev.recommender.core.retrieval.Ease;
import dev.recommender.core.retrieval.ImplicitAls;
import dev.recommender.core.retrieval.TwoTowerRetrieval;
import dev.recommender.eval.ParameterGrid;
import dev.recommender.eval.Tuner;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The search spaces of {@code evaluate --tune}: for each tunable algorithm of the catalog, a small grid around
 * its preset, the metric that judges it (RMSE for value predictors, NDCG@k for top-N models) and a
 * {@link Tuner} that carves 20% of each user's <em>training</em> pairs for validation (seed of the run).
 * Algorithms without a space run with their preset. Stateless.
 */
final class TuningSpaces {
    /** Share of each user's training pairs carved for validation. */
    static final double FRACTION = 0.2;

    private TuningSpaces() {
    }

    /**
     * Replaces every algorithm that has a space by its tuner (same name), leaving the others as they are.
     *
     * @param algorithms name to preset algorithm, in list order
     * @param k          the ranking cutoff of the run (top-N models are tuned on NDCG@k)
     * @param seed       seed of the validation carve
     * @return name to algorithm, in the same order
     */
    static Map<String, Algorithm<?>> tune(Map<String, Algorithm<?>> algorithms, int k, long seed) {
        Map<String, Algorithm<?>> tuned = new LinkedHashMap<>();
        algorithms.forEach((name, algorithm) -> tuned.put(name, tuner(name, algorithm, k, seed)));
        return tuned;
    }

    /** What every table of a tuned run says about where its configurations came from. */
    static String note(boolean tuned) {
        return tuned ? "Configurations of svd, svdpp, rate-als, exposure-rate, implicit-als, ease and two-tower tuned inside every"
                + " fold on a validation carve of"
                + " that fold's training side (" + Math.round(FRACTION * 100) + "% of each user's training pairs);"
                + " measured on the fold's test side.\n\n"
                : "Configurations: the catalog presets (see docs/models.md for what they were tuned on); measured on"
                + " the split's test side.\n\n";
    }

    private static Algorithm<?> tuner(String name, Algorithm<?> preset, int k, long seed) {
        String ndcg = "ndcg@" + k;
        if (preset instanceof Svd.Config svd) {
            ParameterGrid grid = ParameterGrid.builder().add("regularizationScale", 0.5, 1.0, 2.0)
                    .add("epochScale", 0.5, 1.0).build();
            return new Tuner(grid.points(), p -> svd.toBuilder()
                    .epochs(scaled(svd.epochs(), p.getDouble("epochScale")))
                    .factorRegularization(svd.factorRegularization() * p.getDouble("regularizationScale"))
                    .biasRegularization(svd.biasRegularization() * p.getDouble("regularizationScale")).build(),
                    "rmse", FRACTION, seed).asAlgorithm(name, svd.input());
        }
        if (preset instanceof SvdPlusPlus.Config svdpp) {
            ParameterGrid grid = ParameterGrid.builder().add("regularizationScale", 0.5, 1.0, 2.0)
                    .add("epochScale", 0.5, 1.0).build();
            return new Tuner(grid.points(), p -> svdpp
                    .withEpochs(scaled(svdpp.epochs(), p.getDouble("epochScale")))
                    .withRegularization(svdpp.regularization() * p.getDouble("regularizationScale"))
                    .withImplicitRegularization(svdpp.implicitRegularization() * p.getDouble("regularizationScale")),
                    "rmse", FRACTION, seed).asAlgorithm(name, svdpp.input());
        }
        if (preset instanceof RateAls.Config rate) {
            ParameterGrid grid = ParameterGrid.builder().add("regularization", 10.0, 50.0, 200.0)
                    .add("factors", 8, 16).build();
            return new Tuner(grid.points(), p -> rate.withRegularization(p.getDouble("regularization"))
                    .withFactors(p.getInt("factors")), "rmse", FRACTION, seed)
                    .asAlgorithm(name, TrainingInput.of(Signal.RATING));
        }
        if (preset instanceof ExposureRate.Config exposure) {
            ParameterGrid grid = ParameterGrid.builder().add("regularization", 0.1, 0.3, 1.0)
                    .add("factors", 8, 16).build();
            return new Tuner(grid.points(), p -> exposure.withRegularization(p.getDouble("regularization"))
                    .withFactors(p.getInt("factors")), "rmse", FRACTION, seed)
                    .asAlgorithm(name, TrainingInput.of(Signal.RATING));
        }
        if (preset instanceof Ease.Config ease) {
            ParameterGrid grid = ParameterGrid.builder().add("regularization", 100.0, 300.0, 800.0).build();
            return new Tuner(grid.points(), p -> ease.withRegularization(p.getDouble("regularization")), ndcg,
                    FRACTION, seed).asAlgorithm(name, TrainingInput.of(Signal.IMPLICIT));
        }
        if (preset instanceof ImplicitAls.Config als) {
            ParameterGrid grid = ParameterGrid.builder().add("regularization", 10.0, 30.0, 100.0)
                    .add("alpha", 1.0, 3.0).build();
            return new Tuner(grid.points(), p -> als.toBuilder().regularization(p.getDouble("regularization"))
                    .alpha(p.getDouble("alpha")).build(), ndcg, FRACTION, seed).asAlgorithm(name, als.input());
        }
        if (preset instanceof TwoTowerRetrieval.Config twoTower) {
            // the softmax temperature and the training length: the two knobs its preset was first set by on a test split
            ParameterGrid grid = ParameterGrid.builder().add("temperature", 1.0, 2.0, 4.0).add("epochScale", 0.5, 1.0)
                    .build();
            return new Tuner(grid.points(), p -> twoTower.toBuilder().temperature(p.getDouble("temperature"))
                    .epochs(scaled(twoTower.epochs(), p.getDouble("epochScale"))).build(),
                    ndcg, FRACTION, seed).asAlgorithm(name, twoTower.input());
        }
        return preset;
    }

    /** An epoch count times a grid's scale, rounded, at least 1. */
    private static int scaled(int epochs, double scale) {
        return (int) Math.max(1, Math.round(epochs * scale));
    }
}
