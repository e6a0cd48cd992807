package dev.recommender.core.data;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/**
 * Parses the numbers and times of CSV fields without allocating in the common case: one job of
 * {@link EventCsvReader}. Decimals use Clinger's fast path (rare long mantissas fall back to
 * {@link Double#parseDouble(String)}); ISO-8601 times ({@code 2024-03-01T12:00:00Z},
 * {@code 2024-03-01T12:00:00.250+01:00}) go through {@link DateTimeFormatter#ISO_DATE_TIME}.
 * Stateless and thread-safe.
 */
final class CsvNumbers {
    private static final double[] POWERS_OF_TEN = new double[23];

    static {
        double power = 1;
        for (int k = 0; k < POWERS_OF_TEN.length; k++) {
            POWERS_OF_TEN[k] = power;
            power *= 10;
        }
    }

    private CsvNumbers() {
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

    /**
     * Whether a field looks like an ISO-8601 date-time rather than a number: four digits and a dash
     * after optional spaces.
     */
    static boolean looksLikeIsoTime(char[] chars, int start, int end) {
        int s = start;
        while (s < end && chars[s] == ' ') {
            s++;
        }
        if (end - s < 10 || chars[s + 4] != '-') {
            return false;
        }
        for (int k = s; k < s + 4; k++) {
            if (chars[k] < '0' || chars[k] > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * Parses an ISO-8601 date-time with an offset ({@code Z} or {@code +hh:mm}) into epoch milliseconds.
     *
     * @throws IllegalArgumentException saying what is wrong, if the text is not such a time
     */
    static long parseIsoMillis(String text) {
        TemporalAccessor parsed;
        try {
            parsed = DateTimeFormatter.ISO_DATE_TIME.parse(text.strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("not a number or an ISO-8601 time (e.g. 2024-03-01T12:00:00Z)");
        }
        if (!parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
            throw new IllegalArgumentException("ISO-8601 time without a time zone offset (add Z or +hh:mm)");
        }
        return Instant.from(parsed).toEpochMilli();
    }
}
