package dev.recommender.spark;

import dev.recommender.core.data.CsvSchema;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;

import java.util.List;
import java.util.Objects;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.input_file_name;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

/**
 * Reads an event log from any Spark source into the normalised events table that {@link SparkAggregations}
 * works on: {@code user_id string, item_id string, time_millis long, event_type string, value float, pos long}.
 * {@code pos} is the event's place in the read order (within one CSV file: the file order), used where core's
 * aggregations break ties by log order.
 *
 * <p>Ids and event types are taken exactly as written (no trimming), as core takes them. Columns are mapped
 * with core's {@link CsvSchema}, so the presets ({@code seed}, {@code movielens}, {@code ml100k}) and builder
 * mappings mean the same here as in {@code EventCsvReader}: a named column by header
 * (or Parquet/table column) name, a positional column by its 0-based position, time in seconds (plain, fractional
 * or exponent notation) or milliseconds rounded as core rounds ({@code Math.round}), values as {@code float}, the
 * default event type when there is no event-type column, and strict checking of the allowed event types. A row
 * that core's strict reader would reject (empty id, unparsable number, type not allowed) fails the read with an
 * error naming the file, the field and the text; blank CSV lines are skipped as core skips them.
 *
 * <p>Stateless; the returned datasets are lazy.
 */
public final class SparkEvents {
    /** Column names of the normalised events table. */
    public static final String USER = "user_id";
    /** Item (content) id column. */
    public static final String ITEM = "item_id";
    /** Event time in milliseconds since the epoch (0 without a time column). */
    public static final String TIME = "time_millis";
    /** Event type name. */
    public static final String TYPE = "event_type";
    /** Event value, {@code NaN} without a value column. */
    public static final String VALUE = "value";
    /** Read order. */
    public static final String POS = "pos";

    private static final String SOURCE = "_source";

    private SparkEvents() {
    }

    /**
     * Reads CSV files (a file, a directory or a glob) with core's schema.
     *
     * @param spark  the session
     * @param path   where the CSV is, any Hadoop file system path
     * @param schema the column mapping, e.g. {@link CsvSchema#seed()}
     * @return the normalised events
     * @throws IllegalArgumentException naming file, field and text of the first bad row
     */
    public static Dataset<Row> csv(SparkSession spark, String path, CsvSchema schema) {
        Objects.requireNonNull(schema, "schema");
        Dataset<Row> raw = spark.read()
                .option("header", schema.header())
                .option("sep", String.valueOf(schema.delimiter()))
                .option("inferSchema", false)
                .option("mode", "PERMISSIVE")
                .csv(path);
        return normalise(raw, schema, path);
    }

    /**
     * Reads Parquet files; columns are mapped by name (or position) as {@code schema} says.
     *
     * @param spark  the session
     * @param path   the Parquet file or directory
     * @param schema the column mapping
     * @return the normalised events
     */
    public static Dataset<Row> parquet(SparkSession spark, String path, CsvSchema schema) {
        return normalise(spark.read().parquet(path), schema, path);
    }

    /**
     * Reads a catalog table (Hive metastore, Delta, Iceberg, a temporary view...).
     *
     * @param spark  the session
     * @param table  the table name, e.g. {@code lake.events}
     * @param schema the column mapping
     * @return the normalised events
     */
    public static Dataset<Row> table(SparkSession spark, String table, CsvSchema schema) {
        return normalise(spark.table(table), schema, table);
    }

    /**
     * Maps any dataset's columns to the normalised events table and validates every row.
     *
     * @param raw    the source rows
     * @param schema which source column plays which role
     * @param source the source's name for error messages (when rows do not carry their file name)
     * @return the normalised events, cached lazily by the caller if reused
     * @throws IllegalArgumentException if a mapped column is missing or a row is bad (naming file, field, text)
     */
    public static Dataset<Row> normalise(Dataset<Row> raw, CsvSchema schema, String source) {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(schema, "schema");
        List<String> names = List.of(raw.columns());
        Column user = column(raw, names, schema.user(), "user", source).cast(DataTypes.StringType);
        Column item = column(raw, names, schema.item(), "item", source).cast(DataTypes.StringType);
        Column timeText = schema.time().isPresent()
                ? column(raw, names, schema.time().get(), "time", source) : lit(null);
        Column typeText = schema.eventType().isPresent()
                ? column(raw, names, schema.eventType().get(), "eventType", source).cast(DataTypes.StringType)
                : lit(schema.defaultEventType());
        Column valueText = schema.value().isPresent()
                ? column(raw, names, schema.value().get(), "value", source) : lit(null);
        Column rawTime = trim(timeText.cast(DataTypes.StringType)).cast(DataTypes.DoubleType);
        Column millis = schema.timeUnit() == CsvSchema.TimeUnit.SECONDS ? rawTime.multiply(1000.0) : rawTime;
        // Math.round as core rounds: floor(x + 0.5) is exact for millisecond times below 2^52
        Column time = schema.time().isPresent()
                ? when(abs(millis).lt(9.0e18), floor(millis.plus(0.5))).cast(DataTypes.LongType) : lit(0L);
        Column value = schema.value().isPresent()
                ? trim(valueText.cast(DataTypes.StringType)).cast(DataTypes.DoubleType).cast(DataTypes.FloatType)
                : lit(Float.NaN);
        Dataset<Row> selected = raw.select(
                user.as(USER), item.as(ITEM), time.as(TIME), typeText.as(TYPE), value.as(VALUE),
                timeText.cast(DataTypes.StringType).as("_time_text"),
                valueText.cast(DataTypes.StringType).as("_value_text"),
                input_file_name().as(SOURCE));
        // a CSV blank line comes back as an all-null row: core skips it, so do we
        Dataset<Row> rows = selected.filter(col(USER).isNotNull().or(col(ITEM).isNotNull())
                .or(col("_time_text").isNotNull()));
        check(rows, schema, source);
        return rows.withColumn(POS, monotonically_increasing_id()).select(USER, ITEM, TIME, TYPE, VALUE, POS);
    }

    private static Column column(Dataset<Row> raw, List<String> names, CsvSchema.Column mapped, String role,
                                 String source) {
        if (mapped instanceof CsvSchema.Named named) {
            if (!names.contains(named.name())) {
                throw new IllegalArgumentException(source + ": " + role + " column " + named + " not found; columns are "
                        + names);
            }
            return raw.col("`" + named.name() + "`");
        }
        int position = ((CsvSchema.Positional) mapped).position();
        if (position >= names.size()) {
            throw new IllegalArgumentException(source + ": " + role + " column " + mapped + " is past the last of "
                    + names.size() + " columns " + names);
        }
        return raw.col("`" + names.get(position) + "`");
    }

    /** One pass over the rows: the first bad one (if any) becomes an error naming file, field and text. */
    private static void check(Dataset<Row> rows, CsvSchema schema, String source) {
        Column problem = when(col(USER).isNull().or(col(USER).equalTo("")), lit("user: empty user id"))
                .when(col(ITEM).isNull().or(col(ITEM).equalTo("")), lit("item: empty item id"));
        if (schema.time().isPresent()) {
            problem = problem.when(col(TIME).isNull(), lit("time: not a number or out of range"));
        }
        if (schema.value().isPresent()) {
            problem = problem.when(col(VALUE).isNull().or(col(VALUE).isNaN())
                    .or(col(VALUE).equalTo(Float.POSITIVE_INFINITY)).or(col(VALUE).equalTo(Float.NEGATIVE_INFINITY)),
                    lit("value: not a finite float"));
        }
        if (schema.eventType().isPresent()) {
            problem = problem.when(col(TYPE).isNull().or(col(TYPE).equalTo("")), lit("eventType: empty event type"));
            if (!schema.allowedEventTypes().isEmpty()) {
                problem = problem.when(col(TYPE).isin(schema.allowedEventTypes().toArray()).unary_$bang(),
                        lit("eventType: event type not in " + schema.allowedEventTypes()));
            }
        }
        List<Row> bad = rows.withColumn("_problem", problem).filter(col("_problem").isNotNull())
                .select(SOURCE, "_problem", USER, ITEM, "_time_text", TYPE, "_value_text").limit(1).collectAsList();
        if (!bad.isEmpty()) {
            Row row = bad.get(0);
            String file = row.isNullAt(0) || row.getString(0).isEmpty() ? source : row.getString(0);
            throw new IllegalArgumentException(file + ": bad row, field " + row.getString(1) + " (user '" + row.get(2)
                    + "', item '" + row.get(3) + "', time '" + row.get(4) + "', type '" + row.get(5) + "', value '"
                    + row.get(6) + "')");
        }
    }
}
