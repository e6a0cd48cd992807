package dev.recommender.eval.split;

import dev.recommender.core.data.EventLog;

import java.util.List;

/**
 * Splits an event log into one or more train/test {@link Split}s: one for a holdout, {@code k}
 * for k-fold cross-validation. Implementations are immutable configuration records, seeded and
 * deterministic: the same log and configuration always give the same splits, on any thread.
 */
public interface Splitter {
    /** A short description for reports, e.g. {@code "5-fold (seed 42)"}. */
    String name();

    /**
     * Splits a log.
     *
     * @param events the events to split
     * @return the splits, in fold order; never empty
     * @throws IllegalArgumentException if the log is too small for this splitter
     */
    List<Split> split(EventLog events);
}
