package dev.recommender.core.ranking;

import dev.recommender.core.data.EventLog;
import dev.recommender.core.data.IdIndex;
import dev.recommender.core.io.ModelData;

import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * User, item and pair statistics of an event history as of a reference time, turned into the
 * {@link RankingFeature} vector of a (user, item) pair.
 *
 * <p>{@link #of(EventLog, long, FeatureConfig)} reads only events strictly before the reference
 * time, so features built for training (reference = cut-off, labels from later events) never see
 * their labels, and the served model (reference = end of the training log) sees what it was
 * trained to see. Users and items without a history event get neutral values (zero counts, the
 * global rate as their rate, -1 days since the last event), exactly as the training examples of
 * newcomers did.
 *
 * <p>Cost: O(n log n) to build for n history events; a feature vector by index costs one binary
 * search within the user's own pairs ({@link #fillRows} computes the user's part once per request).
 * Memory: about 30 bytes per user, item and history pair. Immutable and thread-safe.
 */
public final class RankingFeatures {
    private static final double DAY_MILLIS = 86_400_000.0;

    private final IdIndex users;
    private final IdIndex items;
    private final long referenceMillis;
    private final double globalRate;
    private final double priorStrength;
    private final int[] userEvents;
    private final int[] userEngaged;
    private final long[] userLastMillis;
    private final int[] itemEvents;
    private final int[] itemEngaged;
    private final int[] itemUsers;
    private final int[] itemRecentEvents;
    private final long[] itemFirstMillis;
    private final long[] pairKeys;
    private final int[] pairEvents;
    private final int[] pairEngaged;
    /** Where each user's pairs start in {@link #pairKeys} (sorted by user, then item); one more than users. */
    private final int[] userPairStart;

    private RankingFeatures(IdIndex users, IdIndex items, long referenceMillis, double globalRate, double priorStrength,
                            int[] userEvents, int[] userEngaged, long[] userLastMillis, int[] itemEvents,
                            int[] itemEngaged, int[] itemUsers, int[] itemRecentEvents, long[] itemFirstMillis,
                            long[] pairKeys, int[] pairEvents, int[] pairEngaged) {
        this.users = users;
        this.items = items;
        this.referenceMillis = referenceMillis;
        this.globalRate = globalRate;
        this.priorStrength = priorStrength;
        this.userEvents = userEvents;
        this.userEngaged = userEngaged;
        this.userLastMillis = userLastMillis;
        this.itemEvents = itemEvents;
        this.itemEngaged = itemEngaged;
        this.itemUsers = itemUsers;
        this.itemRecentEvents = itemRecentEvents;
        this.itemFirstMillis = itemFirstMillis;
        this.pairKeys = pairKeys;
        this.pairEvents = pairEvents;
        this.pairEngaged = pairEngaged;
        this.userPairStart = userPairStarts(pairKeys, users.size());
    }

    /** Offsets of each user's run of sorted pair keys: user u's pairs are {@code [start[u], start[u + 1])}. */
    private static int[] userPairStarts(long[] keys, int userCount) {
        int[] start = new int[userCount + 1];
        for (long key : keys) {
            start[PairCounts.userOf(key) + 1]++;
        }
        for (int u = 0; u < userCount; u++) {
            start[u + 1] += start[u];
        }
        return start;
    }

    /** Position of a pair in {@link #pairKeys}, searched within the user's run, or -1. */
    private int pairOf(int user, int item) {
        if (user < 0 || item < 0 || user >= users.size()) {
            return -1;
        }
        int position = Arrays.binarySearch(pairKeys, userPairStart[user], userPairStart[user + 1],
                PairCounts.key(user, item));
        return position < 0 ? -1 : position;
    }

    /**
     * Computes the statistics of the events of {@code log} strictly before {@code referenceMillis}.
     *
     * @param log             the events (later events are ignored)
     * @param referenceMillis the reference time: the training cut-off, or one past the last event when serving
     * @param config          which event types are engagements, smoothing, recent window
     * @return the statistics; users and items of the log without a history event get neutral features
     */
    public static RankingFeatures of(EventLog log, long referenceMillis, FeatureConfig config) {
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(config, "config");
        boolean[] engagedType = engagedTypes(log, config);
        PairCounts pairs = PairCounts.of(log, Long.MIN_VALUE, referenceMillis, engagedType);
        int userCount = log.users().size();
        int itemCount = log.items().size();
        int[] userEvents = new int[userCount];
        int[] userEngaged = new int[userCount];
        long[] userLast = new long[userCount];
        Arrays.fill(userLast, Long.MIN_VALUE);
        int[] itemEvents = new int[itemCount];
        int[] itemEngaged = new int[itemCount];
        int[] itemUsers = new int[itemCount];
        int[] itemRecent = new int[itemCount];
        long[] itemFirst = new long[itemCount];
        Arrays.fill(itemFirst, Long.MAX_VALUE);
        long recentStart = referenceMillis - config.recentDays() * 86_400_000L;
        long totalEvents = 0;
        long totalEngaged = 0;
        for (int e = 0, n = log.size(); e < n; e++) {
            long time = log.timeMillis(e);
            if (time >= referenceMillis) {
                continue;
            }
            int user = log.userIndex(e);
            int item = log.itemIndex(e);
            int engaged = engagedType[log.eventType(e)] ? 1 : 0;
            userEvents[user]++;
            userEngaged[user] += engaged;
            userLast[user] = Math.max(userLast[user], time);
            itemEvents[item]++;
            itemEngaged[item] += engaged;
            itemFirst[item] = Math.min(itemFirst[item], time);
            if (time >= recentStart) {
                itemRecent[item]++;
            }
            totalEvents++;
            totalEngaged += engaged;
        }
        int pairCount = pairs.size();
        long[] keys = new long[pairCount];
        int[] events = new int[pairCount];
        int[] engaged = new int[pairCount];
        for (int k = 0; k < pairCount; k++) {
            keys[k] = pairs.keyAt(k);
            events[k] = pairs.eventsAt(k);
            engaged[k] = pairs.engagedAt(k);
            itemUsers[PairCounts.itemOf(keys[k])]++;
        }
        double globalRate = totalEvents == 0 ? 0 : (double) totalEngaged / totalEvents;
        return new RankingFeatures(log.users(), log.items(), referenceMillis, globalRate, config.priorStrength(),
                userEvents, userEngaged, userLast, itemEvents, itemEngaged, itemUsers, itemRecent, itemFirst,
                keys, events, engaged);
    }

    static boolean[] engagedTypes(EventLog log, FeatureConfig config) {
        boolean[] engagedType = new boolean[Math.max(1, log.eventTypes().size())];
        for (int t = 0; t < log.eventTypes().size(); t++) {
            engagedType[t] = config.engagedEventTypes().contains(log.eventTypes().id(t));
        }
        return engagedType;
    }

    /** The users of the features' numbering (the training log's). */
    public IdIndex users() {
        return users;
    }

    /** The items of the features' numbering (the training log's). */
    public IdIndex items() {
        return items;
    }

    /** The reference time, milliseconds since the epoch: only events before it were counted. */
    public long referenceMillis() {
        return referenceMillis;
    }

    /** Share of engagement events among all history events (0 without history). */
    public double globalRate() {
        return globalRate;
    }

    /** Whether the user has at least one history event. */
    public boolean hasHistory(String userId) {
        OptionalInt user = users.find(userId);
        return user.isPresent() && userEvents[user.getAsInt()] > 0;
    }

    /** Whether the user has at least one history event with the item. */
    public boolean hasEvents(String userId, String itemId) {
        return hasEvents(users.find(userId).orElse(-1), items.find(itemId).orElse(-1));
    }

    /**
     * Whether the user has at least one history event with the item, by index.
     *
     * @param user a user index of {@link #users()}, or -1
     * @param item an item index of {@link #items()}, or -1
     * @return true if the pair has a history event
     */
    public boolean hasEvents(int user, int item) {
        return pairOf(user, item) >= 0;
    }

    /** Number of distinct items the user has history events with. */
    public int historyItemCount(String userId) {
        return historyItemCount(users.find(userId).orElse(-1));
    }

    /**
     * Number of distinct items the user has history events with, by index.
     *
     * @param user a user index of {@link #users()}, or -1
     * @return the count, 0 for -1
     */
    public int historyItemCount(int user) {
        if (user < 0 || user >= users.size()) {
            return 0;
        }
        return userPairStart[user + 1] - userPairStart[user];
    }

    /**
     * Writes the features of a pair into {@code out} in {@link RankingFeature} order.
     *
     * @param userId         external user id, known or not
     * @param itemId         external item id, known or not
     * @param retrievalScore the retrieval model's score for the pair
     * @param svdScore       the rating model's prediction for the pair
     * @param exposureScore  the rating model's exposure score for the pair, 0 if it has none
     * @param out            receives {@link RankingFeature#count()} values
     * @throws IllegalArgumentException if {@code out} is shorter than {@link RankingFeature#count()}
     */
    public void fill(String userId, String itemId, double retrievalScore, double svdScore, double exposureScore,
                     double[] out) {
        if (out.length < RankingFeature.count()) {
            throw new IllegalArgumentException("out must hold " + RankingFeature.count() + " features, got length "
                    + out.length);
        }
        OptionalInt user = users.find(userId);
        OptionalInt item = items.find(itemId);
        fill(user.isPresent() ? user.getAsInt() : -1, item.isPresent() ? item.getAsInt() : -1,
                retrievalScore, svdScore, exposureScore, out);
    }

    /** Allocating form of {@link #fill(String, String, double, double, double, double[])}. */
    public double[] features(String userId, String itemId, double retrievalScore, double svdScore,
                             double exposureScore) {
        double[] out = new double[RankingFeature.count()];
        fill(userId, itemId, retrievalScore, svdScore, exposureScore, out);
        return out;
    }

    /**
     * Writes the features of a pair by index into {@code out} in {@link RankingFeature} order.
     *
     * @param user           a user index of {@link #users()}, or -1 for a user without history
     * @param item           an item index of {@link #items()}, or -1 for an item without history
     * @param retrievalScore the retrieval model's score for the pair
     * @param svdScore       the rating model's prediction for the pair
     * @param exposureScore  the rating model's exposure score for the pair, 0 if it has none
     * @param out            receives {@link RankingFeature#count()} values
     */
    public void fill(int user, int item, double retrievalScore, double svdScore, double exposureScore,
                     double[] out) {
        fillUser(user, out, 0);
        fillItem(user, item, retrievalScore, svdScore, exposureScore, out, 0);
    }

    /**
     * Writes the features of one user with several items by index into consecutive rows of a
     * row-major matrix ({@link RankingFeature#count()} values per row): the user's part is computed
     * once, each item's part with one binary search within the user's pairs. Row {@code k} equals
     * what {@link #fill(int, int, double, double, double, double[])} writes for {@code items[k]}.
     *
     * @param user            a user index of {@link #users()}, or -1
     * @param items           item indexes of {@link #items()} (or -1), the first {@code count} are used
     * @param retrievalScores the retrieval model's score per item
     * @param svdScores       the rating model's prediction per item
     * @param exposureScores  the rating model's exposure score per item (zeros if it has none)
     * @param count           rows to write
     * @param matrix          receives {@code count} rows, length at least {@code count * RankingFeature.count()}
     */
    public void fillRows(int user, int[] items, double[] retrievalScores, float[] svdScores, float[] exposureScores,
                         int count, double[] matrix) {
        int width = RankingFeature.count();
        if (count <= 0) {
            return;
        }
        fillUser(user, matrix, 0);
        for (int k = 0; k < count; k++) {
            if (k > 0) {
                System.arraycopy(matrix, 0, matrix, k * width, width);
            }
            fillItem(user, items[k], retrievalScores[k], svdScores[k], exposureScores[k], matrix, k * width);
        }
    }

    /** The user's columns of a row starting at {@code offset}. */
    private void fillUser(int user, double[] out, int offset) {
        int uEvents = user < 0 ? 0 : userEvents[user];
        int uEngaged = user < 0 ? 0 : userEngaged[user];
        out[offset + RankingFeature.USER_EVENTS.ordinal()] = Math.log1p(uEvents);
        out[offset + RankingFeature.USER_ENGAGEMENT_RATE.ordinal()] = smoothed(uEngaged, uEvents, globalRate);
        out[offset + RankingFeature.DAYS_SINCE_USER_LAST_EVENT.ordinal()] =
                uEvents == 0 ? -1 : (referenceMillis - userLastMillis[user]) / DAY_MILLIS;
    }

    /** The pair's and item's columns of a row starting at {@code offset} whose user columns are filled. */
    private void fillItem(int user, int item, double retrievalScore, double svdScore, double exposureScore,
                          double[] out, int offset) {
        double m = priorStrength;
        double userRate = out[offset + RankingFeature.USER_ENGAGEMENT_RATE.ordinal()];
        out[offset + RankingFeature.RETRIEVAL_SCORE.ordinal()] = retrievalScore;
        out[offset + RankingFeature.SVD_SCORE.ordinal()] = svdScore;
        out[offset + RankingFeature.EXPOSURE_SCORE.ordinal()] = exposureScore;
        int iEvents = item < 0 ? 0 : itemEvents[item];
        out[offset + RankingFeature.ITEM_USERS.ordinal()] = Math.log1p(item < 0 ? 0 : itemUsers[item]);
        out[offset + RankingFeature.ITEM_RECENT_EVENTS.ordinal()] = Math.log1p(item < 0 ? 0 : itemRecentEvents[item]);
        out[offset + RankingFeature.ITEM_ENGAGEMENT_RATE.ordinal()] =
                smoothed(item < 0 ? 0 : itemEngaged[item], iEvents, globalRate);
        out[offset + RankingFeature.ITEM_AGE_DAYS.ordinal()] =
                iEvents == 0 ? 0 : (referenceMillis - itemFirstMillis[item]) / DAY_MILLIS;
        int pair = pairOf(user, item);
        int pEvents = pair < 0 ? 0 : pairEvents[pair];
        int pEngaged = pair < 0 ? 0 : pairEngaged[pair];
        out[offset + RankingFeature.PAIR_EVENTS.ordinal()] = pEvents;
        out[offset + RankingFeature.PAIR_ENGAGEMENT_RATE.ordinal()] =
                (pEngaged + m * userRate) / (pEvents + m == 0 ? 1 : pEvents + m);
    }

    private double smoothed(int engaged, int events, double prior) {
        double denominator = events + priorStrength;
        return denominator == 0 ? prior : (engaged + priorStrength * prior) / denominator;
    }

    /** Writes the statistics into model data under a name prefix. */
    public void writeTo(ModelData.Builder data, String prefix) {
        data.property(prefix + "referenceMillis", referenceMillis)
                .property(prefix + "globalRate", Double.toString(globalRate))
                .property(prefix + "priorStrength", Double.toString(priorStrength))
                .putStrings(prefix + "users", users.toArray())
                .putStrings(prefix + "items", items.toArray())
                .putInts(prefix + "userEvents", userEvents)
                .putInts(prefix + "userEngaged", userEngaged)
                .putLongs(prefix + "userLastMillis", userLastMillis)
                .putInts(prefix + "itemEvents", itemEvents)
                .putInts(prefix + "itemEngaged", itemEngaged)
                .putInts(prefix + "itemUsers", itemUsers)
                .putInts(prefix + "itemRecentEvents", itemRecentEvents)
                .putLongs(prefix + "itemFirstMillis", itemFirstMillis)
                .putLongs(prefix + "pairKeys", pairKeys)
                .putInts(prefix + "pairEvents", pairEvents)
                .putInts(prefix + "pairEngaged", pairEngaged);
    }

    /**
     * Reads statistics written by {@link #writeTo}.
     *
     * @throws IllegalArgumentException if sections are missing or inconsistent
     */
    public static RankingFeatures readFrom(ModelData data, String prefix) {
        IdIndex users = IdIndex.of(data.strings(prefix + "users"));
        IdIndex items = IdIndex.of(data.strings(prefix + "items"));
        int[] userEvents = data.ints(prefix + "userEvents");
        int[] userEngaged = data.ints(prefix + "userEngaged");
        long[] userLast = data.longs(prefix + "userLastMillis");
        int[] itemEvents = data.ints(prefix + "itemEvents");
        int[] itemEngaged = data.ints(prefix + "itemEngaged");
        int[] itemUsers = data.ints(prefix + "itemUsers");
        int[] itemRecent = data.ints(prefix + "itemRecentEvents");
        long[] itemFirst = data.longs(prefix + "itemFirstMillis");
        long[] keys = data.longs(prefix + "pairKeys");
        int[] pairEvents = data.ints(prefix + "pairEvents");
        int[] pairEngaged = data.ints(prefix + "pairEngaged");
        int u = users.size();
        int i = items.size();
        if (userEvents.length != u || userEngaged.length != u || userLast.length != u || itemEvents.length != i
                || itemEngaged.length != i || itemUsers.length != i || itemRecent.length != i || itemFirst.length != i
                || pairEvents.length != keys.length || pairEngaged.length != keys.length) {
            throw new IllegalArgumentException("ranking feature sections have inconsistent lengths");
        }
        for (int k = 0; k < keys.length; k++) {
            if ((k > 0 && keys[k] <= keys[k - 1]) || PairCounts.userOf(keys[k]) < 0 || PairCounts.userOf(keys[k]) >= u
                    || PairCounts.itemOf(keys[k]) < 0
                    || PairCounts.itemOf(keys[k]) >= i) {
                throw new IllegalArgumentException("ranking feature pair keys are unsorted or out of range at " + k);
            }
        }
        return new RankingFeatures(users, items, data.longProperty(prefix + "referenceMillis"),
                data.doubleProperty(prefix + "globalRate"), data.doubleProperty(prefix + "priorStrength"),
                userEvents, userEngaged, userLast, itemEvents, itemEngaged, itemUsers, itemRecent, itemFirst,
                keys, pairEvents, pairEngaged);
    }
}
