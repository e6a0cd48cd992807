package dev.recommender.examples;

import dev.recommender.eval.split.KFold;
import dev.recommender.eval.split.PerUserHoldout;
import dev.recommender.eval.split.RandomHoldout;
import dev.recommender.eval.split.Splitter;
import dev.recommender.eval.split.TemporalSplit;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import picocli.CommandLine;

/**
 * A split named on the command line ({@code --split}):
 * <ul>
 *   <li>{@code random:F}: a random fraction F of the (user, item) pairs in test;</li>
 *   <li>{@code user:F}: a fraction F of each user's pairs in test (users with a minimum history);</li>
 *   <li>{@code last:N}: each user's last N pairs by time in test;</li>
 *   <li>{@code temporal:T}: events before T (an ISO date such as {@code 2022-01-31}, meaning its
 *       midnight UTC, or an ISO instant) in train, the rest in test;</li>
 *   <li>{@code temporal:F} (F in (0, 1)): the last share F of the log's time span in test, the
 *       library's one meaning of "the last 20%"; on an engagement log this is the seed notebook's
 *       protocol (relevant: the test period's new engaged pairs; every test pair's engagement rate
 *       predicted by the model);</li>
 *   <li>{@code kfold:K}: K-fold cross-validation over pairs;</li>
 *   <li>{@code protocolA}: the peer harness's 5-fold cross-validation (seed 42, docs/benchmarks.md);</li>
 *   <li>{@code protocolB}: the peer harness's per-user 20% holdout, top-N models trained on every
 *       rated pair as a positive.</li>
 * </ul>
 *
 * @param kind     the split kind
 * @param fraction the test fraction of {@code random}, {@code user} and {@code temporal:F}, else 0
 * @param count    N of {@code last}, K of {@code kfold}, else 0
 * @param cutoff   the time of {@code temporal}, else the epoch
 * @param text     the text it was parsed from
 */
public record SplitSpec(Kind kind, double fraction, int count, Instant cutoff, String text) {
    /** Minimum number of pairs a user needs to get test pairs in per-user splits. */
    public static final int MIN_HISTORY = 5;

    /** The split kinds. */
    public enum Kind {
        /** Random pair holdout. */
        RANDOM,
        /** Per-user fraction holdout. */
        USER,
        /** Per-user leave-last-N. */
        LAST,
        /** Temporal cut-off. */
        TEMPORAL,
        /** K-fold over pairs. */
        KFOLD,
        /** docs/protocols.md A. */
        PROTOCOL_A,
        /** docs/protocols.md B. */
        PROTOCOL_B
    }

    /** Validates the fields. */
    public SplitSpec {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(cutoff, "cutoff");
        Objects.requireNonNull(text, "text");
    }

    /**
     * Parses a split specification.
     *
     * @param text e.g. {@code "random:0.2"}
     * @return the specification
     * @throws IllegalArgumentException explaining the accepted forms if the text is not one of them
     */
    public static SplitSpec parse(String text) {
        String trimmed = text.trim();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.equals("protocola")) {
            return new SplitSpec(Kind.PROTOCOL_A, 0, 5, Instant.EPOCH, trimmed);
        }
        if (lower.equals("protocolb")) {
            return new SplitSpec(Kind.PROTOCOL_B, 0.2, 0, Instant.EPOCH, trimmed);
        }
        int colon = trimmed.indexOf(':');
        if (colon < 0) {
            throw invalid(trimmed);
        }
        String argument = trimmed.substring(colon + 1);
        try {
            switch (lower.substring(0, colon)) {
                case "random":
                    return new SplitSpec(Kind.RANDOM, fraction(argument, trimmed), 0, Instant.EPOCH, trimmed);
                case "user":
                    return new SplitSpec(Kind.USER, fraction(argument, trimmed), 0, Instant.EPOCH, trimmed);
                case "last":
                    return new SplitSpec(Kind.LAST, 0, atLeast(argument, 1, trimmed), Instant.EPOCH, trimmed);
                case "kfold":
                    return new SplitSpec(Kind.KFOLD, 0, atLeast(argument, 2, trimmed), Instant.EPOCH, trimmed);
                case "temporal":
                    return argument.matches("0?\\.\\d+")
                            ? new SplitSpec(Kind.TEMPORAL, fraction(argument, trimmed), 0, Instant.EPOCH, trimmed)
                            : new SplitSpec(Kind.TEMPORAL, 0, 0, time(argument, trimmed), trimmed);
                default:
                    throw invalid(trimmed);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("split '" + trimmed + "': '" + argument + "' is not a number");
        }
    }

    /**
     * The splitter.
     *
     * @param seed the seed of random splits (protocols A and B always use 42)
     * @return the splitter
     */
    public Splitter splitter(long seed) {
        return switch (kind) {
            case RANDOM -> RandomHoldout.of(fraction, seed);
            case USER -> PerUserHoldout.fraction(fraction, MIN_HISTORY, seed);
            case LAST -> PerUserHoldout.leaveLastN(count, count + 1);
            case TEMPORAL -> fraction > 0 ? TemporalSplit.lastShareOfTime(fraction) : TemporalSplit.at(cutoff);
            case KFOLD -> KFold.of(count, seed);
            case PROTOCOL_A -> KFold.protocolA(5, 42);
            case PROTOCOL_B -> PerUserHoldout.protocolB(0.2, MIN_HISTORY, 42);
        };
    }

    /** Whether training values are binarised (every training pair a positive), as in protocol B. */
    public boolean binariseTraining() {
        return kind == Kind.PROTOCOL_B;
    }

    /** Whether this is {@code temporal:FRACTION}: the last share of the time span is the test period. */
    public boolean lastShareOfTime() {
        return kind == Kind.TEMPORAL && fraction > 0;
    }

    @Override
    public String toString() {
        return text;
    }

    private static double fraction(String argument, String text) {
        double value = Double.parseDouble(argument);
        if (!(value > 0 && value < 1)) {
            throw new IllegalArgumentException("split '" + text + "': the fraction must be in (0, 1), got " + argument);
        }
        return value;
    }

    private static int atLeast(String argument, int minimum, String text) {
        int value = Integer.parseInt(argument);
        if (value < minimum) {
            throw new IllegalArgumentException("split '" + text + "': the count must be at least " + minimum
                    + ", got " + argument);
        }
        return value;
    }

    private static Instant time(String argument, String text) {
        try {
            return argument.contains("T") ? Instant.parse(argument)
                    : LocalDate.parse(argument).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("split '" + text + "': '" + argument
                    + "' is not an ISO date (2022-01-31) or instant (2022-01-31T12:00:00Z)");
        }
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("unknown split '" + text + "': expected random:FRACTION, user:FRACTION, "
                + "last:N, temporal:ISO-DATE, temporal:FRACTION, kfold:K, protocolA or protocolB");
    }

    /** Picocli converter: {@link #parse(String)}. */
    static final class Converter implements CommandLine.ITypeConverter<SplitSpec> {
        @Override
        public SplitSpec convert(String value) {
            try {
                return parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
