package dev.recommender.core.data;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams an event CSV described by a {@link CsvSchema} into an {@link EventLog}.
 *
 * <p>Format: RFC 4180 style. Fields are separated by the schema's delimiter; a field that starts
 * with a double quote is quoted and may hold delimiters and doubled quotes ({@code ""} stands for
 * one {@code "}); a quote inside an unquoted field is kept as text. Lines end with LF, CRLF or a
 * lone CR, and the last line may lack a line break. A UTF-8 byte order mark at the start is
 * dropped, empty lines are ignored (and counted), fields beyond the mapped columns are ignored.
 * Ids and event types are taken exactly as written (no trimming); numbers may be surrounded by
 * spaces and are plain decimals with an optional exponent ({@code 4.5}, {@code 1642347000},
 * {@code 1.642347e+09}). Quoted fields may not span lines: event ids, types and numbers never
 * contain line breaks, and keeping records on one line lets a lenient read resume at the next line
 * after a broken quote. Malformed UTF-8 is replaced by U+FFFD.
 *
 * <p>Modes: {@linkplain #strict(CsvSchema) strict} (the default for {@link #readEvents(Path, CsvSchema)})
 * throws a {@link DataFormatException} naming the source, the 1-based line, the column and the
 * offending text at the first bad row; {@linkplain #lenient(CsvSchema) lenient} skips bad rows,
 * counts them per {@link ReadReport.Reason}, keeps the first {@value #MAX_EXAMPLES} as examples
 * and logs a WARN summary. Problems with the header (missing, or lacking a named column) are
 * errors in both modes.
 *
 * <p>Implementation: a hand-written tokenizer over a growable {@code char} buffer filled from the
 * reader in 64 KiB blocks, so memory does not depend on the file size. Ids are interned from the
 * buffer without allocation (a string is created only for an id not seen before) and numbers
 * are parsed without allocation (Clinger's fast path; rare long mantissas fall back to
 * {@link Double#parseDouble(String)}). Time O(characters); memory O(events + distinct ids).
 *
 * <p>Thread safety: instances are immutable and may read several inputs concurrently; each
 * {@code read} call has its own state.
 */
public final class EventCsvReader {
    /** How many skipped rows a {@link ReadReport} keeps as examples. */
    public static final int MAX_EXAMPLES = 10;
    /** Longest line accepted, in characters; a longer one is an error (probably not a CSV file). */
    public static final int MAX_LINE_LENGTH = 1 << 24;

    private static final Logger LOG = LoggerFactory.getLogger(EventCsvReader.class);
    private static final double[] POWERS_OF_TEN = new double[23];

    static {
        double power = 1;
        for (int k = 0; k < POWERS_OF_TEN.length; k++) {
            POWERS_OF_TEN[k] = power;
            power *= 10;
        }
    }

    private final CsvSchema schema;
    private final boolean lenient;

    private EventCsvReader(CsvSchema schema, boolean lenient) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.lenient = lenient;
    }

    /**
     * A reader that throws at the first bad row.
     *
     * @param schema the file layout
     * @return the reader
     */
    public static EventCsvReader strict(CsvSchema schema) {
        return new EventCsvReader(schema, false);
    }

    /**
     * A reader that skips bad rows, counting them per reason in the {@link ReadReport}.
     *
     * @param schema the file layout
     * @return the reader
     */
    public static EventCsvReader lenient(CsvSchema schema) {
        return new EventCsvReader(schema, true);
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
     * Reads a UTF-8 file.
     *
     * @param file the CSV file
     * @return the events and the read report
     * @throws IOException         if the file cannot be read
     * @throws DataFormatException for a bad header, or (strict mode) at the first bad row
     */
    public ReadResult read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        try (Reader reader = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
            return read(reader, file.toString());
        }
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

    /**
     * Parses a plain decimal number with optional sign, fraction and exponent, ignoring surrounding
     * spaces; returns {@code NaN} if the text is not such a number.
     */
    static double parseDecimal(char[] chars, int start, int end) {
        int s = start;
        int e = end;
        while (s < e && chars[s] == ' ') {
            s++;
        }
        while (e > s && chars[e - 1] == ' ') {
            e--;
        }
        if (s == e) {
            return Double.NaN;
        }
        int k = s;
        boolean negative = false;
        if (chars[k] == '+' || chars[k] == '-') {
            negative = chars[k] == '-';
            k++;
        }
        long mantissa = 0;
        int digits = 0;
        int exponent = 0;
        boolean anyDigit = false;
        boolean truncated = false;
        while (k < e && chars[k] >= '0' && chars[k] <= '9') {
            anyDigit = true;
            if (digits < 18) {
                mantissa = mantissa * 10 + (chars[k] - '0');
                if (mantissa != 0) {
                    digits++;
                }
            } else {
                exponent++;
                truncated = true;
            }
            k++;
        }
        if (k < e && chars[k] == '.') {
            k++;
            while (k < e && chars[k] >= '0' && chars[k] <= '9') {
                anyDigit = true;
                if (digits < 18) {
                    mantissa = mantissa * 10 + (chars[k] - '0');
                    if (mantissa != 0) {
                        digits++;
                    }
                    exponent--;
                } else {
                    truncated = true;
                }
                k++;
            }
        }
        if (!anyDigit) {
            return Double.NaN;
        }
        if (k < e && (chars[k] == 'e' || chars[k] == 'E')) {
            k++;
            boolean negativeExponent = false;
            if (k < e && (chars[k] == '+' || chars[k] == '-')) {
                negativeExponent = chars[k] == '-';
                k++;
            }
            int value = 0;
            boolean anyExponentDigit = false;
            while (k < e && chars[k] >= '0' && chars[k] <= '9') {
                anyExponentDigit = true;
                if (value < 100_000) {
                    value = value * 10 + (chars[k] - '0');
                }
                k++;
            }
            if (!anyExponentDigit) {
                return Double.NaN;
            }
            exponent += negativeExponent ? -value : value;
        }
        if (k != e) {
            return Double.NaN;
        }
        double result;
        if (mantissa == 0) {
            result = 0;
        } else if (!truncated && digits <= 15 && exponent >= -22 && exponent <= 22) {
            // Clinger's fast path: both operands exact, so one correctly rounded operation.
            result = exponent >= 0 ? mantissa * POWERS_OF_TEN[exponent] : mantissa / POWERS_OF_TEN[-exponent];
        } else {
            return Double.parseDouble(new String(chars, s, e - s));
        }
        return negative ? -result : result;
    }

    /** The state of one read. */
    private final class Parse {
        private static final int NONE = -1;
        private static final int TYPE_UNSEEN = -1;
        private static final int TYPE_UNKNOWN = -2;
        private static final int TYPE_TOO_MANY = -3;

        private final Reader in;
        private final String source;
        private final char delimiter = schema.delimiter();
        private final boolean seconds = schema.timeUnit() == CsvSchema.TimeUnit.SECONDS;
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

        private char[] buffer = new char[1 << 16];
        private int position;
        private int limit;
        private boolean endOfInput;
        private int lineStart;
        private int lineEnd;
        private long line;

        private int fieldCount;
        private int[] fieldStart = new int[16];
        private int[] fieldEnd = new int[16];
        private char[][] fieldChars = new char[16][];
        private char[] scratch = new char[256];
        private int scratchLength;
        private String quoteProblem;
        private int quoteField;

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
            this.in = in;
            this.source = source;
        }

        ReadResult run() throws IOException {
            for (String type : schema.allowedEventTypes()) {
                char[] chars = type.toCharArray();
                typeIndexOf(types.intern(chars, 0, chars.length), typeNames.add(type));
            }
            int defaultType = schema.eventType().isEmpty() ? typeNames.add(schema.defaultEventType()) : 0;
            fill();
            if (limit > 0 && buffer[0] == '\uFEFF') {
                position = 1;
            }
            if (schema.header()) {
                readHeader();
            } else {
                resolvePositions(null);
            }
            while (nextLine()) {
                if (lineStart == lineEnd) {
                    blankLines++;
                    continue;
                }
                rowsRead++;
                if (!split()) {
                    reject(ReadReport.Reason.BAD_QUOTING, labelOf(quoteField), lineText(), quoteProblem);
                    continue;
                }
                if (fieldCount < fieldsNeeded) {
                    reject(ReadReport.Reason.MISSING_COLUMN, labels[firstMissing()], lineText(),
                            "missing column: row has " + fieldCount + " field" + (fieldCount == 1 ? "" : "s"));
                    continue;
                }
                if (fieldStart[userPosition] == fieldEnd[userPosition]) {
                    reject(ReadReport.Reason.EMPTY_ID, labels[userPosition], "", "empty user id");
                    continue;
                }
                if (fieldStart[itemPosition] == fieldEnd[itemPosition]) {
                    reject(ReadReport.Reason.EMPTY_ID, labels[itemPosition], "", "empty item id");
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
                    double raw = number(timePosition);
                    double millis = seconds ? raw * 1000.0 : raw;
                    if (!(Math.abs(millis) < 9.0e18)) {
                        reject(ReadReport.Reason.BAD_NUMBER, labels[timePosition], fieldText(timePosition),
                                Double.isNaN(raw) ? "not a number" : "time out of range");
                        continue;
                    }
                    time = Math.round(millis);
                }
                float value = Float.NaN;
                if (valuePosition != NONE) {
                    double raw = number(valuePosition);
                    value = (float) raw;
                    if (!Float.isFinite(value)) {
                        reject(ReadReport.Reason.BAD_NUMBER, labels[valuePosition], fieldText(valuePosition),
                                Double.isNaN(raw) ? "not a number" : "not a finite float");
                        continue;
                    }
                }
                if (size == userColumn.length) {
                    grow();
                }
                userColumn[size] = users.intern(fieldChars[userPosition], fieldStart[userPosition], fieldEnd[userPosition]);
                itemColumn[size] = items.intern(fieldChars[itemPosition], fieldStart[itemPosition], fieldEnd[itemPosition]);
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
            ReadReport report = new ReadReport(source, line, rowsRead, events.size(), blankLines, counts, examples);
            return new ReadResult(events, report);
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
            int start = fieldStart[typePosition];
            int end = fieldEnd[typePosition];
            if (start == end) {
                reject(ReadReport.Reason.EMPTY_ID, labels[typePosition], "", "empty event type");
                return TYPE_UNKNOWN;
            }
            int id = types.intern(fieldChars[typePosition], start, end);
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
                if (position >= fieldCount && position < missing) {
                    missing = position;
                }
            }
            return missing;
        }

        private double number(int field) {
            return parseDecimal(fieldChars[field], fieldStart[field], fieldEnd[field]);
        }

        private String fieldText(int field) {
            return new String(fieldChars[field], fieldStart[field], fieldEnd[field] - fieldStart[field]);
        }

        private String lineText() {
            return new String(buffer, lineStart, lineEnd - lineStart);
        }

        private String labelOf(int field) {
            return field < labels.length ? labels[field] : "#" + field;
        }

        private void reject(ReadReport.Reason reason, String column, String text, String problem) {
            DataFormatException error = new DataFormatException(source, line, column, text, problem);
            if (!lenient) {
                throw error;
            }
            skipped[reason.ordinal()]++;
            if (examples.size() < MAX_EXAMPLES) {
                examples.add(new ReadReport.Skip(line, reason, error.getMessage()));
            }
        }

        private void readHeader() throws IOException {
            while (nextLine()) {
                if (lineStart == lineEnd) {
                    blankLines++;
                    continue;
                }
                if (!split()) {
                    throw new DataFormatException(source, line, "#" + quoteField, lineText(),
                            "bad header: " + quoteProblem);
                }
                String[] names = new String[fieldCount];
                for (int k = 0; k < fieldCount; k++) {
                    names[k] = fieldText(k);
                }
                resolvePositions(names);
                return;
            }
            throw new DataFormatException(source, Math.max(1, line), "header", "", "no header row");
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
            throw new DataFormatException(source, line, name, String.join(String.valueOf(delimiter), header),
                    "missing header column");
        }

        /** Splits the current line into fields; false (with quoteProblem set) on bad quoting. */
        private boolean split() {
            fieldCount = 0;
            scratchLength = 0;
            char[] chars = buffer;
            int end = lineEnd;
            int k = lineStart;
            while (true) {
                if (fieldCount == fieldStart.length) {
                    int capacity = fieldCount * 2;
                    fieldStart = Arrays.copyOf(fieldStart, capacity);
                    fieldEnd = Arrays.copyOf(fieldEnd, capacity);
                    fieldChars = Arrays.copyOf(fieldChars, capacity);
                }
                if (k < end && chars[k] == '"') {
                    int q = k + 1;
                    int close = NONE;
                    boolean escaped = false;
                    while (q < end) {
                        if (chars[q] == '"') {
                            if (q + 1 < end && chars[q + 1] == '"') {
                                escaped = true;
                                q += 2;
                                continue;
                            }
                            close = q;
                            break;
                        }
                        q++;
                    }
                    if (close == NONE) {
                        quoteProblem = "unterminated quoted field";
                        quoteField = fieldCount;
                        return false;
                    }
                    if (escaped) {
                        unescape(k + 1, close);
                    } else {
                        fieldChars[fieldCount] = chars;
                        fieldStart[fieldCount] = k + 1;
                        fieldEnd[fieldCount] = close;
                    }
                    fieldCount++;
                    k = close + 1;
                    if (k == end) {
                        return true;
                    }
                    if (chars[k] != delimiter) {
                        quoteProblem = "text after closing quote";
                        quoteField = fieldCount - 1;
                        return false;
                    }
                    k++;
                } else {
                    int e = k;
                    while (e < end && chars[e] != delimiter) {
                        e++;
                    }
                    fieldChars[fieldCount] = chars;
                    fieldStart[fieldCount] = k;
                    fieldEnd[fieldCount] = e;
                    fieldCount++;
                    if (e == end) {
                        return true;
                    }
                    k = e + 1;
                }
            }
        }

        /** Copies a quoted field's content with doubled quotes undone into the scratch buffer. */
        private void unescape(int start, int end) {
            if (scratchLength + (end - start) > scratch.length) {
                scratch = Arrays.copyOf(scratch, Math.max(scratch.length * 2, scratchLength + end - start));
            }
            int from = scratchLength;
            for (int k = start; k < end; k++) {
                char c = buffer[k];
                scratch[scratchLength++] = c;
                if (c == '"') {
                    k++;
                }
            }
            fieldChars[fieldCount] = scratch;
            fieldStart[fieldCount] = from;
            fieldEnd[fieldCount] = scratchLength;
        }

        /** Finds the next line (without its terminator) in the buffer; false at the end of input. */
        private boolean nextLine() throws IOException {
            int scan = position;
            while (true) {
                boolean needMore = false;
                for (int k = scan; k < limit; k++) {
                    char c = buffer[k];
                    if (c == '\n') {
                        lineStart = position;
                        lineEnd = k;
                        position = k + 1;
                        line++;
                        return true;
                    }
                    if (c == '\r') {
                        if (k + 1 == limit && !endOfInput) {
                            scan = k;
                            needMore = true;
                            break;
                        }
                        lineStart = position;
                        lineEnd = k;
                        position = k + 1 < limit && buffer[k + 1] == '\n' ? k + 2 : k + 1;
                        line++;
                        return true;
                    }
                }
                if (!needMore) {
                    if (endOfInput) {
                        if (position == limit) {
                            return false;
                        }
                        lineStart = position;
                        lineEnd = limit;
                        position = limit;
                        line++;
                        return true;
                    }
                    scan = limit;
                }
                if (limit - position >= MAX_LINE_LENGTH) {
                    throw new DataFormatException(source, line + 1, "", "",
                            "line longer than " + MAX_LINE_LENGTH + " characters");
                }
                int offset = scan - position;
                fill();
                scan = position + offset;
            }
        }

        /** Moves unread text to the buffer start and reads more; sets endOfInput at the end. */
        private void fill() throws IOException {
            if (position > 0) {
                System.arraycopy(buffer, position, buffer, 0, limit - position);
                limit -= position;
                position = 0;
            }
            if (limit == buffer.length) {
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
            }
            int read = in.read(buffer, limit, buffer.length - limit);
            if (read < 0) {
                endOfInput = true;
            } else {
                limit += read;
            }
        }
    }
}
