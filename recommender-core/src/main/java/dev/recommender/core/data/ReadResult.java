package dev.recommender.core.data;

import java.util.Objects;

/**
 * The outcome of reading an event CSV: the events and the {@link ReadReport} of what was read,
 * kept and skipped. Immutable.
 *
 * @param events the events kept
 * @param report counts of rows read, kept and skipped
 */
public record ReadResult(EventLog events, ReadReport report) {
    /** Checks that both parts are present. */
    public ReadResult {
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(report, "report");
    }
}
