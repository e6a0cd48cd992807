package dev.recommender.core.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams an event CSV described by a {@link CsvSchema} into an {@link EventLog}.
 *
 * <p>Format: RFC 4180 ({@link CsvTokenizer}). Fields are separated by the schema's delimiter; a
 * field that starts with a double quote is quoted and may hold delimiters, line breaks and doubled
 * quotes ({@code ""} stands for one {@code "}); a quote inside an unquoted field is an error. Lines
 * end with LF, CRLF or a lone CR, and the last line may lack a line break. Empty lines are ignored
 * (and counted), fields beyond the mapped columns are ignored. Ids and event types are taken exactly
 * as written (no trimming) and must not hold malformed text or control characters (NUL, ESC, DEL,
 * C1 and the other C0 characters except tab and line breaks, which a quoted field may hold).
 * Numbers may be surrounded by spaces and are plain decimals with an optional exponent ({@code 4.5},
 * {@code 1642347000}, {@code 1.642347e+09}); a time is such a number in the schema's unit or an
 * ISO-8601 time with an offset ({@code 2024-03-01T12:00:00Z}), and must lie in a plausible range:
 * by default {@link #DEFAULT_EARLIEST} to the clock plus {@link #DEFAULT_FUTURE_SLACK}
 * ({@link #withTimeRange}, {@link #withoutTimeRange()}). A header must not repeat a column name.
 *
 * <p>Input ({@link #read(Path)}, {@link #read(InputStream, String)}): gzip-compressed data is
 * recognised by its magic bytes; UTF-8 with or without byte order mark, or UTF-16 (big or little
 * endian) announced by its byte order mark. Malformed byte sequences are never silently replaced:
 * an id holding one is bad text.
 *
 * <p>Modes: {@linkplain #strict(CsvSchema) strict} (the default for {@link #readEvents(Path, CsvSchema)})
 * throws a {@link DataFormatException} naming the source, the 1-based line, the column and the
 * offending text (control characters escaped) at the first bad row; {@linkplain #lenient(CsvSchema)
 * lenient} skips bad rows, counts them per {@link ReadReport.Reason}, keeps the first
 * {@value #MAX_EXAMPLES} as examples and logs a WARN summary. After a broken quote a lenient read
 * resumes at the next line, and a fragment that holds the stray closing quote is skipped (a quote
 * inside an unquoted field), never imported. Lenient mode never imports a row that strict mode
 * rejects. Problems with the header (missing; lacking a named column, where the message names a
 * preset format the header fits; a repeated name; bad text) are errors in both modes.
 *
 * <p>Implementation: the tokenizer works over a growable {@code char} buffer filled in 64 KiB
 * blocks, so memory does not depend on the file size. Ids are interned from the buffer without
 * allocation (a string is created only for an id not seen before) and numbers are parsed without
 * allocation ({@link CsvNumbers}). Time O(characters); memory O(events + distinct ids).
 *
 * <p>Thread safety: instances are immutable and may read several inputs concurrently; each
 * {@code read} call has its own state.
 */
public final class EventCsvReader {
    /** How many skipped rows a {@link ReadReport} keeps as examples. */
    public static final int MAX_EXAMPLES = 10;
    /** Longest line accepted, in characters; a longer one is an error (probably not a CSV file). */
    public static final int MAX_LINE_LENGTH = 1 << 24;

    /** Earliest plausible event time by default: 1990-01-01T00:00:00Z (see {@link #withTimeRange}). */
    public static final Instant DEFAULT_EARLIEST = Instant.parse("1990-01-01T00:00:00Z");
    /** How far past the clock an event time may lie by default: one day (clock skew, time zones). */
    public static final Duration DEFAULT_FUTURE_SLACK = Duration.ofDays(1);

    private static final Logger LOG = LoggerFactory.getLogger(EventCsvReader.class);
    private static final long NO_LIMIT = Long.MIN_VALUE;

    private final CsvSchema schema;
    private final boolean lenient;
    /** Earliest accepted time in ms, or {@link #NO_LIMIT}. */
    private final long earliestMillis;
    /** Latest accepted time in ms, or {@link #NO_LIMIT} for "now + DEFAULT_FUTURE_SLACK" at read time. */
    private final long latestMillis;
    private final boolean timeChecked;

    private EventCsvReader(CsvSchema schema, boolean lenient, long earliestMillis, long latestMillis, boolean timeChecked) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.lenient = lenient;
        this.earliestMillis = earliestMillis;
        this.latestMillis = latestMillis;
        this.timeChecked = timeChecked;
    }

    /**
     * A reader that throws at the first bad row.
     *
     * @param schema the file layout
     * @return the reader
     */
    public static EventCsvReader strict(CsvSchema schema) {
        return new EventCsvReader(schema, false, DEFAULT_EARLIEST.toEpochMilli(), NO_LIMIT, true);
    }

    /**
     * A reader that skips bad rows, counting them per reason in the {@link ReadReport}.
     *
     * @param schema the file layout
     * @return the reader
     */
    public static EventCsvReader lenient(CsvSchema schema) {
        return new EventCsvReader(schema, true, DEFAULT_EARLIEST.toEpochMilli(), NO_LIMIT, true);
    }

    /**
     * Reads a file strictly.
     *
     * @param file   the CSV file, UTF-8
     * @param schema its layout
     * @return the events
     * @throws IOException         if the file cannot be read
     * @throws DataFormatException at the first bad row
     */
    public static EventLog readEvents(Path file, CsvSchema schema) throws IOException {
        return strict(schema).read(file).events();
    }

    /** The layout this reader expects. */
    public CsvSchema schema() {
        return schema;
    }

    /** Whether bad rows are skipped (true) or thrown (false). */
    public boolean isLenient() {
        return lenient;
    }

    /**
     * This reader with another plausible time range: a row whose time lies outside
     * {@code [earliest, latest]} is bad (thrown in strict mode, skipped as
     * {@link ReadReport.Reason#TIME_OUT_OF_RANGE} in lenient mode). The default range is
     * {@link #DEFAULT_EARLIEST} to the clock plus {@link #DEFAULT_FUTURE_SLACK} at read time.
     *
     * @param earliest the earliest accepted time
     * @param latest   the latest accepted time, not before {@code earliest}
     * @return the reader
     * @throws IllegalArgumentException if {@code latest} is before {@code earliest}
     */
    public EventCsvReader withTimeRange(Instant earliest, Instant latest) {
        Objects.requireNonNull(earliest, "earliest");
        Objects.requireNonNull(latest, "latest");
        if (latest.isBefore(earliest)) {
            throw new IllegalArgumentException("latest " + latest + " is before earliest " + earliest);
        }
        return new EventCsvReader(schema, lenient, earliest.toEpochMilli(), latest.toEpochMilli(), true);
    }

    /**
     * This reader without a plausible time range (for synthetic logs with times such as 1, 2, 3):
     * any finite time is accepted.
     *
     * @return the reader
     */
    public EventCsvReader withoutTimeRange() {
        return new EventCsvReader(schema, lenient, NO_LIMIT, NO_LIMIT, false);
    }

    /**
     * Reads a UTF-8 file.
     *
     * @param file the CSV file (UTF-8, or UTF-16 with a byte order mark; gzip-compressed or not)
     * @return the events and the read report
     * @throws IOException         if the file cannot be read
     * @throws DataFormatException for a bad header, or (strict mode) at the first bad row
     */
    public ReadResult read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    /**
     * Reads from a byte stream, which is not closed: gzip-compressed data is recognised by its
     * magic bytes and decompressed; the encoding is UTF-8 unless a byte order mark says UTF-16 (big
     * or little endian); a UTF-8 byte order mark is dropped. Malformed byte sequences are bad text
     * (strict mode throws, lenient mode skips the row).
     *
     * @param in         the CSV bytes
     * @param sourceName name of the input for messages, e.g. a file name
     * @return the events and the read report
     * @throws IOException         if the stream fails
     * @throws DataFormatException for a bad header, corrupt compressed data, or (strict mode) at the first bad row
     */
    public ReadResult read(InputStream in, String sourceName) throws IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(sourceName, "sourceName");
        Reader reader;
        try {
            reader = decode(in);
        } catch (ZipException | EOFException e) {
            throw new DataFormatException(sourceName, 1, "", "", "corrupt or truncated compressed data: " + e.getMessage());
        }
        return read(reader, sourceName);
    }

    /** Unpacks gzip data and picks the character set from the byte order mark. */
    private static Reader decode(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        if (startsWith(buffered, 0x1f, 0x8b)) {
            buffered = new BufferedInputStream(new GZIPInputStream(buffered, 1 << 16), 1 << 16);
        }
        Charset charset = StandardCharsets.UTF_8;
        if (startsWith(buffered, 0xFE, 0xFF)) {
            charset = StandardCharsets.UTF_16BE;
            buffered.skipNBytes(2);
        } else if (startsWith(buffered, 0xFF, 0xFE)) {
            charset = StandardCharsets.UTF_16LE;
            buffered.skipNBytes(2);
        }
        // malformed input becomes U+FFFF, a noncharacter that the row checks refuse with its position
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE).replaceWith(String.valueOf(MALFORMED));
        return new InputStreamReader(buffered, decoder);
    }

    private static boolean startsWith(BufferedInputStream in, int first, int second) throws IOException {
        in.mark(2);
        int a = in.read();
        int b = in.read();
        in.reset();
        return a == first && b == second;
    }

    /**
     * Reads from a character stream, which is not closed.
     *
     * @param reader     the CSV text
     * @param sourceName name of the input for messages, e.g. a file name
     * @return the events and the read report
     * @throws IOException         if the reader fails
     * @throws DataFormatException for a bad header, or (strict mode) at the first bad row
     */
    public ReadResult read(Reader reader, String sourceName) throws IOException {
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(sourceName, "sourceName");
        ReadResult result = new Parse(reader, sourceName).run();
        ReadReport report = result.report();
        if (report.totalSkipped() > 0) {
            LOG.warn("{}; first skipped: {}", report.summary(), report.examples().get(0).message());
        } else {
            LOG.debug("{}", report.summary());
        }
        return result;
    }

    /** What a malformed byte sequence decodes to: U+FFFF, a noncharacter no text should hold. */
    static final char MALFORMED = '\uFFFF';

    /**
     * Why an id or event type is not acceptable text, or null if it is: malformed input (decoded as
     * {@link #MALFORMED}) or a control character (C0 other than tab and line breaks, DEL or C1), with
     * its 1-based position. Tabs and line breaks are allowed, since a quoted field may hold them and
     * they are printed escaped.
     */
    static String badText(char[] chars, int start, int end) {
        for (int k = start; k < end; k++) {
            char c = chars[k];
            if (c == MALFORMED) {
                return "malformed UTF-8 (or U+FFFF) at character " + (k - start + 1);
            }
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f)) {
                return "control character " + DataFormatException.escape(String.valueOf(c)) + " at character "
                        + (k - start + 1);
            }
        }
        return null;
    }

    /** The state of one read. */
    private final class Parse {
        private static final int NONE = -1;
        private static final int TYPE_UNSEEN = -1;
        private static final int TYPE_UNKNOWN = -2;
        private static final int TYPE_TOO_MANY = -3;

        private final CsvTokenizer tokens;
        private final String source;
        private final boolean seconds = schema.timeUnit() == CsvSchema.TimeUnit.SECONDS;
        private final long earliest = earliestMillis;
        private final long latest = latestMillis != NO_LIMIT ? latestMillis
                : Instant.now().plus(DEFAULT_FUTURE_SLACK).toEpochMilli();
        private final IdIndex.Builder typeNames = IdIndex.builder();
        private final SliceInterner users = new SliceInterner();
        private final SliceInterner items = new SliceInterner();
        private final SliceInterner types = new SliceInterner();
        private int[] typeIndexOfId = new int[0];
        private int size;
        private int[] userColumn = new int[1024];
        private int[] itemColumn = new int[1024];
        private long[] timeColumn = new long[1024];
        private byte[] typeColumn = new byte[1024];
        private float[] valueColumn = new float[1024];

        private int userPosition;
        private int itemPosition;
        private int timePosition = NONE;
        private int typePosition = NONE;
        private int valuePosition = NONE;
        private int fieldsNeeded;
        private String[] labels;

        private long rowsRead;
        private long blankLines;
        private final long[] skipped = new long[ReadReport.Reason.values().length];
        private final List<ReadReport.Skip> examples = new ArrayList<>();

        Parse(Reader in, String source) {
            this.tokens = new CsvTokenizer(in, schema.delimiter(), source);
            this.source = source;
        }

        ReadResult run() throws IOException {
            try {
                return parse();
            } catch (ZipException | EOFException e) {
                // only compressed input ends early or breaks inside: the data itself is damaged
                throw new DataFormatException(source, tokens.lines() + 1, "", "",
                        "corrupt or truncated compressed data: " + e.getMessage());
            }
        }

        private ReadResult parse() throws IOException {
            for (String type : schema.allowedEventTypes()) {
                char[] chars = type.toCharArray();
                typeIndexOf(types.intern(chars, 0, chars.length), typeNames.add(type));
            }
            int defaultType = schema.eventType().isEmpty() ? typeNames.add(schema.defaultEventType()) : 0;
            if (schema.header()) {
                readHeader();
            } else {
                resolvePositions(null);
            }
            while (tokens.next()) {
                if (tokens.blank()) {
                    blankLines++;
                    continue;
                }
                rowsRead++;
                if (tokens.problem() != null) {
                    reject(ReadReport.Reason.BAD_QUOTING, labelOf(tokens.problemField()), tokens.recordText(),
                            tokens.problem());
                    continue;
                }
                if (tokens.fieldCount() < fieldsNeeded) {
                    int count = tokens.fieldCount();
                    reject(ReadReport.Reason.MISSING_COLUMN, labels[firstMissing()], tokens.recordText(),
                            "missing column: row has " + count + " field" + (count == 1 ? "" : "s"));
                    continue;
                }
                if (!goodId(userPosition, "user id") || !goodId(itemPosition, "item id")) {
                    continue;
                }
                int type = defaultType;
                if (typePosition != NONE) {
                    type = eventType();
                    if (type < 0) {
                        continue;
                    }
                }
                long time = 0;
                if (timePosition != NONE) {
                    time = time();
                    if (time == NO_LIMIT) {
                        continue;
                    }
                }
                float value = Float.NaN;
                if (valuePosition != NONE) {
                    double raw = number(valuePosition);
                    value = (float) raw;
                    if (!Float.isFinite(value)) {
                        reject(ReadReport.Reason.BAD_NUMBER, labels[valuePosition], tokens.fieldText(valuePosition),
                                Double.isNaN(raw) ? "not a number" : "not a finite float");
                        continue;
                    }
                }
                if (size == userColumn.length) {
                    grow();
                }
                userColumn[size] = intern(users, userPosition);
                itemColumn[size] = intern(items, itemPosition);
                timeColumn[size] = time;
                typeColumn[size] = (byte) type;
                valueColumn[size] = value;
                size++;
            }
            EventLog events = EventLog.wrap(IdIndex.of(users.strings()), IdIndex.of(items.strings()), typeNames.build(),
                    Arrays.copyOf(userColumn, size), Arrays.copyOf(itemColumn, size), Arrays.copyOf(timeColumn, size),
                    Arrays.copyOf(typeColumn, size), Arrays.copyOf(valueColumn, size));
            EnumMap<ReadReport.Reason, Long> counts = new EnumMap<>(ReadReport.Reason.class);
            for (ReadReport.Reason reason : ReadReport.Reason.values()) {
                counts.put(reason, skipped[reason.ordinal()]);
            }
            ReadReport report = new ReadReport(source, tokens.lines(), rowsRead, events.size(), blankLines, counts,
                    examples);
            return new ReadResult(events, report);
        }

        private int intern(SliceInterner interner, int field) {
            return interner.intern(tokens.chars(field), tokens.start(field), tokens.end(field));
        }

        /** Checks an id field: non-empty, well-formed text without control characters. */
        private boolean goodId(int field, String what) {
            if (tokens.isEmpty(field)) {
                reject(ReadReport.Reason.EMPTY_ID, labels[field], "", "empty " + what);
                return false;
            }
            String bad = badText(tokens.chars(field), tokens.start(field), tokens.end(field));
            if (bad != null) {
                reject(ReadReport.Reason.BAD_TEXT, labels[field], tokens.fieldText(field), what + ": " + bad);
                return false;
            }
            return true;
        }

        /** The row's time in ms, or {@link #NO_LIMIT} after rejecting the row. */
        private long time() {
            char[] chars = tokens.chars(timePosition);
            int start = tokens.start(timePosition);
            int end = tokens.end(timePosition);
            long time;
            if (CsvNumbers.looksLikeIsoTime(chars, start, end)) {
                try {
                    time = CsvNumbers.parseIsoMillis(tokens.fieldText(timePosition));
                } catch (IllegalArgumentException | java.time.DateTimeException e) {
                    reject(ReadReport.Reason.BAD_NUMBER, labels[timePosition], tokens.fieldText(timePosition),
                            e.getMessage());
                    return NO_LIMIT;
                }
            } else {
                double raw = CsvNumbers.parseDecimal(chars, start, end);
                double millis = seconds ? raw * 1000.0 : raw;
                if (!(Math.abs(millis) < 9.0e18)) {
                    reject(ReadReport.Reason.BAD_NUMBER, labels[timePosition], tokens.fieldText(timePosition),
                            Double.isNaN(raw) ? "not a number" : "time out of range");
                    return NO_LIMIT;
                }
                time = Math.round(millis);
            }
            if (timeChecked && (time < earliest || time > latest)) {
                reject(ReadReport.Reason.TIME_OUT_OF_RANGE, labels[timePosition], tokens.fieldText(timePosition),
                        "time " + instant(time) + " outside the plausible range " + instant(earliest) + " to "
                                + instant(latest) + " (EventCsvReader.withTimeRange or withoutTimeRange)");
                return NO_LIMIT;
            }
            return time;
        }

        private static String instant(long millis) {
            return Instant.ofEpochMilli(millis).toString();
        }

        private void grow() {
            int capacity = size * 2;
            userColumn = Arrays.copyOf(userColumn, capacity);
            itemColumn = Arrays.copyOf(itemColumn, capacity);
            timeColumn = Arrays.copyOf(timeColumn, capacity);
            typeColumn = Arrays.copyOf(typeColumn, capacity);
            valueColumn = Arrays.copyOf(valueColumn, capacity);
        }

        /** Records the final event type index of an interned type name. */
        private void typeIndexOf(int id, int index) {
            if (id >= typeIndexOfId.length) {
                int old = typeIndexOfId.length;
                typeIndexOfId = Arrays.copyOf(typeIndexOfId, Math.max(id + 1, old * 2));
                Arrays.fill(typeIndexOfId, old, typeIndexOfId.length, TYPE_UNSEEN);
            }
            typeIndexOfId[id] = index;
        }

        /** Returns the row's event type index, or a negative number after rejecting the row. */
        private int eventType() {
            if (!goodId(typePosition, "event type")) {
                return TYPE_UNKNOWN;
            }
            int id = intern(types, typePosition);
            int index = id < typeIndexOfId.length ? typeIndexOfId[id] : TYPE_UNSEEN;
            if (index == TYPE_UNSEEN) {
                if (!schema.allowedEventTypes().isEmpty()) {
                    index = TYPE_UNKNOWN;
                } else if (typeNames.size() >= Byte.MAX_VALUE) {
                    index = TYPE_TOO_MANY;
                } else {
                    index = typeNames.add(types.string(id));
                }
                typeIndexOf(id, index);
            }
            if (index >= 0) {
                return index;
            }
            if (index == TYPE_UNKNOWN) {
                reject(ReadReport.Reason.UNKNOWN_EVENT_TYPE, labels[typePosition], types.string(id),
                        "unknown event type (allowed: " + schema.allowedEventTypes() + ")");
            } else {
                reject(ReadReport.Reason.TOO_MANY_EVENT_TYPES, labels[typePosition], types.string(id),
                        "more than " + Byte.MAX_VALUE + " distinct event types");
            }
            return index;
        }

        /** The smallest mapped column position the current row lacks. */
        private int firstMissing() {
            int missing = fieldsNeeded - 1;
            for (int position : new int[] {userPosition, itemPosition, timePosition, typePosition, valuePosition}) {
                if (position >= tokens.fieldCount() && position < missing) {
                    missing = position;
                }
            }
            return missing;
        }

        private double number(int field) {
            return CsvNumbers.parseDecimal(tokens.chars(field), tokens.start(field), tokens.end(field));
        }

        private String labelOf(int field) {
            return field < labels.length ? labels[field] : "#" + field;
        }

        private void reject(ReadReport.Reason reason, String column, String text, String problem) {
            String where = tokens.endLine() > tokens.line() ? " (in a record that a quoted field continues over lines "
                    + tokens.line() + "-" + tokens.endLine() + ")" : "";
            DataFormatException error = new DataFormatException(source, tokens.line(), column, text, problem + where);
            if (!lenient) {
                throw error;
            }
            // a bad record stretched over lines by a quote is most likely a broken quote: resume at the next line
            tokens.resyncAfterFirstLine();
            skipped[reason.ordinal()]++;
            if (examples.size() < MAX_EXAMPLES) {
                examples.add(new ReadReport.Skip(tokens.line(), reason, error.getMessage()));
            }
        }

        private void readHeader() throws IOException {
            while (tokens.next()) {
                if (tokens.blank()) {
                    blankLines++;
                    continue;
                }
                if (tokens.problem() != null) {
                    throw new DataFormatException(source, tokens.line(), "#" + tokens.problemField(),
                            tokens.recordText(), "bad header: " + tokens.problem());
                }
                String[] names = new String[tokens.fieldCount()];
                Set<String> distinct = new HashSet<>();
                for (int k = 0; k < names.length; k++) {
                    names[k] = tokens.fieldText(k);
                    String bad = badText(tokens.chars(k), tokens.start(k), tokens.end(k));
                    if (bad != null) {
                        throw new DataFormatException(source, tokens.line(), "#" + k, tokens.recordText(),
                                "bad header: " + bad);
                    }
                    if (!distinct.add(names[k])) {
                        throw new DataFormatException(source, tokens.line(), names[k], tokens.recordText(),
                                "bad header: column name repeated (first at #" + Arrays.asList(names).indexOf(names[k])
                                        + ", again at #" + k + ")");
                    }
                }
                resolvePositions(names);
                return;
            }
            throw new DataFormatException(source, Math.max(1, tokens.lines()), "header", "", "no header row");
        }

        private void resolvePositions(String[] header) {
            userPosition = position(schema.user(), header);
            itemPosition = position(schema.item(), header);
            timePosition = optionalPosition(schema.time(), header);
            typePosition = optionalPosition(schema.eventType(), header);
            valuePosition = optionalPosition(schema.value(), header);
            fieldsNeeded = 1 + Math.max(Math.max(userPosition, itemPosition),
                    Math.max(timePosition, Math.max(typePosition, valuePosition)));
            labels = new String[fieldsNeeded + 1];
            for (int k = 0; k < labels.length; k++) {
                labels[k] = header != null && k < header.length ? header[k] : "#" + k;
            }
            if (header == null) {
                String[] roles = {"user", "item", "time", "eventType", "value"};
                int[] positions = {userPosition, itemPosition, timePosition, typePosition, valuePosition};
                for (int r = 0; r < roles.length; r++) {
                    if (positions[r] != NONE) {
                        labels[positions[r]] = "#" + positions[r] + " (" + roles[r] + ")";
                    }
                }
            }
        }

        private int optionalPosition(Optional<CsvSchema.Column> column, String[] header) {
            return column.isPresent() ? position(column.get(), header) : NONE;
        }

        private int position(CsvSchema.Column column, String[] header) {
            if (column instanceof CsvSchema.Positional positional) {
                return positional.position();
            }
            String name = ((CsvSchema.Named) column).name();
            for (int k = 0; k < header.length; k++) {
                if (header[k].equals(name)) {
                    return k;
                }
            }
            throw new DataFormatException(source, tokens.line(), name, String.join(String.valueOf(schema.delimiter()), header),
                    "missing header column" + presetHint(header));
        }

        /** Names the preset formats whose named columns all appear in the header, if any. */
        private String presetHint(String[] header) {
            Set<String> names = new HashSet<>(Arrays.asList(header));
            List<String> fitting = new ArrayList<>();
            for (String format : CsvSchema.FORMATS) {
                CsvSchema preset = CsvSchema.forFormat(format);
                if (preset.header() && !preset.equals(schema) && names.containsAll(preset.columnNames())) {
                    fitting.add(format);
                }
            }
            return fitting.isEmpty() ? "" : " (the header fits format '" + String.join("', '", fitting) + "')";
        }
    }
}
