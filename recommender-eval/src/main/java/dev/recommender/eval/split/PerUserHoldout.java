package dev.recommender.eval.split;

import dev.recommender.core.data.EventLog;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Per-user holdout of (user, item) pairs: every user with at least {@code minHistory} pairs puts
 * some of them (with all their events) in test and keeps the rest, at least one, in training, so
 * every test user also has training data. Users with fewer pairs go entirely to training.
 *
 * <p>Two modes:
 * <ul>
 *   <li>{@link Mode#FRACTION}: one random stream for the whole split; users in ascending id order
 *       (numeric when every user id is an integer, so {@code "10"} follows {@code "9"}); each user's
 *       pairs sorted by item id (numeric likewise) and then shuffled (every user, whatever their
 *       history); a user with {@code n >= minHistory} pairs puts the first
 *       {@code max(1, Math.round(testFraction * n))} in test, capped at {@code n - 1}.
 *       With {@link ShuffleSource#JAVA_UTIL_RANDOM} this is protocol B of the peer harness exactly
 *       ({@link #protocolB(double, int, long)}; the cap never applies for fractions up to 0.5).</li>
 *   <li>{@link Mode#LAST_N} (leave-last-n): a user with {@code n >= minHistory} pairs puts the
 *       {@code lastN} pairs with the latest last-event times in test (ties: the pair that appeared
 *       later in the log counts as later). Deterministic without randomness.</li>
 * </ul>
 *
 * <p>O(n log n) for n events. Immutable and thread-safe.
 *
 * @param mode         how test pairs are chosen
 * @param testFraction share of each user's pairs held out ({@link Mode#FRACTION}), in (0, 1); 0 for last-n
 * @param lastN        pairs held out per user ({@link Mode#LAST_N}), at least 1; 0 for fraction
 * @param minHistory   minimum pairs a user needs to be tested
 * @param seed         the shuffle seed (unused by last-n)
 * @param source       the random stream used for the shuffle
 */
public record PerUserHoldout(Mode mode, double testFraction, int lastN, int minHistory, long seed,
                             ShuffleSource source) implements Splitter {

    /** How a user's test pairs are chosen. */
    public enum Mode {
        /** A random fraction of each user's pairs. */
        FRACTION,
        /** Each user's latest {@code lastN} pairs by time. */
        LAST_N
    }

    /**
     * Validates the fields.
     *
     * @throws IllegalArgumentException if a field is out of range for the mode
     */
    public PerUserHoldout {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(source, "source");
        if (mode == Mode.FRACTION) {
            if (!(testFraction > 0 && testFraction < 1)) {
                throw new IllegalArgumentException("testFraction must be in (0, 1), got " + testFraction);
            }
            if (lastN != 0) {
                throw new IllegalArgumentException("lastN must be 0 in FRACTION mode, got " + lastN);
            }
            if (minHistory < 2) {
                throw new IllegalArgumentException("minHistory must be at least 2 so every test user keeps "
                        + "training data, got " + minHistory);
            }
        } else {
            if (lastN < 1) {
                throw new IllegalArgumentException("lastN must be at least 1, got " + lastN);
            }
            if (testFraction != 0) {
                throw new IllegalArgumentException("testFraction must be 0 in LAST_N mode, got " + testFraction);
            }
            if (minHistory < lastN + 1) {
                throw new IllegalArgumentException("minHistory must be at least lastN + 1 = " + (lastN + 1)
                        + " so every test user keeps training data, got " + minHistory);
            }
        }
    }

    /**
     * Holds out a random {@code testFraction} of each user's pairs, shuffled by a
     * {@link java.util.SplittableRandom}.
     *
     * @param testFraction share of each user's pairs, in (0, 1)
     * @param minHistory   minimum pairs for a user to be tested, at least 2
     * @param seed         the shuffle seed
     * @return the splitter
     */
    public static PerUserHoldout fraction(double testFraction, int minHistory, long seed) {
        return new PerUserHoldout(Mode.FRACTION, testFraction, 0, minHistory, seed, ShuffleSource.SPLITTABLE_RANDOM);
    }

    /**
     * Holds out each user's last {@code lastN} pairs by time (leave-last-n).
     *
     * @param lastN      pairs per user, at least 1
     * @param minHistory minimum pairs for a user to be tested, at least {@code lastN + 1}
     * @return the splitter
     */
    public static PerUserHoldout leaveLastN(int lastN, int minHistory) {
        return new PerUserHoldout(Mode.LAST_N, 0, lastN, minHistory, 0L, ShuffleSource.SPLITTABLE_RANDOM);
    }

    /**
     * Protocol B of the peer harness (docs/protocols.md): one {@code new java.util.Random(seed)}, users
     * ascending, ratings sorted by item id then shuffled with {@code Collections.shuffle}, the first
     * {@code max(1, round(testFraction * n))} of users with at least {@code minHistory} ratings in
     * test. Use {@code protocolB(0.2, 5, 42)}.
     *
     * @param testFraction share of each user's pairs, in (0, 1)
     * @param minHistory   minimum pairs for a user to be tested, at least 2
     * @param seed         the {@code java.util.Random} seed
     * @return the splitter
     */
    public static PerUserHoldout protocolB(double testFraction, int minHistory, long seed) {
        return new PerUserHoldout(Mode.FRACTION, testFraction, 0, minHistory, seed, ShuffleSource.JAVA_UTIL_RANDOM);
    }

    @Override
    public String name() {
        if (mode == Mode.LAST_N) {
            return "per-user leave-last-" + lastN + " (min history " + minHistory + ")";
        }
        return "per-user " + Math.round(testFraction * 100) + "% holdout (min history " + minHistory + ", "
                + (source == ShuffleSource.JAVA_UTIL_RANDOM ? "protocol B, " : "") + "seed " + seed + ")";
    }

    @Override
    public List<Split> split(EventLog events) {
        EventPairs pairs = EventPairs.of(events);
        int userCount = events.users().size();
        int[][] byUser = pairs.pairsByUser(userCount);
        int[] start = byUser[0];
        int[] userPairs = byUser[1];
        boolean[] test = new boolean[pairs.pairCount()];
        int testCount = mode == Mode.FRACTION
                ? chooseFraction(events, pairs, start, userPairs, test)
                : chooseLastN(pairs, start, userPairs, test);
        if (testCount == 0) {
            throw new IllegalArgumentException("no user has at least minHistory = " + minHistory
                    + " pairs: the test set would be empty");
        }
        return List.of(pairs.split(events, test));
    }

    private int chooseFraction(EventLog events, EventPairs pairs, int[] start, int[] userPairs, boolean[] test) {
        int userCount = start.length - 1;
        int[] userRank = IdOrder.ranks(events.users());
        int[] usersAscending = new int[userCount];
        for (int u = 0; u < userCount; u++) {
            usersAscending[userRank[u]] = u;
        }
        int[] itemRank = IdOrder.ranks(events.items());
        ShuffleSource.IntSource random = source.stream(seed);
        long[] keys = new long[0];
        int[] list = new int[0];
        int testCount = 0;
        for (int user : usersAscending) {
            int n = start[user + 1] - start[user];
            if (n == 0) {
                continue;
            }
            if (keys.length < n) {
                keys = new long[n];
                list = new int[n];
            }
            for (int k = 0; k < n; k++) {
                int pair = userPairs[start[user] + k];
                keys[k] = ((long) itemRank[pairs.item(pair)] << 32) | pair;
            }
            Arrays.sort(keys, 0, n);
            for (int k = 0; k < n; k++) {
                list[k] = (int) keys[k];
            }
            random.shuffle(list, 0, n);
            if (n >= minHistory) {
                int held = Math.min(n - 1, Math.max(1, (int) Math.round(testFraction * n)));
                for (int k = 0; k < held; k++) {
                    test[list[k]] = true;
                }
                testCount += held;
            }
        }
        return testCount;
    }

    private int chooseLastN(EventPairs pairs, int[] start, int[] userPairs, boolean[] test) {
        // Dense rank of each pair's last time, so (time rank, pair) packs into one sortable long.
        int pairCount = pairs.pairCount();
        long[] times = new long[pairCount];
        for (int pair = 0; pair < pairCount; pair++) {
            times[pair] = pairs.lastTimeMillis(pair);
        }
        Arrays.sort(times);
        int userCount = start.length - 1;
        int testCount = 0;
        long[] keys = new long[0];
        for (int user = 0; user < userCount; user++) {
            int n = start[user + 1] - start[user];
            if (n < minHistory) {
                continue;
            }
            if (keys.length < n) {
                keys = new long[n];
            }
            for (int k = 0; k < n; k++) {
                int pair = userPairs[start[user] + k];
                long timeRank = Arrays.binarySearch(times, pairs.lastTimeMillis(pair));
                keys[k] = (timeRank << 32) | pair;
            }
            // Ascending by (last time, first appearance): the user's latest pairs are at the end.
            Arrays.sort(keys, 0, n);
            for (int k = n - lastN; k < n; k++) {
                test[(int) keys[k]] = true;
            }
            testCount += lastN;
        }
        return testCount;
    }
}
