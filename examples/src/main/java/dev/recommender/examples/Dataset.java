package dev.recommender.examples;

import dev.recommender.core.data.EventLog;
import dev.recommender.core.data.Interactions;
import dev.recommender.core.data.Signals;
import java.nio.file.Path;
import java.util.Objects;

/**
 * An event log read by the tool, with where it came from.
 *
 * @param file    the CSV file read
 * @param format  its format
 * @param events  the events
 * @param sample  whether the file is the built-in sample (no {@code --input} was given)
 * @param signals how the events become training values: the format's {@link DataFormat#signals()}, or
 *                with {@code --event-weights} weighted event counts for the top-N models
 */
public record Dataset(Path file, DataFormat format, EventLog events, boolean sample, Signals signals) {
    /** Validates the fields. */
    public Dataset {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(signals, "signals");
    }

    /**
     * A dataset with the format's own signals.
     *
     * @param file   the CSV file read
     * @param format its format
     * @param events the events
     * @param sample whether the file is the built-in sample
     */
    public Dataset(Path file, DataFormat format, EventLog events, boolean sample) {
        this(file, format, events, sample, format.signals());
    }

    /** The events aggregated per (user, item) pair with the format's aggregation. */
    public Interactions pairs() {
        return format.aggregation().aggregate(events);
    }
}
