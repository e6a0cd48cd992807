package dev.recommender.core;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Progress of one training epoch.
 *
 * @param algorithm   algorithm name
 * @param epoch       1-based epoch number
 * @param totalEpochs planned number of epochs
 * @param loss        training loss of the epoch (algorithm-specific; e.g. mean squared error plus penalty)
 * @param elapsed     wall time since training started
 * @param metrics     further named values, e.g. a validation metric; may be empty
 */
public record EpochProgress(String algorithm, int epoch, int totalEpochs, double loss, Duration elapsed,
                            Map<String, Double> metrics) {
    /** Validates and copies the fields. */
    public EpochProgress {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(elapsed, "elapsed");
        metrics = Map.copyOf(metrics);
    }
}
