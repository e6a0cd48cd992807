package dev.recommender.core.data;

/**
 * Turns an {@link EventLog} into {@link Interactions}: one entry per (user, item) pair with events,
 * its value computed from those events. Implementations are immutable configuration records:
 * {@code EngagementRate} (the seed's engaged_pct), {@code ImplicitConfidence} (weighted, optionally
 * time-decayed event counts) and {@code ExplicitRating} (last or mean rating).
 */
public interface Aggregation {
    /**
     * Aggregates the events of a log.
     *
     * @param events the events; may be a subset sharing a larger log's id indexes
     * @return interactions over the users and items that have events in {@code events}
     */
    Interactions aggregate(EventLog events);
}
