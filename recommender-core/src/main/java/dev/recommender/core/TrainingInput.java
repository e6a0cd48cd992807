package dev.recommender.core;

import dev.recommender.core.data.Aggregation;
import dev.recommender.core.data.Interactions;
import dev.recommender.core.data.Signal;

import java.util.Objects;
import java.util.Optional;

/**
 * What a model trains on: a {@link Signal}, which the {@link TrainingData} resolves for its kind of
 * data (the default of every model's configuration), or a fixed {@link Aggregation} that overrides
 * it. Immutable.
 */
public final class TrainingInput {
    private static final TrainingInput RATING = new TrainingInput(Signal.RATING, null);
    private static final TrainingInput IMPLICIT = new TrainingInput(Signal.IMPLICIT, null);

    private final Signal signal;
    private final Aggregation aggregation;

    private TrainingInput(Signal signal, Aggregation aggregation) {
        this.signal = signal;
        this.aggregation = aggregation;
    }

    /**
     * Trains on a signal, resolved by the training data.
     *
     * @param signal the signal
     * @return the input
     */
    public static TrainingInput of(Signal signal) {
        return Objects.requireNonNull(signal, "signal") == Signal.RATING ? RATING : IMPLICIT;
    }

    /**
     * Trains on a fixed aggregation of the events, whatever the data's signals are.
     *
     * @param aggregation the aggregation
     * @return the input
     */
    public static TrainingInput of(Aggregation aggregation) {
        return new TrainingInput(null, Objects.requireNonNull(aggregation, "aggregation"));
    }

    /** The signal, if this input names one. */
    public Optional<Signal> signal() {
        return Optional.ofNullable(signal);
    }

    /** The fixed aggregation, if this input names one. */
    public Optional<Aggregation> aggregation() {
        return Optional.ofNullable(aggregation);
    }

    /**
     * The interactions of this input, computed at most once per training data.
     *
     * @param data the training data
     * @return the interactions
     */
    public Interactions resolve(TrainingData data) {
        return aggregation != null ? data.interactions(aggregation) : data.interactions(signal);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TrainingInput that && signal == that.signal
                && Objects.equals(aggregation, that.aggregation);
    }

    @Override
    public int hashCode() {
        return Objects.hash(signal, aggregation);
    }

    @Override
    public String toString() {
        return signal != null ? signal.name().toLowerCase(java.util.Locale.ROOT) : aggregation.toString();
    }
}
