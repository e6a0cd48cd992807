/**
 * Event data: CSV schemas and the streaming reader, the columnar {@link dev.recommender.core.data.EventLog},
 * dense id indexes, and the aggregation of events into the sparse user×item
 * {@link dev.recommender.core.data.Interactions} that algorithms train on. Interactions aggregated from a
 * log keep the log's {@link dev.recommender.core.data.IdIndex}es (one numbering); the
 * {@link dev.recommender.core.data.Signals} of a kind of data say which aggregation makes each
 * {@link dev.recommender.core.data.Signal}.
 *
 * <p>Reading and aggregating the proof of concept's log:
 * <pre>{@code
 * EventLog events = EventCsvReader.readEvents(Path.of("content_engagement.csv"), CsvSchema.seed());
 * Interactions rates = EngagementRate.seed().aggregate(events);       // engaged / shown per pair
 * Interactions confidence = ImplicitConfidence.defaults().aggregate(events); // viewed 1, engaged 4
 * }</pre>
 * A file with unknown quality is read leniently, and the report says what was skipped:
 * <pre>{@code
 * ReadResult result = EventCsvReader.lenient(CsvSchema.movieLens()).read(path);
 * Interactions ratings = ExplicitRating.last().aggregate(result.events());
 * long skipped = result.report().totalSkipped();
 * }</pre>
 */
package dev.recommender.core.data;
