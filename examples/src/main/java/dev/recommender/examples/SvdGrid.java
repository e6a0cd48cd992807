package dev.recommender.examples;

import dev.recommender.core.data.Aggregation;
import dev.recommender.core.data.Interactions;
import dev.recommender.core.mf.Svd;
import dev.recommender.eval.ParameterGrid;
import dev.recommender.eval.ParameterPoint;
import dev.recommender.eval.Tuner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The proof of concept's SVD grid ({@code svd --grid}): epochs {5, 10}, learning rate {0.002, 0.005} and
 * regularisation {0.4, 0.6} (biases and factors alike, Surprise's {@code reg_all}), each point judged by RMSE
 * on a validation carve of the pairs ({@value #FRACTION} of each user's pairs, see {@link Tuner}); the best is
 * refitted on all pairs. Only the pairs the command trains on are used, so a later holdout stays unseen. The
 * other SVD settings come from the command's configuration.
 *
 * <p>Cost: 8 points + 1 refit = 9 fits. Stateless.
 */
final class SvdGrid {
    /** Share of each user's pairs carved for validation. */
    static final double FRACTION = 0.2;

    private SvdGrid() {
    }

    /** The seed's grid. */
    static ParameterGrid grid() {
        return ParameterGrid.builder().add("epochs", 5, 10).add("learningRate", 0.002, 0.005)
                .add("regularization", 0.4, 0.6).build();
    }

    /**
     * Runs the search and records the best point and its validation RMSE.
     *
     * @param data         the events
     * @param aggregation  events to per-pair values
     * @param base         the SVD settings outside the grid
     * @param seed         seed of the validation carve
     * @param record       receives the best point and objective
     * @param progressBars unused (kept for the command's call)
     * @return {@code markdown} (the table), {@code best} (the point), {@code rmse}, {@code rows} (every point)
     */
    static Map<String, Object> run(Dataset data, Aggregation aggregation, Svd.Config base, long seed, RunRecord record,
                                   boolean progressBars) {
        Interactions pairs = aggregation.aggregate(data.events());
        Tuner tuner = new Tuner(grid().points(), point -> configure(base, point), "rmse", FRACTION, seed);
        Tuner.Result result = tuner.tune(pairs);
        List<Map<String, Object>> rows = new ArrayList<>();
        StringBuilder table = new StringBuilder("| epochs | learningRate | regularization | validation RMSE |\n"
                + "|---:|---:|---:|---:|\n");
        double bestRmse = Double.NaN;
        for (Tuner.Trial trial : result.trials()) {
            Map<String, Object> json = new LinkedHashMap<>(trial.point().values());
            json.put("rmse", trial.score());
            rows.add(json);
            ParameterPoint p = trial.point();
            table.append(String.format("| %s | %s | %s | %.4f |%n", p.get("epochs"), p.get("learningRate"),
                    p.get("regularization"), trial.score()));
            if (trial.point().equals(result.best())) {
                bestRmse = trial.score();
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("validationFraction", FRACTION);
        out.put("best", result.best().values());
        out.put("rmse", bestRmse);
        out.put("rows", rows);
        out.put("markdown", "## Grid search (RMSE on a validation carve of " + Math.round(FRACTION * 100)
                + "% of each user's pairs; best refitted on all pairs)\n\n" + table + "\nBest: " + result.best() + "\n");
        record.parameter("grid", grid().parameters());
        record.metric("grid.best", result.best().values());
        record.metric("grid.rmse", bestRmse);
        return out;
    }

    private static Svd.Config configure(Svd.Config base, ParameterPoint point) {
        double learningRate = point.getDouble("learningRate");
        return base.toBuilder().epochs(point.getInt("epochs")).learningRate(learningRate)
                .biasLearningRate(learningRate).regularization(point.getDouble("regularization")).build();
    }
}
