package dev.recommender.eval;

import java.util.Objects;

/**
 * Progress of an evaluation, reported when an algorithm enters a stage on a fold and when it is
 * done with the fold. {@code completed / total} is the finished share of (fold, algorithm) steps,
 * enough for a progress bar.
 *
 * @param algorithm the algorithm's label
 * @param fold      0-based fold number
 * @param folds     number of folds
 * @param stage     what is happening
 * @param completed finished (fold, algorithm) steps
 * @param total     all (fold, algorithm) steps
 */
public record EvaluationProgress(String algorithm, int fold, int folds, Stage stage, int completed, int total) {
    /** Validates the fields. */
    public EvaluationProgress {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(stage, "stage");
    }

    /** The stages of one algorithm on one fold. */
    public enum Stage {
        /** Fitting the model on the fold's training data. */
        FITTING,
        /** Predicting the test pairs' values (rating metrics). */
        PREDICTING,
        /** Recommending for the test users (ranking metrics). */
        RANKING,
        /** Done with this fold. */
        DONE
    }
}
