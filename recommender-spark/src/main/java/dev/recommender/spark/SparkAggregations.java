package dev.recommender.spark;

import dev.recommender.core.data.Aggregation;
import dev.recommender.core.data.EngagementRate;
import dev.recommender.core.data.ExplicitRating;
import dev.recommender.core.data.ImplicitConfidence;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

/**
 * Core's aggregations ({@link EngagementRate}, {@link ImplicitConfidence}, {@link ExplicitRating}) in Spark SQL,
 * from the normalised events of {@link SparkEvents} to one row per (user, item) pair:
 * {@code user_id string, item_id string, value float, event_count int, engaged_count int, last_time long}, the
 * same fields core's {@code Interactions} hold.
 *
 * <p>Parity: each pair's value equals what core stores, bit for bit. Where core sums doubles in log order
 * (weights, decayed weights, mean ratings) the sum here is folded in the same order ({@code pos}), because a
 * floating-point sum depends on its order; the decay factor is computed with {@link Math#exp} as core computes it
 * (Spark's SQL {@code exp} is {@code StrictMath}, which may differ in the last bit); values are rounded to
 * {@code float} last, as core rounds them.
 *
 * <p>Stateless; the returned datasets are lazy.
 */
public final class SparkAggregations {
    /** Column names of the pairs table. */
    public static final String USER = SparkEvents.USER;
    /** Item id. */
    public static final String ITEM = SparkEvents.ITEM;
    /** The aggregated value, as core's {@code Interactions.value}. */
    public static final String VALUE = "value";
    /** Counted events of the pair. */
    public static final String EVENTS = "event_count";
    /** Counted engagement events of the pair. */
    public static final String ENGAGED = "engaged_count";
    /** Time of the pair's last counted event, milliseconds. */
    public static final String LAST = "last_time";

    private static final String WEIGHT = "_w";
    private static final String ROLE = "_role";

    private SparkAggregations() {
    }

    /**
     * Aggregates events as core's {@code aggregation.aggregate(log)} would.
     *
     * @param events      normalised events ({@link SparkEvents})
     * @param aggregation one of core's three aggregations
     * @return one row per pair
     * @throws IllegalArgumentException for another aggregation type, or (explicit ratings) a counted event without
     *                                  a value, naming the pair
     */
    public static Dataset<Row> aggregate(Dataset<Row> events, Aggregation aggregation) {
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(aggregation, "aggregation");
        if (aggregation instanceof EngagementRate rate) {
            return engagementRate(events, rate);
        }
        if (aggregation instanceof ImplicitConfidence confidence) {
            return implicitConfidence(events, confidence);
        }
        if (aggregation instanceof ExplicitRating rating) {
            return explicitRating(events, rating);
        }
        throw new IllegalArgumentException("no Spark version of aggregation " + aggregation.getClass().getName()
                + "; use EngagementRate, ImplicitConfidence or ExplicitRating");
    }

    /** {@code engaged / shown} per pair over view and engagement events. */
    static Dataset<Row> engagementRate(Dataset<Row> events, EngagementRate rate) {
        Column role = when(isIn(col(SparkEvents.TYPE), rate.engagedTypes()), lit(2))
                .when(isIn(col(SparkEvents.TYPE), rate.viewTypes()), lit(1)).otherwise(lit(0));
        Dataset<Row> pairs = events.withColumn(ROLE, role).filter(col(ROLE).gt(0))
                .groupBy(USER, ITEM)
                .agg(count(lit(1)).cast(DataTypes.IntegerType).as(EVENTS),
                        sum(when(col(ROLE).equalTo(2), 1).otherwise(0)).cast(DataTypes.IntegerType).as(ENGAGED),
                        max(SparkEvents.TIME).as(LAST));
        if (rate.engagedPairsOnly()) {
            pairs = pairs.filter(col(ENGAGED).gt(0));
        }
        // float / float in double, rounded to float: equal to core's float division (53 >= 2 * 24 + 2 bits)
        return pairs.select(col(USER), col(ITEM),
                col(ENGAGED).cast(DataTypes.FloatType).divide(col(EVENTS).cast(DataTypes.FloatType))
                        .cast(DataTypes.FloatType).as(VALUE),
                col(EVENTS), col(ENGAGED), col(LAST));
    }

    /** Weighted, optionally decayed event counts per pair. */
    static Dataset<Row> implicitConfidence(Dataset<Row> events, ImplicitConfidence confidence) {
        Column weight = lit(confidence.defaultWeight());
        for (Map.Entry<String, Double> entry : confidence.weights().entrySet()) {
            weight = when(col(SparkEvents.TYPE).equalTo(entry.getKey()), lit(entry.getValue())).otherwise(weight);
        }
        Dataset<Row> counted = events.withColumn(WEIGHT, weight);
        if (confidence.halfLife().isPresent()) {
            long reference = confidence.referenceTime().map(java.time.Instant::toEpochMilli)
                    .orElseGet(() -> maxTime(events));
            double rate = Math.log(2) / confidence.halfLife().get().toMillis();
            UserDefinedFunction decay = udf((UDF3<Double, Long, Long, Double>) (w, time, ref) ->
                    w == 0 ? 0.0 : w * Math.exp(-rate * Math.max(0L, ref - time)), DataTypes.DoubleType);
            counted = counted.withColumn(WEIGHT, decay.apply(col(WEIGHT), col(SparkEvents.TIME), lit(reference)));
        }
        // weight 0 drops the event before decay, as in core (filter on the undecayed weight)
        counted = counted.filter(weight.notEqual(0.0));
        Column engaged = isIn(col(SparkEvents.TYPE), confidence.engagedTypes());
        return counted.groupBy(USER, ITEM)
                .agg(orderedSum(WEIGHT).as("_sum"),
                        count(lit(1)).cast(DataTypes.IntegerType).as(EVENTS),
                        sum(when(engaged, 1).otherwise(0)).cast(DataTypes.IntegerType).as(ENGAGED),
                        max(SparkEvents.TIME).as(LAST))
                .select(col(USER), col(ITEM), col("_sum").cast(DataTypes.FloatType).as(VALUE), col(EVENTS),
                        col(ENGAGED), col(LAST));
    }

    /** The last (by time, then log order) or mean rating per pair. */
    static Dataset<Row> explicitRating(Dataset<Row> events, ExplicitRating rating) {
        Dataset<Row> counted = rating.eventTypes().isEmpty() ? events
                : events.filter(isIn(col(SparkEvents.TYPE), rating.eventTypes()));
        List<Row> missing = counted.filter(col(SparkEvents.VALUE).isNaN())
                .select(USER, ITEM, SparkEvents.TYPE).limit(1).collectAsList();
        if (!missing.isEmpty()) {
            Row row = missing.get(0);
            throw new IllegalArgumentException("an event of pair (user '" + row.getString(0) + "', item '"
                    + row.getString(1) + "', type '" + row.getString(2)
                    + "') has no rating value (NaN); read the log with a value column");
        }
        Column value;
        if (rating.mode() == ExplicitRating.Mode.MEAN) {
            counted = counted.withColumn(WEIGHT, col(SparkEvents.VALUE).cast(DataTypes.DoubleType));
            value = orderedSum(WEIGHT).divide(count(lit(1)));
        } else {
            value = max(struct(col(SparkEvents.TIME), col(SparkEvents.POS), col(SparkEvents.VALUE)))
                    .getField(SparkEvents.VALUE);
        }
        return counted.groupBy(USER, ITEM)
                .agg(value.cast(DataTypes.FloatType).as(VALUE),
                        count(lit(1)).cast(DataTypes.IntegerType).as(EVENTS),
                        lit(0).as(ENGAGED),
                        max(SparkEvents.TIME).as(LAST));
    }

    /** The double sum of a column folded in read order, as core's loop over the log sums it. */
    private static Column orderedSum(String column) {
        return expr("aggregate(array_sort(collect_list(struct(" + SparkEvents.POS + ", " + column + "))), 0D, "
                + "(acc, x) -> acc + x." + column + ")");
    }

    private static long maxTime(Dataset<Row> events) {
        Row row = events.agg(max(SparkEvents.TIME)).first();
        return row.isNullAt(0) ? 0L : row.getLong(0);
    }

    private static Column isIn(Column column, Set<String> types) {
        return types.isEmpty() ? lit(false) : column.isin(types.toArray());
    }
}
