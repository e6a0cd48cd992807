package dev.recommender.examples;

import dev.recommender.core.data.Aggregation;
import dev.recommender.core.data.CsvSchema;
import dev.recommender.core.data.EngagementRate;
import dev.recommender.core.data.ExplicitRating;
import dev.recommender.core.data.Signals;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import picocli.CommandLine;

/**
 * The input formats of the tool ({@code --format}), each with its CSV schema and the aggregation that
 * turns its events into per-pair values: the seed's engagement log becomes engagement rates
 * ({@link EngagementRate#seed()}), MovieLens ratings become the last rating of each pair
 * ({@link ExplicitRating#last()}).
 *
 * <p>The engagement-log preset is called {@code events} on the command line; its former name
 * {@code seed} (after the proof of concept it comes from) is still accepted, but read next to
 * {@code --seed} it looked like a random seed.
 */
public enum DataFormat {
    /**
     * An app's engagement log as the proof of concept's {@code content_engagement.csv}
     * ({@code user_id,content_id,event_timestamp,event_type}, viewed / engaged events); {@code --format events}
     * (formerly {@code seed}).
     */
    SEED("events", "engaged_pct"),
    /** MovieLens {@code ratings.csv} ({@code userId,movieId,rating,timestamp}). */
    MOVIELENS("movielens", "rating"),
    /** MovieLens 100K {@code u.data} (tab-separated, no header). */
    ML100K("ml100k", "rating");

    private final String optionName;
    private final String valueName;

    DataFormat(String optionName, String valueName) {
        this.optionName = optionName;
        this.valueName = valueName;
    }

    /** The name used on the command line, e.g. {@code "events"}. */
    public String optionName() {
        return optionName;
    }

    /** What the aggregated per-pair value is: {@code "engaged_pct"} or {@code "rating"}. */
    public String valueName() {
        return valueName;
    }

    /** Whether the events are views and engagements (true) or explicit ratings (false). */
    public boolean isEngagement() {
        return this == SEED;
    }

    /** The CSV schema of the format. */
    public CsvSchema schema() {
        return this == SEED ? CsvSchema.seed() : CsvSchema.forFormat(optionName);
    }

    /** The aggregation from events to per-pair values for rating prediction. */
    public Aggregation aggregation() {
        return isEngagement() ? EngagementRate.seed() : ExplicitRating.last();
    }

    /**
     * How the format's events become training values: {@link Signals#engagementLog()} for the seed's
     * log, {@link Signals#ratings()} for rating data.
     *
     * @return the signals
     */
    public Signals signals() {
        return isEngagement() ? Signals.engagementLog() : Signals.ratings();
    }

    /**
     * Parses a command-line name, ignoring case; {@code seed} is the former name of {@code events}.
     *
     * @param name the name, e.g. {@code "movielens"}
     * @return the format
     * @throws IllegalArgumentException naming the accepted names if the name is unknown
     */
    public static DataFormat parse(String name) {
        if (name.trim().equalsIgnoreCase("seed")) {
            return SEED;
        }
        for (DataFormat format : values()) {
            if (format.optionName.equalsIgnoreCase(name.trim())) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown format '" + name + "': expected one of "
                + String.join(", ", new Names()));
    }

    @Override
    public String toString() {
        return optionName;
    }

    /** Picocli converter: {@link #parse(String)}. */
    static final class Converter implements CommandLine.ITypeConverter<DataFormat> {
        @Override
        public DataFormat convert(String value) {
            try {
                return parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** Picocli completion candidates: the command-line names. */
    static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(values()).map(f -> f.optionName.toLowerCase(Locale.ROOT)).iterator();
        }
    }
}
