package dev.recommender.core.data;

import java.util.Objects;

/**
 * Which {@link Aggregation} produces each {@link Signal} for a kind of data: the engagement log of
 * an app ({@link #engagementLog()}) or explicit ratings ({@link #ratings()}). A
 * {@code TrainingData} resolves a model's signal through it.
 *
 * @param rating   makes the {@link Signal#RATING} interactions
 * @param implicit makes the {@link Signal#IMPLICIT} interactions
 */
public record Signals(Aggregation rating, Aggregation implicit) {
    /** Validates the fields. */
    public Signals {
        Objects.requireNonNull(rating, "rating");
        Objects.requireNonNull(implicit, "implicit");
    }

    /**
     * An app's view/engage log: engagement rates ({@link EngagementRate#seed()}) for both signals. A
     * top-N model sees every shown pair as a positive whose confidence grows with its engagement rate
     * (this is what implicit ALS and Taste's implicit ALS trained on in the earlier evaluations);
     * weighted event counts ({@link ImplicitConfidence#defaults()}) are the alternative a
     * configuration can name with {@code TrainingInput.of(ImplicitConfidence.defaults())}, as the
     * two-stage model's retrieval stage does.
     *
     * @return the signals of the seed's event log
     */
    public static Signals engagementLog() {
        return new Signals(EngagementRate.seed(), EngagementRate.seed());
    }

    /**
     * Explicit ratings: the last rating of each pair to predict, every rated pair a positive to rank
     * (as the top-N protocols binarise).
     *
     * @return the signals of rating data such as MovieLens
     */
    public static Signals ratings() {
        return new Signals(ExplicitRating.last(), BinarisedAggregation.of(ExplicitRating.last()));
    }

    /**
     * One aggregation for both signals: every model trains on the same values.
     *
     * @param aggregation the aggregation
     * @return the signals
     */
    public static Signals of(Aggregation aggregation) {
        return new Signals(aggregation, aggregation);
    }

    /**
     * The aggregation of one signal.
     *
     * @param signal the signal
     * @return its aggregation
     */
    public Aggregation of(Signal signal) {
        return switch (Objects.requireNonNull(signal, "signal")) {
            case RATING -> rating;
            case IMPLICIT -> implicit;
        };
    }
}
