package dev.recommender.core;

import dev.recommender.core.data.Aggregation;
import dev.recommender.core.data.EventLog;
import dev.recommender.core.data.IdIndex;
import dev.recommender.core.data.Interactions;
import dev.recommender.core.data.Signal;
import dev.recommender.core.data.Signals;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The one input of {@link Algorithm#fit(TrainingData, TrainingListener)}: an {@link EventLog} (with
 * the {@link Signals} that say how its events become each kind of training value) or, for callers
 * who aggregated themselves, fixed {@link Interactions}.
 *
 * <p>{@link #interactions(Aggregation)} computes each aggregation at most once and keeps it, so a
 * composite model whose sub-models train on the same signal aggregates the log once. Interactions
 * made from a log keep the log's {@link IdIndex}es: user {@code u} and item {@code i} mean the same
 * in every aggregation, in both sides of a split and in every sub-model.
 *
 * <p>Thread safety: safe to share; aggregations are computed under a lock, one at a time.
 */
public final class TrainingData {
    private final EventLog events;
    private final Signals signals;
    private final Interactions fixed;
    private final Map<Aggregation, Interactions> cache = new HashMap<>();

    private TrainingData(EventLog events, Signals signals, Interactions fixed) {
        this.events = events;
        this.signals = signals;
        this.fixed = fixed;
    }

    /**
     * Training data from an event log.
     *
     * @param events  the events
     * @param signals how the events become rating and implicit values
     * @return the training data
     */
    public static TrainingData of(EventLog events, Signals signals) {
        return new TrainingData(Objects.requireNonNull(events, "events"), Objects.requireNonNull(signals, "signals"),
                null);
    }

    /**
     * Training data from an app's view/engage log ({@link Signals#engagementLog()}).
     *
     * @param events the events
     * @return the training data
     */
    public static TrainingData of(EventLog events) {
        return of(events, Signals.engagementLog());
    }

    /**
     * Training data from interactions aggregated by the caller: every model trains on them whatever
     * its signal or aggregation. Models that need events (the two-stage model) refuse it.
     *
     * @param interactions the training interactions
     * @return the training data
     */
    public static TrainingData of(Interactions interactions) {
        return new TrainingData(null, null, Objects.requireNonNull(interactions, "interactions"));
    }

    /** The event log, or empty when built from interactions. */
    public Optional<EventLog> events() {
        return Optional.ofNullable(events);
    }

    /**
     * The event log, for models that need every event with its time.
     *
     * @param model the model's name, for the message
     * @return the events
     * @throws IllegalArgumentException if this data was built from interactions only
     */
    public EventLog requireEvents(String model) {
        if (events == null) {
            throw new IllegalArgumentException(model + " trains on an event log (it needs event times); "
                    + "use TrainingData.of(EventLog, Signals) instead of TrainingData.of(Interactions)");
        }
        return events;
    }

    /** The signals, or empty when built from interactions. */
    public Optional<Signals> signals() {
        return Optional.ofNullable(signals);
    }

    /** The users: the log's, or the interactions'. */
    public IdIndex users() {
        return events != null ? events.users() : fixed.users();
    }

    /** The items: the log's, or the interactions'. */
    public IdIndex items() {
        return events != null ? events.items() : fixed.items();
    }

    /**
     * The interactions of a signal.
     *
     * @param signal the signal
     * @return the interactions, computed at most once
     */
    public Interactions interactions(Signal signal) {
        return fixed != null ? fixed : interactions(signals.of(signal));
    }

    /**
     * The interactions of an aggregation of the events (the fixed interactions when built from them).
     *
     * @param aggregation the aggregation
     * @return the interactions, computed at most once per equal aggregation
     */
    public Interactions interactions(Aggregation aggregation) {
        Objects.requireNonNull(aggregation, "aggregation");
        if (fixed != null) {
            return fixed;
        }
        synchronized (cache) {
            return cache.computeIfAbsent(aggregation, a -> a.aggregate(events));
        }
    }

    /**
     * Training data of some of the events, with the same signals and numbering (for example the
     * history before a cut-off).
     *
     * @param positions event positions in this log
     * @return the training data of those events
     * @throws IllegalArgumentException if this data was built from interactions only
     */
    public TrainingData select(int[] positions) {
        return new TrainingData(requireEvents("selecting events").select(positions), signals, null);
    }

    /** How many aggregations have been computed so far (each at most once). */
    public int aggregationsComputed() {
        synchronized (cache) {
            return cache.size();
        }
    }

    @Override
    public String toString() {
        return events != null ? "TrainingData[" + events + "]" : "TrainingData[" + fixed + "]";
    }
}
