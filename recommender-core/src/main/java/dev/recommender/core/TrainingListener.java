package dev.recommender.core;

/**
 * Receives training progress, once per epoch, on the training thread. Implementations must be
 * quick and must not throw.
 */
@FunctionalInterface
public interface TrainingListener {
    /** A listener that ignores progress. */
    TrainingListener NONE = progress -> { };

    /** Called after each epoch. */
    void onEpoch(EpochProgress progress);
}
