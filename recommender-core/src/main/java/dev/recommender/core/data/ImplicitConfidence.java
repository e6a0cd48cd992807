package dev.recommender.core.data;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Implicit-feedback confidence: per (user, item) pair, the sum over its events of
 * {@code weight(eventType)}, optionally times an exponential time decay
 * {@code 0.5^((referenceTime - t) / halfLife)}, the input of implicit ALS (Hu, Koren and Volinsky,
 * "Collaborative Filtering for Implicit Feedback Datasets", ICDM 2008) and similar models.
 *
 * <p>Weights: {@link #weights()} maps event type names to weights; any other type gets
 * {@link #defaultWeight()}. Events of a type with weight 0 are ignored altogether (not counted in
 * {@code eventCount}); a pair with only such events has no entry. Decay: the reference time is
 * {@link #referenceTime()} if given, else the largest event time of the log being aggregated;
 * events after the reference time count with factor 1 (their age is taken as 0).
 *
 * <p>The resulting {@link Interactions} hold {@code eventCount} = counted events,
 * {@code engagedCount} = counted events whose type is in {@link #engagedTypes()}, and
 * {@code lastTimeMillis} = time of the last counted event.
 *
 * <p>Defaults ({@link #defaults()}): {@code viewed} 1, {@code engaged} 4, other types 1,
 * engagement types {@code engaged}, no decay. Complexity: O(events) expected time via a hash of
 * packed (user, item) keys, O(pairs) extra memory. Immutable and thread-safe.
 *
 * @param weights       weight per event type name, each finite and at least 0
 * @param defaultWeight weight of event types not in {@code weights}, finite and at least 0
 * @param engagedTypes  event types counted in {@code engagedCount}; may be empty
 * @param halfLife      the decay's half-life (positive), or empty for no decay
 * @param referenceTime the time at which events have full weight, or empty for the log's last event time
 */
public record ImplicitConfidence(Map<String, Double> weights, double defaultWeight, Set<String> engagedTypes,
                                 Optional<Duration> halfLife, Optional<Instant> referenceTime)
        implements Aggregation {

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if a weight is negative or not finite, an event type name is
     *                                  empty, or the half-life is not positive
     */
    public ImplicitConfidence {
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(engagedTypes, "engagedTypes");
        Objects.requireNonNull(halfLife, "halfLife");
        Objects.requireNonNull(referenceTime, "referenceTime");
        LinkedHashMap<String, Double> weightCopy = new LinkedHashMap<>();
        for (Map.Entry<String, Double> entry : weights.entrySet()) {
            String type = entry.getKey();
            Double weight = entry.getValue();
            if (type == null || type.isEmpty()) {
                throw new IllegalArgumentException("weights must have non-empty event type names, got " + weights);
            }
            if (weight == null || !(weight >= 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("weight of '" + type + "' must be finite and at least 0, got " + weight);
            }
            weightCopy.put(type, weight);
        }
        if (!(defaultWeight >= 0) || Double.isInfinite(defaultWeight)) {
            throw new IllegalArgumentException("defaultWeight must be finite and at least 0, got " + defaultWeight);
        }
        for (String type : engagedTypes) {
            if (type == null || type.isEmpty()) {
                throw new IllegalArgumentException("engagedTypes must hold non-empty names, got " + engagedTypes);
            }
        }
        if (halfLife.isPresent() && (halfLife.get().isNegative() || halfLife.get().isZero())) {
            throw new IllegalArgumentException("halfLife must be positive, got " + halfLife.get());
        }
        weights = Collections.unmodifiableMap(weightCopy);
        engagedTypes = Collections.unmodifiableSet(new LinkedHashSet<>(engagedTypes));
    }

    /** {@code viewed} 1, {@code engaged} 4, other types 1, engagements {@code engaged}, no decay. */
    public static ImplicitConfidence defaults() {
        return builder().build();
    }

    /** Returns a builder starting from {@link #defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Interactions aggregate(EventLog events) {
        Objects.requireNonNull(events, "events");
        IdIndex typeNames = events.eventTypes();
        double[] weightOfType = new double[typeNames.size()];
        boolean[] engagedType = new boolean[typeNames.size()];
        for (int type = 0; type < weightOfType.length; type++) {
            String name = typeNames.id(type);
            weightOfType[type] = weights.getOrDefault(name, defaultWeight);
            engagedType[type] = engagedTypes.contains(name);
        }
        int n = events.size();
        boolean decay = halfLife.isPresent();
        long reference = referenceTime.map(Instant::toEpochMilli).orElseGet(events::maxTimeMillis);
        double decayRate = decay ? Math.log(2) / halfLife.get().toMillis() : 0;
        PairTally tally = new PairTally(Math.max(16, n / 2));
        double[] sums = new double[16];
        for (int event = 0; event < n; event++) {
            int type = events.eventType(event);
            double weight = weightOfType[type];
            if (weight == 0) {
                continue;
            }
            long time = events.timeMillis(event);
            if (decay) {
                long age = Math.max(0L, reference - time);
                weight *= Math.exp(-decayRate * age);
            }
            int pair = tally.add(events, event, engagedType[type]);
            if (pair == sums.length) {
                sums = Arrays.copyOf(sums, pair * 2);
            }
            sums[pair] += weight;
        }
        int count = tally.size();
        float[] values = new float[count];
        for (int pair = 0; pair < count; pair++) {
            values[pair] = (float) sums[pair];
        }
        return Interactions.of(events.users(), events.items(), tally.users(), tally.items(), values,
                tally.eventCounts(), tally.engagedCounts(), tally.lastTimes());
    }

    /** Accumulates settings, starting from the defaults. Not thread-safe. */
    public static final class Builder {
        private final Map<String, Double> weights = new LinkedHashMap<>(Map.of("viewed", 1.0, "engaged", 4.0));
        private double defaultWeight = 1.0;
        private Set<String> engagedTypes = new LinkedHashSet<>(Set.of("engaged"));
        private Duration halfLife;
        private Instant referenceTime;

        private Builder() {
        }

        /**
         * Sets the weight of an event type (0 ignores its events).
         *
         * @param eventType the type name
         * @param weight    the weight, finite and at least 0
         * @return this builder
         */
        public Builder weight(String eventType, double weight) {
            weights.put(eventType, weight);
            return this;
        }

        /**
         * Removes all weights set so far, including the defaults for {@code viewed} and {@code engaged}.
         *
         * @return this builder
         */
        public Builder clearWeights() {
            weights.clear();
            return this;
        }

        /**
         * Sets the weight of event types without their own weight.
         *
         * @param weight the weight, finite and at least 0
         * @return this builder
         */
        public Builder defaultWeight(double weight) {
            this.defaultWeight = weight;
            return this;
        }

        /**
         * Sets the event types counted as engagements.
         *
         * @param types the type names
         * @return this builder
         */
        public Builder engagedTypes(String... types) {
            this.engagedTypes = new LinkedHashSet<>(Arrays.asList(types));
            return this;
        }

        /**
         * Enables exponential time decay with this half-life.
         *
         * @param halfLife a positive duration
         * @return this builder
         */
        public Builder halfLife(Duration halfLife) {
            this.halfLife = Objects.requireNonNull(halfLife, "halfLife");
            return this;
        }

        /**
         * Sets the time at which events have full weight (default: the log's last event time).
         *
         * @param referenceTime the reference time
         * @return this builder
         */
        public Builder referenceTime(Instant referenceTime) {
            this.referenceTime = Objects.requireNonNull(referenceTime, "referenceTime");
            return this;
        }

        /**
         * Returns the aggregation.
         *
         * @return the aggregation
         * @throws IllegalArgumentException if a setting is invalid
         */
        public ImplicitConfidence build() {
            return new ImplicitConfidence(weights, defaultWeight, engagedTypes, Optional.ofNullable(halfLife),
                    Optional.ofNullable(referenceTime));
        }
    }
}
