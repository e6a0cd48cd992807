package dev.recommender.core.data;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * Splits CSV text (RFC 4180) into records and fields without allocating per field: one job of
 * {@link EventCsvReader}.
 *
 * <p>A record ends at a line break (LF, CRLF or a lone CR) outside quotes. A field that starts
 * with {@code "} is quoted: it may hold delimiters, line breaks and doubled quotes ({@code ""}
 * for one {@code "}) and must be followed by a delimiter or the end of the record. A quote inside
 * an unquoted field, text after a closing quote, and an unclosed quote are quoting problems
 * ({@link #problem()}). A record with a quoting problem is cut back to its first physical line, so
 * the next record starts at the next line: a reader that skips bad records resynchronises there
 * and never takes the rest of a broken quote for a record of its own unless that line parses
 * cleanly by itself.
 *
 * <p>Text is read from the reader in 64 KiB blocks into a growable buffer; a record may be at
 * most {@link EventCsvReader#MAX_LINE_LENGTH} characters. A byte order mark at the very start is
 * dropped. Not thread-safe: one instance per read.
 */
final class CsvTokenizer {
    private static final int NONE = -1;

    private final Reader in;
    private final char delimiter;
    private final String source;

    private char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private boolean endOfInput;
    private boolean started;

    private int recordStart;
    private int recordEnd;
    /** Whether the current record holds a line break inside quotes (so spans lines). */
    private boolean quotedLineBreak;
    private long line;
    private long lines;

    private int fieldCount;
    private int[] fieldStart = new int[16];
    private int[] fieldEnd = new int[16];
    private char[][] fieldChars = new char[16][];
    private char[] scratch = new char[256];
    private int scratchLength;
    private String problem;
    private int problemField;

    CsvTokenizer(Reader in, char delimiter, String source) {
        this.in = in;
        this.delimiter = delimiter;
        this.source = source;
    }

    /**
     * Moves to the next record and splits it.
     *
     * @return false at the end of input
     * @throws IOException         if the reader fails
     * @throws DataFormatException if a record is longer than {@link EventCsvReader#MAX_LINE_LENGTH}
     */
    boolean next() throws IOException {
        if (!started) {
            started = true;
            fill();
            if (limit > 0 && buffer[0] == '\uFEFF') {
                position = 1;
            }
        }
        if (!scanRecord()) {
            return false;
        }
        line = lines + 1;
        if (!split()) {
            int firstBreak = firstLineBreak(recordStart, recordEnd);
            if (firstBreak != NONE) {
                recordEnd = firstBreak;
                position = afterLineBreak(firstBreak);
                split(); // fields of the first line only, for messages; the problem stays
                if (problem == null) {
                    problem = "unterminated quoted field";
                }
            }
        }
        lines += 1 + (quotedLineBreak ? countLineBreaks(recordStart, recordEnd) : 0);
        return true;
    }

    /** The 1-based line where the current record starts. */
    long line() {
        return line;
    }

    /** The 1-based line where the current record ends (after its quoted line breaks). */
    long endLine() {
        return lines;
    }

    /**
     * Cuts the current record back to its first line, so that the next record starts at the next
     * line: how a lenient reader resynchronises after a bad record that a quote stretched over lines.
     *
     * @return whether the record spanned lines (and was cut)
     */
    boolean resyncAfterFirstLine() {
        int firstBreak = firstLineBreak(recordStart, recordEnd);
        if (firstBreak == NONE) {
            return false;
        }
        recordEnd = firstBreak;
        position = afterLineBreak(firstBreak);
        lines = line;
        return true;
    }

    /** Physical lines read so far (a trailing line break does not start another line). */
    long lines() {
        return lines;
    }

    /** Whether the current record is an empty line. */
    boolean blank() {
        return recordStart == recordEnd;
    }

    /** The quoting problem of the current record, or null if it split cleanly. */
    String problem() {
        return problem;
    }

    /** The field where {@link #problem()} was found. */
    int problemField() {
        return problemField;
    }

    int fieldCount() {
        return fieldCount;
    }

    char[] chars(int field) {
        return fieldChars[field];
    }

    int start(int field) {
        return fieldStart[field];
    }

    int end(int field) {
        return fieldEnd[field];
    }

    boolean isEmpty(int field) {
        return fieldStart[field] == fieldEnd[field];
    }

    String fieldText(int field) {
        return new String(fieldChars[field], fieldStart[field], fieldEnd[field] - fieldStart[field]);
    }

    /** The current record as written (quotes included). */
    String recordText() {
        return new String(buffer, recordStart, recordEnd - recordStart);
    }

    /**
     * Finds the end of the next record (a line break outside quotes, or the end of input), reading
     * more text as needed; false at the end of input.
     */
    private boolean scanRecord() throws IOException {
        int offset = 0; // scan position relative to position, which is the record start
        boolean inQuote = false;
        boolean fieldStartNext = true;
        int quoteOpened = NONE;
        quotedLineBreak = false;
        while (true) {
            int k = position + offset;
            boolean needMore = false;
            for (; k < limit; k++) {
                char c = buffer[k];
                if (inQuote) {
                    if (c == '"') {
                        if (k + 1 == limit && !endOfInput) {
                            needMore = true;
                            break;
                        }
                        if (k + 1 < limit && buffer[k + 1] == '"') {
                            k++;
                        } else {
                            inQuote = false;
                        }
                    } else if (c == '\n' || c == '\r') {
                        quotedLineBreak = true;
                    }
                    continue;
                }
                if (c == '\n' || c == '\r') {
                    if (c == '\r' && k + 1 == limit && !endOfInput) {
                        needMore = true;
                        break;
                    }
                    recordStart = position;
                    recordEnd = k;
                    position = afterLineBreak(k);
                    return true;
                }
                if (c == delimiter) {
                    fieldStartNext = true;
                    continue;
                }
                if (c == '"' && fieldStartNext) {
                    inQuote = true;
                    quoteOpened = k - position;
                }
                fieldStartNext = false;
            }
            offset = k - position;
            if (!needMore && endOfInput) {
                if (position == limit) {
                    return false;
                }
                recordStart = position;
                recordEnd = limit;
                position = limit;
                return true;
            }
            if (limit - position >= EventCsvReader.MAX_LINE_LENGTH) {
                int firstBreak = inQuote ? firstLineBreak(position + quoteOpened, limit) : NONE;
                if (firstBreak == NONE) {
                    throw new DataFormatException(source, lines + 1, "", "",
                            "line longer than " + EventCsvReader.MAX_LINE_LENGTH + " characters");
                }
                // an unclosed quote: end the record at its first line break; split() reports it
                recordStart = position;
                recordEnd = limit;
                return true;
            }
            fill();
        }
    }

    /** The position after the line break that starts at {@code k}. */
    private int afterLineBreak(int k) {
        return buffer[k] == '\r' && k + 1 < limit && buffer[k + 1] == '\n' ? k + 2 : k + 1;
    }

    private int firstLineBreak(int from, int to) {
        for (int k = from; k < to; k++) {
            if (buffer[k] == '\n' || buffer[k] == '\r') {
                return k;
            }
        }
        return NONE;
    }

    private long countLineBreaks(int from, int to) {
        long count = 0;
        for (int k = from; k < to; k++) {
            if (buffer[k] == '\n' || (buffer[k] == '\r' && (k + 1 == to || buffer[k + 1] != '\n'))) {
                count++;
            }
        }
        return count;
    }

    /** Splits the current record into fields; false (with the problem set) on bad quoting. */
    private boolean split() {
        fieldCount = 0;
        scratchLength = 0;
        problem = null;
        char[] chars = buffer;
        int end = recordEnd;
        int k = recordStart;
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
                    return fail("unterminated quoted field", fieldCount);
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
                    return fail("text after closing quote", fieldCount - 1);
                }
                k++;
            } else {
                int e = k;
                while (e < end && chars[e] != delimiter) {
                    if (chars[e] == '"') {
                        fieldChars[fieldCount] = chars;
                        fieldStart[fieldCount] = k;
                        fieldEnd[fieldCount] = e;
                        return fail("quote inside an unquoted field (quote the whole field and double the quote)",
                                fieldCount);
                    }
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

    private boolean fail(String why, int field) {
        problem = why;
        problemField = field;
        return false;
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
