package dev.recommender.core.data;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an {@link EventCsvReader} did with one input: lines and data rows read, events kept, rows
 * skipped per {@link Reason} (lenient reading only; strict reading throws at the first bad row)
 * and the first few skipped rows with their line numbers.
 *
 * <p>Immutable.
 *
 * @param source     the input's name (usually the file path)
 * @param lines      physical lines read, including the header and blank lines
 * @param rowsRead   data rows read: non-blank lines other than the header
 * @param eventsKept rows that became events
 * @param blankLines empty lines, ignored
 * @param skipped    rows skipped per reason; reasons with no skipped row are absent
 * @param examples   the first skipped rows (at most {@link EventCsvReader#MAX_EXAMPLES}), in file order
 */
public record ReadReport(String source, long lines, long rowsRead, long eventsKept, long blankLines,
                         Map<Reason, Long> skipped, List<Skip> examples) {

    /**
     * Copies the map and list.
     *
     * @throws IllegalArgumentException if a count is negative or rows do not add up
     */
    public ReadReport {
        Objects.requireNonNull(source, "source");
        EnumMap<Reason, Long> copy = new EnumMap<>(Reason.class);
        long total = 0;
        for (Map.Entry<Reason, Long> entry : skipped.entrySet()) {
            if (entry.getValue() < 0) {
                throw new IllegalArgumentException("skipped count for " + entry.getKey() + " must be at least 0, got "
                        + entry.getValue());
            }
            if (entry.getValue() > 0) {
                copy.put(entry.getKey(), entry.getValue());
                total += entry.getValue();
            }
        }
        if (lines < 0 || rowsRead < 0 || eventsKept < 0 || blankLines < 0 || eventsKept + total != rowsRead) {
            throw new IllegalArgumentException("inconsistent counts: lines " + lines + ", rowsRead " + rowsRead
                    + ", eventsKept " + eventsKept + ", blankLines " + blankLines + ", skipped " + total);
        }
        skipped = Collections.unmodifiableMap(copy);
        examples = List.copyOf(examples);
    }

    /**
     * Rows skipped for a reason.
     *
     * @param reason the reason
     * @return the count, 0 if none
     */
    public long skipped(Reason reason) {
        return skipped.getOrDefault(reason, 0L);
    }

    /** Rows skipped for any reason. */
    public long totalSkipped() {
        return rowsRead - eventsKept;
    }

    /**
     * One line of text for logs, e.g.
     * {@code events.csv: 1000 rows, 998 events, skipped 2 (EMPTY_ID 1, BAD_NUMBER 1)}.
     *
     * @return the summary
     */
    public String summary() {
        StringBuilder text = new StringBuilder()
                .append(source).append(": ").append(rowsRead).append(" rows, ").append(eventsKept).append(" events");
        if (!skipped.isEmpty()) {
            text.append(", skipped ").append(totalSkipped()).append(" (");
            String separator = "";
            for (Map.Entry<Reason, Long> entry : skipped.entrySet()) {
                text.append(separator).append(entry.getKey()).append(' ').append(entry.getValue());
                separator = ", ";
            }
            text.append(')');
        }
        return text.toString();
    }

    /** Why a row was rejected. */
    public enum Reason {
        /** The user, item or event-type field is empty. */
        EMPTY_ID,
        /** The time or value field is not a finite decimal number (or, for the time, an ISO-8601 time). */
        BAD_NUMBER,
        /** The row has fewer fields than a mapped column's position. */
        MISSING_COLUMN,
        /** The event type is not among the schema's allowed event types. */
        UNKNOWN_EVENT_TYPE,
        /**
         * A quoted field is not closed, text follows its closing quote, or a quote appears inside an
         * unquoted field (also the fragment that follows a broken quote on the next line, when it holds
         * the stray closing quote).
         */
        BAD_QUOTING,
        /** The row would add a 128th distinct event type, more than an {@link EventLog} holds. */
        TOO_MANY_EVENT_TYPES,
        /** An id or event type holds malformed UTF-8 or a control character (NUL, ESC, ...). */
        BAD_TEXT,
        /** The time lies outside the reader's plausible range (see {@link EventCsvReader#withTimeRange}). */
        TIME_OUT_OF_RANGE
    }

    /**
     * One skipped row.
     *
     * @param line    1-based line number
     * @param reason  why it was skipped
     * @param message the same text a strict reader would have thrown
     */
    public record Skip(long line, Reason reason, String message) {
        /** Checks the arguments; the line must be at least 1. */
        public Skip {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
            if (line < 1) {
                throw new IllegalArgumentException("line must be at least 1, got " + line);
            }
        }
    }
}
