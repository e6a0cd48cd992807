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
        super(escape(source) + ":" + line + ": column '" + escape(column) + "': " + escape(problem) + ": '"
                + escape(abbreviate(text)) + "'");
        this.source = Objects.requireNonNull(source, "source");
        this.line = line;
        this.column = Objects.requireNonNull(column, "column");
        this.text = text == null ? "" : text;
    }

    /**
     * Text made safe to print on a terminal: control characters (C0, DEL, C1) and U+FFFF are written
     * as escapes ({@code \n}, {@code \r}, {@code \t}, else two hex digits as in {@code \x1b}, or four
     * for U+FFFF), so a message
     * never moves the cursor, changes colours or sets a window title.
     *
     * @param text any text, may be null
     * @return the escaped text ({@code "null"} for null)
     */
    public static String escape(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = null;
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            boolean control = c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\uFFFF';
            if (control && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, k);
            }
            if (out == null) {
                continue;
            }
            if (!control) {
                out.append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c <= 0xff) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out == null ? text : out.toString();
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
