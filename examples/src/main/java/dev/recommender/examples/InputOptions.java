package dev.recommender.examples;

import dev.recommender.core.data.CsvSchema;
import dev.recommender.core.data.DataFormatException;
import dev.recommender.core.data.EventCsvReader;
import dev.recommender.core.data.ImplicitConfidence;
import dev.recommender.core.data.ReadResult;
import dev.recommender.core.data.Signals;
import dev.recommender.core.sample.SampleEvents;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/**
 * The input options every data command shares: {@code --input FILE --format events|movielens|ml100k}
 * ({@code seed} is accepted as the former name of {@code events}), {@code --columns} and
 * {@code --event-weights} for any other CSV, {@code --lenient} and {@code --sample-dir}. Without
 * {@code --input} the command uses the built-in sample (written once into the sample folder) and says so
 * on standard error.
 *
 * <p>{@code --columns user=visitor,item=product,time=ts,type=action} maps columns onto the preset's
 * {@link CsvSchema} (by header name, or {@code #N} for a 0-based position); {@code --event-weights
 * viewed=1,engaged=4} makes the top-N models train on weighted event counts ({@link ImplicitConfidence},
 * event types not listed are ignored). A header that lacks a column the schema needs is reported with
 * the preset whose header it matches, if one does.
 */
public final class InputOptions {
    /**
     * File name of the built-in sample inside the sample folder; it carries the generator's version, so a
     * sample written by an older generator is never mistaken for the current one.
     */
    public static final String SAMPLE_FILE = "content_engagement-v" + SampleEvents.GENERATOR_VERSION + ".csv";

    private static final Logger LOG = LoggerFactory.getLogger(InputOptions.class);

    @Option(names = "--input", paramLabel = "FILE",
            description = "Event CSV file to read (default: the built-in sample).")
    Path input;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "events",
            converter = DataFormat.Converter.class, completionCandidates = DataFormat.Names.class,
            description = "Format preset of --input: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}: "
                    + "user_id,content_id,event_timestamp,event_type with viewed/engaged events; seed is its former name).")
    DataFormat format;

    @Option(names = "--columns", paramLabel = "ROLE=COLUMN,...",
            description = "Column names of --input in place of the preset's, for any CSV: user=..,item=..,time=..,"
                    + "type=..,value=.. (a header name, or #N for a 0-based position), e.g. "
                    + "user=visitorid,item=itemid,time=timestamp,type=event.")
    String columns;

    @Option(names = "--event-weights", paramLabel = "TYPE=WEIGHT,...",
            description = "Train the top-N models on weighted event counts, e.g. viewed=1,engaged=4 (event types "
                    + "not listed are ignored); also lifts the preset's restriction on event types.")
    String eventWeights;

    @Option(names = "--lenient",
            description = "Skip and count malformed rows instead of stopping at the first one.")
    boolean lenient;

    @Option(names = "--sample-dir", paramLabel = "DIR",
            description = "Where the built-in sample is cached when no --input is given (default: "
                    + "$XDG_CACHE_HOME/recommender/sample, else ~/.cache/recommender/sample).")
    Path sampleDir;

    /** Creates the options (picocli fills the fields). */
    public InputOptions() {
    }

    /**
     * Reads the input, or the built-in sample when no {@code --input} was given.
     *
     * @param err where to say that the sample is used
     * @return the events and where they came from
     * @throws IOException          if the file cannot be read
     * @throws UserInputException   if the file does not exist, or a format other than seed is asked for
     *                              without an input file
     */
    public Dataset load(PrintWriter err) throws IOException {
        boolean sample = input == null;
        Path file;
        if (sample) {
            if (format != DataFormat.SEED) {
                throw new UserInputException("--format " + format + " needs --input FILE (the built-in sample is in "
                        + "the events format)");
            }
            if (columns != null) {
                throw new UserInputException("--columns needs --input FILE (the built-in sample has the events format's columns)");
            }
            file = (sampleDir != null ? sampleDir : UserDirs.sampleDir()).resolve(SAMPLE_FILE);
            boolean existed = Files.isRegularFile(file);
            SampleEvents.ensureSample(file);
            err.println("note: no --input given: using the built-in sample " + file
                    + (existed ? "" : " (written now)"));
            err.flush();
        } else {
            file = input;
            if (!Files.exists(file)) {
                throw new UserInputException("input file not found: " + file);
            }
            if (!Files.isRegularFile(file)) {
                throw new UserInputException("input is not a regular file: " + file);
            }
        }
        CsvSchema schema = schema();
        Signals signals = signals();
        EventCsvReader reader = lenient ? EventCsvReader.lenient(schema) : EventCsvReader.strict(schema);
        long start = System.nanoTime();
        ReadResult result;
        try {
            result = reader.read(file);
        } catch (DataFormatException e) {
            throw headerHint(e, file, schema);
        }
        LOG.info("read {} events from {} in {} ms", result.events().size(), file,
                (System.nanoTime() - start) / 1_000_000);
        if (result.report().totalSkipped() > 0) {
            err.println("note: lenient read skipped malformed rows: " + result.report().summary());
            err.flush();
        }
        if (result.events().size() == 0) {
            throw new UserInputException("no events in " + file + " (format " + format + ")");
        }
        return new Dataset(file, format, result.events(), sample, signals);
    }

    /**
     * The CSV schema of the input: the preset of {@code --format} with the columns of {@code --columns};
     * with {@code --event-weights} any event type is allowed.
     *
     * @return the schema
     * @throws UserInputException if {@code --columns} is malformed or names an unknown role
     */
    CsvSchema schema() {
        if (columns == null && eventWeights == null) {
            return format.schema();
        }
        CsvSchema.Builder builder = format.schema().toBuilder();
        if (eventWeights != null) {
            builder.allowedEventTypes();
        }
        Map<String, String> mapped = columns == null ? Map.of() : pairs("--columns", columns);
        for (Map.Entry<String, String> entry : mapped.entrySet()) {
            String column = entry.getValue();
            boolean positional = column.matches("#[0-9]+");
            int position = positional ? Integer.parseInt(column.substring(1)) : -1;
            switch (entry.getKey()) {
                case "user" -> { if (positional) builder.user(position); else builder.user(column); }
                case "item" -> { if (positional) builder.item(position); else builder.item(column); }
                case "time" -> { if (positional) builder.time(position); else builder.time(column); }
                case "type" -> { if (positional) builder.eventType(position); else builder.eventType(column); }
                case "value" -> { if (positional) builder.value(position); else builder.value(column); }
                default -> throw new UserInputException("--columns: unknown role '" + entry.getKey()
                        + "': expected user, item, time, type or value");
            }
        }
        return build(builder);
    }

    private static CsvSchema build(CsvSchema.Builder builder) {
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--columns: " + e.getMessage());
        }
    }

    /**
     * How the events become training values: the format's signals, or with {@code --event-weights}
     * weighted event counts for the top-N ({@link dev.recommender.core.data.Signal#IMPLICIT}) models.
     *
     * @return the signals
     * @throws UserInputException if {@code --event-weights} is malformed
     */
    Signals signals() {
        if (eventWeights == null) {
            return format.signals();
        }
        ImplicitConfidence.Builder confidence = ImplicitConfidence.builder().clearWeights().defaultWeight(0);
        for (Map.Entry<String, String> entry : pairs("--event-weights", eventWeights).entrySet()) {
            double weight;
            try {
                weight = Double.parseDouble(entry.getValue());
            } catch (NumberFormatException e) {
                throw new UserInputException("--event-weights: weight of '" + entry.getKey() + "' is not a number: '"
                        + entry.getValue() + "'");
            }
            confidence.weight(entry.getKey(), weight);
        }
        try {
            return new Signals(format.signals().rating(), confidence.build());
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--event-weights: " + e.getMessage());
        }
    }

    /** Parses {@code a=b,c=d} in order; names the option on a malformed or repeated key. */
    private static Map<String, String> pairs(String option, String text) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            int equals = part.indexOf('=');
            if (equals <= 0 || equals == part.length() - 1) {
                throw new UserInputException(option + ": expected NAME=VALUE, got '" + part.trim() + "'");
            }
            String key = part.substring(0, equals).trim();
            if (pairs.put(key, part.substring(equals + 1).trim()) != null) {
                throw new UserInputException(option + ": '" + key + "' is given twice");
            }
        }
        if (pairs.isEmpty()) {
            throw new UserInputException(option + ": expected NAME=VALUE,..., got '" + text + "'");
        }
        return pairs;
    }

    /**
     * Rewrites a missing-header-column error in the tool's words, naming the preset whose header the
     * file has, e.g. "missing header column 'user_id' in ratings.csv; the header matches --format movielens".
     */
    private RuntimeException headerHint(DataFormatException e, Path file, CsvSchema schema) {
        if (!e.getMessage().contains("missing header column") || !schema.header()) {
            return e;
        }
        Set<String> header = new HashSet<>(Arrays.asList(e.text().split(Pattern.quote(String.valueOf(schema.delimiter())), -1)));
        List<String> matching = new ArrayList<>();
        for (DataFormat preset : DataFormat.values()) {
            CsvSchema presetSchema = preset.schema();
            if (presetSchema.header() && header.containsAll(presetSchema.columnNames())) {
                matching.add("--format " + preset.optionName());
            }
        }
        String hint = !matching.isEmpty() && (columns != null || !matching.contains("--format " + format.optionName()))
                ? "the header matches " + String.join(" and ", matching)
                : "map the file's columns with --columns user=..,item=..,time=..,type=..";
        return new UserInputException("missing header column '" + DataFormatException.escape(e.column()) + "' in "
                + file + " (header: '" + DataFormatException.escape(e.text()) + "'); " + hint);
    }
}
