package dev.recommender.examples;

import dev.recommender.core.data.Aggregation;
import dev.recommender.core.mf.Svd;
import dev.recommender.eval.EvaluationOptions;
import dev.recommender.eval.Evaluator;
import dev.recommender.eval.GridSearch;
import dev.recommender.eval.GridSearchResult;
import dev.recommender.eval.ParameterGrid;
import dev.recommender.eval.ParameterPoint;
import dev.recommender.eval.split.KFold;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The proof of concept's SVD grid search ({@code svd --grid}): epochs {5, 10}, learning rate
 * {0.002, 0.005} and regularisation {0.4, 0.6} (biases and factors alike, Surprise's {@code reg_all}),
 * each point judged by RMSE under 3-fold cross-validation over pairs, through recommender-eval's
 * {@link GridSearch}. The other SVD settings come from the command's configuration.
 *
 * <p>Cost: 8 points x 3 folds = 24 fits. Stateless.
 */
final class SvdGrid {
    /** Number of cross-validation folds. */
    static final int FOLDS = 3;

    private SvdGrid() {
    }

    /** The seed's grid. */
    static ParameterGrid grid() {
        return ParameterGrid.builder().add("epochs", 5, 10).add("learningRate", 0.002, 0.005)
                .add("regularization", 0.4, 0.6).build();
    }

    /**
     * Runs the search and records the best point and its CV RMSE.
     *
     * @param data         the events
     * @param aggregation  events to per-pair values
     * @param base         the SVD settings outside the grid
     * @param seed         seed of the folds
     * @param record       receives the best point and objective
     * @param progressBars whether a progress bar may be drawn
     * @return {@code markdown} (the table), {@code best} (the point), {@code rmse}, {@code rows} (every point)
     */
    static Map<String, Object> run(Dataset data, Aggregation aggregation, Svd.Config base, long seed, RunRecord record,
                                   boolean progressBars) {
        GridSearchResult result;
        try (EvaluateCommand.BarListener bar = new EvaluateCommand.BarListener("grid", progressBars)) {
            Evaluator evaluator = Evaluator.builder(dev.recommender.core.data.Signals.of(aggregation))
                    .options(EvaluationOptions.builder().rankingMetrics(false).build()).listener(bar).build();
            GridSearch search = new GridSearch(grid(), point -> configure(base, point), KFold.of(FOLDS, seed), evaluator,
                    "rmse");
            result = search.run(data.events());
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (var row : result.rows()) {
            Map<String, Object> json = new LinkedHashMap<>(row.point().values());
            json.put("rmse", row.objective().mean());
            json.put("rmseStd", row.objective().standardDeviation());
            rows.add(json);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("folds", FOLDS);
        out.put("best", result.bestPoint().values());
        out.put("rmse", result.best().objective().mean());
        out.put("rows", rows);
        out.put("markdown", "## Grid search (" + FOLDS + "-fold cross-validated RMSE)\n\n" + result.toMarkdown()
                + "\nBest: " + result.bestPoint() + "\n");
        record.parameter("grid", grid().parameters());
        record.metric("grid.best", result.bestPoint().values());
        record.metric("grid.rmse", result.best().objective().mean());
        return out;
    }

    private static Svd.Config configure(Svd.Config base, ParameterPoint point) {
        double learningRate = point.getDouble("learningRate");
        return base.toBuilder().epochs(point.getInt("epochs")).learningRate(learningRate)
                .biasLearningRate(learningRate).regularization(point.getDouble("regularization")).build();
    }
}
