/**
 * Event data: CSV schemas and the streaming reader, the columnar {@link dev.recommender.core.data.EventLog},
 * dense id indexes, and the aggregation of events into the sparse user×item
 * {@link dev.recommender.core.data.Interactions} that algorithms train on.
 */
package dev.recommender.core.data;
