package dev.recommender.examples;

import dev.recommender.core.ItemScorer;
import dev.recommender.core.data.Interactions;
import dev.recommender.eval.metric.RatingMetrics;
import java.util.Locale;

/**
 * Rating-prediction error of one model on held-out pairs: RMSE, MAE and fit time.
 *
 * @param model      the model's name
 * @param rmse       root mean squared error over the test pairs
 * @param mae        mean absolute error over the test pairs
 * @param fitSeconds wall time of fitting
 * @param testPairs  number of test pairs
 */
public record RatingResult(String model, double rmse, double mae, double fitSeconds, int testPairs) {

    /**
     * Scores every test pair with a model and measures the errors. Predictions of pairs the model does
     * not know come from the model's documented fallback.
     *
     * @param model      the model's name
     * @param scorer     the model
     * @param test       the held-out pairs
     * @param fitSeconds the model's fit time
     * @return the errors
     */
    public static RatingResult of(String model, ItemScorer scorer, Interactions test, double fitSeconds) {
        int n = test.size();
        double[] predicted = new double[n];
        double[] actual = new double[n];
        for (int user = 0; user < test.userCount(); user++) {
            String userId = test.users().id(user);
            for (int entry = test.userStart(user); entry < test.userEnd(user); entry++) {
                predicted[entry] = scorer.score(userId, test.items().id(test.itemAt(entry)));
                actual[entry] = test.value(entry);
            }
        }
        return new RatingResult(model, RatingMetrics.rmse(predicted, actual), RatingMetrics.mae(predicted, actual),
                fitSeconds, n);
    }

    /** The markdown table header matching {@link #toMarkdownRow()}. */
    static String markdownHeader() {
        return "| model | RMSE | MAE | fit s |\n|---|---:|---:|---:|\n";
    }

    /** One markdown table row. */
    String toMarkdownRow() {
        return String.format(Locale.ROOT, "| %s | %.4f | %.4f | %.2f |\n", model, rmse, mae, fitSeconds)
                ;
    }
}
