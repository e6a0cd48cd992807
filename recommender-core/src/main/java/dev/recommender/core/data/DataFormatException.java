package dev.recommender.core.data;

import java.util.Objects;

/**
 * Bad input data: names the source (file), the 1-based line, the column and the offending text.
 * Unchecked, so that stream pipelines can carry it; thrown by strict-mode readers.
 */
public final class DataFormatException extends RuntimeException {
    private final String source;
    private final long line;
    private final String column;
    private final String text;

    /**
     * @param source  file name or other description of the input
     * @param line    1-based line number
     * @param column  column name (or position) of the bad field
     * @param text    the offending text
     * @param problem what is wrong, e.g. "not a number"
     */
    public DataFormatException(String source, long line, String column, String text, String problem) {
        super(source + ":" + line + ": column '" + column + "': " + problem + ": '" + abbreviate(text) + "'");
        this.source = Objects.requireNonNull(source, "source");
        this.line = line;
        this.column = Objects.requireNonNull(column, "column");
        this.text = text == null ? "" : text;
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }

    /** The input (usually a file path). */
    public String source() {
        return source;
    }

    /** 1-based line number. */
    public long line() {
        return line;
    }

    /** The column name or position. */
    public String column() {
        return column;
    }

    /** The offending text. */
    public String text() {
        return text;
    }
}
