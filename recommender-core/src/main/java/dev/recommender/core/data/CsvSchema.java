package dev.recommender.core.data;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where an event CSV keeps its fields: the columns of user, item, time, event type and value
 * (each by header name or by 0-based position), the delimiter, whether there is a header row,
 * the unit of the time column, the event type to use when there is no event-type column, and
 * optionally the set of event types allowed.
 *
 * <p>Presets: {@link #seed()} (the proof of concept's {@code content_engagement.csv}),
 * {@link #movieLens()} (MovieLens {@code ratings.csv}) and {@link #ml100k()} (MovieLens 100K
 * {@code u.data}); {@link #forFormat(String)} picks one by name. Anything else is built with
 * {@link #builder()}:
 *
 * <pre>{@code
 * CsvSchema schema = CsvSchema.builder()
 *         .user("visitorid").item("itemid").time("timestamp").eventType("event")
 *         .timeUnit(CsvSchema.TimeUnit.MILLISECONDS)
 *         .build();
 * }</pre>
 *
 * <p>Columns not mapped are ignored. Without a time column every event has time 0; without a value
 * column every value is {@code NaN}; without an event-type column every event has the type
 * {@link #defaultEventType()}.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param user              column of the user id (required)
 * @param item              column of the item id (required)
 * @param time              column of the event time, if any
 * @param eventType         column of the event type, if any
 * @param value             column of a numeric value such as a rating, if any
 * @param delimiter         field delimiter, e.g. {@code ','} or {@code '\t'}
 * @param header            whether the first non-blank line is a header row
 * @param timeUnit          unit of the time column
 * @param defaultEventType  event type of every event when there is no event-type column
 * @param allowedEventTypes the event types accepted, in declaration order; empty means any
 */
public record CsvSchema(Column user, Column item, Optional<Column> time, Optional<Column> eventType,
                        Optional<Column> value, char delimiter, boolean header, TimeUnit timeUnit,
                        String defaultEventType, Set<String> allowedEventTypes) {

    /**
     * Names accepted by {@link #forFormat(String)}: {@code events} is {@link #seed()}, the proof of
     * concept's event log ({@code seed} is still accepted as an alias, but it also names random seeds).
     */
    public static final List<String> FORMATS = List.of("events", "movielens", "ml100k");

    /**
     * Validates the schema.
     *
     * @throws IllegalArgumentException if a named column is used without a header, two roles share
     *                                  a column, the delimiter is a quote or line break, or the
     *                                  default event type or an allowed event type is empty
     */
    public CsvSchema {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(timeUnit, "timeUnit");
        Objects.requireNonNull(defaultEventType, "defaultEventType");
        Objects.requireNonNull(allowedEventTypes, "allowedEventTypes");
        if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
            throw new IllegalArgumentException("delimiter must not be a quote or line break, got '"
                    + printable(delimiter) + "'");
        }
        if (defaultEventType.isEmpty()) {
            throw new IllegalArgumentException("defaultEventType must be non-empty, got ''");
        }
        LinkedHashSet<String> allowed = new LinkedHashSet<>();
        for (String type : allowedEventTypes) {
            if (type == null || type.isEmpty()) {
                throw new IllegalArgumentException("allowedEventTypes must hold non-empty names, got " + allowedEventTypes);
            }
            allowed.add(type);
        }
        if (!allowed.isEmpty() && eventType.isEmpty() && !allowed.contains(defaultEventType)) {
            throw new IllegalArgumentException("defaultEventType '" + defaultEventType
                    + "' is not among allowedEventTypes " + allowed);
        }
        allowedEventTypes = Collections.unmodifiableSet(allowed);
        String[] roles = {"user", "item", "time", "eventType", "value"};
        Column[] columns = {user, item, time.orElse(null), eventType.orElse(null), value.orElse(null)};
        for (int a = 0; a < columns.length; a++) {
            if (columns[a] instanceof Named && !header) {
                throw new IllegalArgumentException(roles[a] + " column " + columns[a]
                        + " is named but header is false; use a position");
            }
            for (int b = 0; b < a; b++) {
                if (columns[a] != null && columns[a].equals(columns[b])) {
                    throw new IllegalArgumentException(roles[b] + " and " + roles[a] + " both use column " + columns[a]);
                }
            }
        }
    }

    /**
     * The proof of concept's event log ({@code content_engagement.csv}): header
     * {@code user_id,content_id,event_timestamp,event_type}, times in Unix seconds written as
     * floats (e.g. {@code 1.642347e+09}), event types {@code viewed} and {@code engaged} only, no
     * value column (values are {@code NaN}).
     */
    public static CsvSchema seed() {
        return builder().user("user_id").item("content_id").time("event_timestamp").eventType("event_type")
                .allowedEventTypes("viewed", "engaged").build();
    }

    /**
     * MovieLens {@code ratings.csv} as GroupLens ships it (CRLF line endings; LF works as well):
     * header {@code userId,movieId,rating,timestamp}, times in Unix seconds, every event of type
     * {@code rating} with the rating as its value.
     */
    public static CsvSchema movieLens() {
        return builder().user("userId").item("movieId").value("rating").time("timestamp")
                .defaultEventType("rating").build();
    }

    /**
     * MovieLens 100K {@code u.data}: tab-separated, no header, fields user, item, rating and Unix
     * seconds; every event of type {@code rating}.
     */
    public static CsvSchema ml100k() {
        return builder().header(false).delimiter('\t').user(0).item(1).value(2).time(3)
                .defaultEventType("rating").build();
    }

    /**
     * Returns a preset by name, ignoring case: {@code events} (also {@code seed}), {@code movielens} or
     * {@code ml100k} (for command-line options such as {@code --format}).
     *
     * @param format the preset name
     * @return the preset
     * @throws IllegalArgumentException if the name is not one of {@link #FORMATS}
     */
    public static CsvSchema forFormat(String format) {
        Objects.requireNonNull(format, "format");
        return switch (format.trim().toLowerCase(Locale.ROOT)) {
            case "events", "seed" -> seed();
            case "movielens" -> movieLens();
            case "ml100k" -> ml100k();
            default -> throw new IllegalArgumentException("format must be one of " + FORMATS + ", got '" + format + "'");
        };
    }

    /**
     * The header names of the columns this schema maps by name, in the order user, item, time,
     * event type, value.
     *
     * @return the names (empty for a schema that maps columns by position)
     */
    public List<String> columnNames() {
        List<String> names = new java.util.ArrayList<>();
        for (Optional<Column> column : List.of(Optional.of(user), Optional.of(item), time, eventType, value)) {
            if (column.isPresent() && column.get() instanceof Named named) {
                names.add(named.name());
            }
        }
        return names;
    }

    /** Returns a builder: comma-delimited, with header, seconds, default event type {@code "event"}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a builder holding this schema's settings, to derive a variant. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.user = user;
        builder.item = item;
        builder.time = time.orElse(null);
        builder.eventType = eventType.orElse(null);
        builder.value = value.orElse(null);
        builder.delimiter = delimiter;
        builder.header = header;
        builder.timeUnit = timeUnit;
        builder.defaultEventType = defaultEventType;
        builder.allowedEventTypes = new LinkedHashSet<>(allowedEventTypes);
        return builder;
    }

    private static String printable(char c) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> String.valueOf(c);
        };
    }

    /** Unit of the numbers in the time column. */
    public enum TimeUnit {
        /** Unix seconds, integral or fractional, plain or in exponent notation ({@code 1.642347e+09}). */
        SECONDS,
        /** Milliseconds since the Unix epoch. */
        MILLISECONDS
    }

    /** A column of the CSV, by header name ({@link Named}) or by 0-based position ({@link Positional}). */
    public sealed interface Column permits Named, Positional {
        /**
         * A column found by its exact header name (after a UTF-8 byte order mark is stripped).
         *
         * @param name the header name
         * @return the column
         */
        static Column named(String name) {
            return new Named(name);
        }

        /**
         * A column at a 0-based position.
         *
         * @param position the position
         * @return the column
         */
        static Column at(int position) {
            return new Positional(position);
        }
    }

    /**
     * A column found by its header name.
     *
     * @param name the exact header name, non-empty
     */
    public record Named(String name) implements Column {
        /** @throws IllegalArgumentException if the name is empty */
        public Named {
            Objects.requireNonNull(name, "name");
            if (name.isEmpty()) {
                throw new IllegalArgumentException("column name must be non-empty, got ''");
            }
        }

        @Override
        public String toString() {
            return "'" + name + "'";
        }
    }

    /**
     * A column at a 0-based position.
     *
     * @param position the 0-based position, at least 0
     */
    public record Positional(int position) implements Column {
        /** @throws IllegalArgumentException if the position is negative */
        public Positional {
            if (position < 0) {
                throw new IllegalArgumentException("column position must be at least 0, got " + position);
            }
        }

        @Override
        public String toString() {
            return "#" + position;
        }
    }

    /**
     * Accumulates schema settings. Defaults: delimiter {@code ','}, header row present, time in
     * {@link TimeUnit#SECONDS}, default event type {@code "event"}, any event type allowed. User
     * and item columns must be set. Not thread-safe.
     */
    public static final class Builder {
        private Column user;
        private Column item;
        private Column time;
        private Column eventType;
        private Column value;
        private char delimiter = ',';
        private boolean header = true;
        private TimeUnit timeUnit = TimeUnit.SECONDS;
        private String defaultEventType = "event";
        private Set<String> allowedEventTypes = new LinkedHashSet<>();

        private Builder() {
        }

        /**
         * Sets the user column by header name.
         *
         * @param name header name
         * @return this builder
         */
        public Builder user(String name) {
            this.user = Column.named(name);
            return this;
        }

        /**
         * Sets the user column by 0-based position.
         *
         * @param position the position
         * @return this builder
         */
        public Builder user(int position) {
            this.user = Column.at(position);
            return this;
        }

        /**
         * Sets the item column by header name.
         *
         * @param name header name
         * @return this builder
         */
        public Builder item(String name) {
            this.item = Column.named(name);
            return this;
        }

        /**
         * Sets the item column by 0-based position.
         *
         * @param position the position
         * @return this builder
         */
        public Builder item(int position) {
            this.item = Column.at(position);
            return this;
        }

        /**
         * Sets the time column by header name.
         *
         * @param name header name
         * @return this builder
         */
        public Builder time(String name) {
            this.time = Column.named(name);
            return this;
        }

        /**
         * Sets the time column by 0-based position.
         *
         * @param position the position
         * @return this builder
         */
        public Builder time(int position) {
            this.time = Column.at(position);
            return this;
        }

        /**
         * Sets the event-type column by header name.
         *
         * @param name header name
         * @return this builder
         */
        public Builder eventType(String name) {
            this.eventType = Column.named(name);
            return this;
        }

        /**
         * Sets the event-type column by 0-based position.
         *
         * @param position the position
         * @return this builder
         */
        public Builder eventType(int position) {
            this.eventType = Column.at(position);
            return this;
        }

        /**
         * Sets the value column by header name.
         *
         * @param name header name
         * @return this builder
         */
        public Builder value(String name) {
            this.value = Column.named(name);
            return this;
        }

        /**
         * Sets the value column by 0-based position.
         *
         * @param position the position
         * @return this builder
         */
        public Builder value(int position) {
            this.value = Column.at(position);
            return this;
        }

        /**
         * Sets the field delimiter.
         *
         * @param delimiter the delimiter
         * @return this builder
         */
        public Builder delimiter(char delimiter) {
            this.delimiter = delimiter;
            return this;
        }

        /**
         * Sets whether the first non-blank line is a header row.
         *
         * @param header whether there is one
         * @return this builder
         */
        public Builder header(boolean header) {
            this.header = header;
            return this;
        }

        /**
         * Sets the unit of the time column.
         *
         * @param timeUnit the unit
         * @return this builder
         */
        public Builder timeUnit(TimeUnit timeUnit) {
            this.timeUnit = Objects.requireNonNull(timeUnit, "timeUnit");
            return this;
        }

        /**
         * Sets the event type used when there is no event-type column.
         *
         * @param defaultEventType the type name, e.g. {@code "rating"}
         * @return this builder
         */
        public Builder defaultEventType(String defaultEventType) {
            this.defaultEventType = Objects.requireNonNull(defaultEventType, "defaultEventType");
            return this;
        }

        /**
         * Restricts the event types accepted; rows with another type are an error (strict reading)
         * or skipped as unknown (lenient reading). No argument means any type.
         *
         * @param types the allowed type names, in the order their indexes should have
         * @return this builder
         */
        public Builder allowedEventTypes(String... types) {
            this.allowedEventTypes = new LinkedHashSet<>(List.of(types));
            return this;
        }

        /**
         * Returns the schema.
         *
         * @return the schema
         * @throws IllegalArgumentException if user or item is unset or the settings are inconsistent
         *                                  (see the {@link CsvSchema} constructor)
         */
        public CsvSchema build() {
            if (user == null) {
                throw new IllegalArgumentException("user column must be set");
            }
            if (item == null) {
                throw new IllegalArgumentException("item column must be set");
            }
            return new CsvSchema(user, item, Optional.ofNullable(time), Optional.ofNullable(eventType),
                    Optional.ofNullable(value), delimiter, header, timeUnit, defaultEventType, allowedEventTypes);
        }
    }
}
