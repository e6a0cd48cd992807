package dev.recommender.core;

/**
 * Receives training progress, once per epoch, on a training thread. Calls never overlap; a model that fits
 * parts at the same time (the two-stage model) may make them from more than one thread. Implementations
 * must be quick and must not throw.
 */
@FunctionalInterface
public interface TrainingListener {
    /** A listener that ignores progress. */
    TrainingListener NONE = progress -> { };

    /** Called after each epoch. */
    void onEpoch(EpochProgress progress);
}
