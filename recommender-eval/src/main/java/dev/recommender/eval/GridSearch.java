package dev.recommender.eval;

import dev.recommender.core.Algorithm;
import dev.recommender.core.Recommender;
import dev.recommender.core.TrainingData;
import dev.recommender.core.data.EventLog;
import dev.recommender.eval.report.AlgorithmResult;
import dev.recommender.eval.report.EvaluationReport;
import dev.recommender.eval.report.Summary;
import dev.recommender.eval.split.Split;
import dev.recommender.eval.split.Splitter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Exhaustive search over a {@link ParameterGrid} by cross-validation (Surprise's and
 * scikit-learn's {@code GridSearchCV}): the events are split once by the splitter (for example
 * {@code KFold.of(3, seed)}), every grid point's algorithm is evaluated by the {@link Evaluator}
 * on the same splits, and the point with the best mean objective wins (the first in grid order
 * among equals; points whose objective is undefined never win). {@link #fitBest} refits the
 * winner on all data.
 *
 * <p>The seed's SVD search (3-fold, epochs {5, 10}, learning rate {0.002, 0.005},
 * regularisation {0.4, 0.6}):
 * <pre>{@code
 * ParameterGrid grid = ParameterGrid.builder()
 *         .add("epochs", 5, 10).add("lr", 0.002, 0.005).add("reg", 0.4, 0.6).build();
 * GridSearch search = new GridSearch(grid,
 *         p -> Svd.Config.builder().epochs(p.getInt("epochs")).learningRate(p.getDouble("lr"))
 *                 .biasLearningRate(p.getDouble("lr")).regularization(p.getDouble("reg")).build(),
 *         KFold.of(3, 42), Evaluator.builder(Signals.engagementLog()).build(), "rmse");
 * GridSearchResult result = search.run(events);
 * Recommender tuned = search.fitBest(result, events);
 * }</pre>
 *
 * <p>Cost: grid size times folds fits, plus the evaluator's scoring. Immutable and thread-safe
 * if the factory is.
 */
public final class GridSearch {
    private static final Logger LOG = LoggerFactory.getLogger(GridSearch.class);

    private final ParameterGrid grid;
    private final Function<ParameterPoint, ? extends Algorithm<?>> factory;
    private final Splitter splitter;
    private final Evaluator evaluator;
    private final String objective;
    private final Goal goal;

    /** Whether smaller or larger objective values are better. */
    public enum Goal {
        /** Smaller is better (RMSE, MAE). */
        MINIMISE,
        /** Larger is better (NDCG, precision, ...). */
        MAXIMISE;

        /**
         * The usual goal of a metric: minimise errors ({@code rmse}, {@code mae}), maximise the rest.
         *
         * @param metric the metric name
         * @return the goal
         */
        public static Goal of(String metric) {
            return metric.equals("rmse") || metric.equals("mae") ? MINIMISE : MAXIMISE;
        }
    }

    /**
     * A grid search.
     *
     * @param grid      the parameter grid
     * @param factory   makes the algorithm of a grid point (e.g. an SVD configuration)
     * @param splitter  the cross-validation splits
     * @param evaluator measures every point
     * @param objective the metric to optimise, e.g. {@code "rmse"}; its goal is {@link Goal#of(String)}
     * @throws IllegalArgumentException if the evaluator's options do not produce the objective
     */
    public GridSearch(ParameterGrid grid, Function<ParameterPoint, ? extends Algorithm<?>> factory, Splitter splitter,
                      Evaluator evaluator, String objective) {
        this(grid, factory, splitter, evaluator, objective, Goal.of(objective));
    }

    /**
     * A grid search with an explicit goal.
     *
     * @param grid      the parameter grid
     * @param factory   makes the algorithm of a grid point
     * @param splitter  the cross-validation splits
     * @param evaluator measures every point
     * @param objective the metric to optimise
     * @param goal      whether to minimise or maximise it
     * @throws IllegalArgumentException if the evaluator's options do not produce the objective
     */
    public GridSearch(ParameterGrid grid, Function<ParameterPoint, ? extends Algorithm<?>> factory, Splitter splitter,
                      Evaluator evaluator, String objective, Goal goal) {
        this.grid = Objects.requireNonNull(grid, "grid");
        this.factory = Objects.requireNonNull(factory, "factory");
        this.splitter = Objects.requireNonNull(splitter, "splitter");
        this.evaluator = Objects.requireNonNull(evaluator, "evaluator");
        this.objective = Objects.requireNonNull(objective, "objective");
        this.goal = Objects.requireNonNull(goal, "goal");
        List<String> measured = evaluator.options().metricNames();
        if (!measured.contains(objective)) {
            throw new IllegalArgumentException("objective '" + objective + "' is not among the evaluated metrics "
                    + measured);
        }
    }

    /**
     * Runs the search.
     *
     * @param events the events to cross-validate on
     * @return every point's results and the best point
     * @throws IllegalArgumentException if the objective is undefined for every point (e.g. RMSE of
     *                                  models without point scores)
     */
    public GridSearchResult run(EventLog events) {
        List<Split> splits = splitter.split(events);
        List<ParameterPoint> points = grid.points();
        Map<String, Algorithm<?>> algorithms = new LinkedHashMap<>();
        for (ParameterPoint point : points) {
            Algorithm<?> algorithm = Objects.requireNonNull(factory.apply(point), "factory result for " + point);
            algorithms.put(algorithm.name() + "{" + point + "}", algorithm);
        }
        LOG.info("grid search over {} points x {} splits ({}), objective {} ({})", points.size(), splits.size(),
                splitter.name(), objective, goal);
        EvaluationReport report = evaluator.evaluate(splits, splitter.name(), algorithms);
        List<GridRow> rows = new ArrayList<>(points.size());
        int best = -1;
        for (int p = 0; p < points.size(); p++) {
            AlgorithmResult result = report.algorithms().get(p);
            Summary summary = result.summary(objective);
            rows.add(new GridRow(points.get(p), result, summary));
            if (summary.count() > 0 && (best < 0 || better(summary.mean(), rows.get(best).objective().mean()))) {
                best = p;
            }
        }
        if (best < 0) {
            throw new IllegalArgumentException("objective '" + objective + "' is undefined for every grid point "
                    + "(does the algorithm give point scores?)");
        }
        LOG.info("grid search best: {} with {} {}", points.get(best), objective,
                Evaluator.rounded(rows.get(best).objective().mean()));
        return new GridSearchResult(objective, goal, rows, best, report);
    }

    /**
     * Refits the best point's algorithm on all events (with the evaluator's signals), as the seed
     * refit its tuned SVD on all data.
     *
     * @param result a result of {@link #run(EventLog)}
     * @param events all events
     * @return the fitted model
     */
    public Recommender fitBest(GridSearchResult result, EventLog events) {
        Algorithm<?> algorithm = factory.apply(result.bestPoint());
        return algorithm.fit(TrainingData.of(events, evaluator.signals()));
    }

    private boolean better(double candidate, double incumbent) {
        return goal == Goal.MINIMISE ? candidate < incumbent : candidate > incumbent;
    }
}
