package dev.recommender.eval.split;

import dev.recommender.core.data.EventLog;

import java.util.Objects;

/**
 * One train/test split of an event log. Both sides share the original log's id indexes, so
 * user and item indexes mean the same on both sides.
 *
 * @param train the training events, in the original log's order
 * @param test  the held-out events, in the original log's order
 */
public record Split(EventLog train, EventLog test) {
    /**
     * Validates the fields.
     *
     * @throws IllegalArgumentException if the two sides do not share their id indexes
     */
    public Split {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        if (train.users() != test.users() || train.items() != test.items()
                || train.eventTypes() != test.eventTypes()) {
            throw new IllegalArgumentException("train and test must share the id indexes of one event log");
        }
    }

    @Override
    public String toString() {
        return "Split[train=" + train.size() + " events, test=" + test.size() + " events]";
    }
}
