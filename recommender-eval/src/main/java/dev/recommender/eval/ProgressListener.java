package dev.recommender.eval;

/**
 * Receives {@link EvaluationProgress} on the evaluating thread (for a command-line progress bar).
 * Implementations must be quick and must not throw.
 */
@FunctionalInterface
public interface ProgressListener {
    /** A listener that ignores progress. */
    ProgressListener NONE = progress -> { };

    /**
     * Called at each stage change.
     *
     * @param progress the progress so far
     */
    void onProgress(EvaluationProgress progress);
}
