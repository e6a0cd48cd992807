package dev.recommender.core.data;

import java.io.Flushable;
import java.io.IOException;
import java.io.Writer;
import java.util.Objects;

/**
 * Writes CSV the way {@link EventCsvReader} reads it (RFC 4180): fields separated by a delimiter
 * (comma by default), a field quoted with {@code "} when it holds the delimiter, a quote, a line
 * break or a leading or trailing space (or the byte order mark), with quotes inside doubled; every
 * row ends with {@code \n} (the project's files use LF; {@link EventCsvReader} reads LF and CRLF).
 * Numbers are written with {@link Long#toString(long)} and {@link Double#toString(double)}, so they
 * read back exactly. Every CSV file the project writes goes through this class, so an id holding a
 * comma, a quote or a line break reads back as the same id.
 *
 * <p>Not thread-safe. The underlying writer is flushed only by {@link #flush()} and never closed.
 */
public final class CsvWriter implements Flushable {
    private final Writer out;
    private final char delimiter;
    private boolean rowStarted;

    /**
     * A comma-separated writer.
     *
     * @param out where the text goes
     */
    public CsvWriter(Writer out) {
        this(out, ',');
    }

    /**
     * A writer with another delimiter.
     *
     * @param out       where the text goes
     * @param delimiter the field separator; not a quote or a line break
     * @throws IllegalArgumentException if the delimiter is a quote or a line break
     */
    public CsvWriter(Writer out, char delimiter) {
        this.out = Objects.requireNonNull(out, "out");
        if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
            throw new IllegalArgumentException("delimiter must not be a quote or line break, got code "
                    + (int) delimiter);
        }
        this.delimiter = delimiter;
    }

    /**
     * Writes a text field, quoted when needed.
     *
     * @param text the field, not null
     * @return this writer
     * @throws IOException if the underlying writer fails
     */
    public CsvWriter field(String text) throws IOException {
        return raw(quote(text, delimiter));
    }

    /**
     * Writes an integer field.
     *
     * @param value the number
     * @return this writer
     * @throws IOException if the underlying writer fails
     */
    public CsvWriter field(long value) throws IOException {
        return raw(Long.toString(value));
    }

    /**
     * Writes a floating-point field ({@link Double#toString(double)}; non-finite values as an empty field).
     *
     * @param value the number
     * @return this writer
     * @throws IOException if the underlying writer fails
     */
    public CsvWriter field(double value) throws IOException {
        return raw(Double.isFinite(value) ? Double.toString(value) : "");
    }

    /**
     * Writes a whole row of text fields.
     *
     * @param fields the fields
     * @return this writer
     * @throws IOException if the underlying writer fails
     */
    public CsvWriter row(String... fields) throws IOException {
        for (String field : fields) {
            field(field);
        }
        return endRow();
    }

    /**
     * Ends the current row with {@code \n}.
     *
     * @return this writer
     * @throws IOException if the underlying writer fails
     */
    public CsvWriter endRow() throws IOException {
        out.write('\n');
        rowStarted = false;
        return this;
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    private CsvWriter raw(String text) throws IOException {
        if (rowStarted) {
            out.write(delimiter);
        }
        out.write(text);
        rowStarted = true;
        return this;
    }

    /**
     * A field as it appears in a comma-separated file: unchanged when safe, else quoted.
     *
     * @param text the field
     * @return the text to write
     */
    public static String quote(String text) {
        return quote(text, ',');
    }

    /**
     * A field as it appears in a file with the given delimiter: unchanged when safe, else quoted
     * with inner quotes doubled.
     *
     * @param text      the field
     * @param delimiter the field separator
     * @return the text to write
     */
    public static String quote(String text, char delimiter) {
        Objects.requireNonNull(text, "text");
        boolean needed = !text.isEmpty() && (text.charAt(0) == ' ' || text.charAt(text.length() - 1) == ' '
                || text.charAt(0) == '\uFEFF');
        for (int k = 0; k < text.length() && !needed; k++) {
            char c = text.charAt(k);
            needed = c == delimiter || c == '"' || c == '\n' || c == '\r';
        }
        return needed ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
