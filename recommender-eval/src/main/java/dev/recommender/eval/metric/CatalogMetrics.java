package dev.recommender.eval.metric;

/**
 * Properties of all users' recommendation lists together: catalog coverage and novelty.
 * Pure functions; thread-safe.
 *
 * <ul>
 *   <li>Coverage@k = distinct items in the users' top-k lists / distinct training items
 *       (protocol B of docs/protocols.md).</li>
 *   <li>Novelty@k = the mean self-information {@code -log2(users(i) / users)} of the recommended
 *       items over all (user, rank &le; k) slots, where {@code users(i)} is the number of training
 *       users of item {@code i} and {@code users} the number of training users (Zhou et al.,
 *       "Solving the apparent diversity-accuracy dilemma of recommender systems", PNAS 2010).
 *       Recommending only items every user has gives 0; rarer items give more bits.</li>
 * </ul>
 */
public final class CatalogMetrics {
    private CatalogMetrics() {
    }

    /**
     * Catalog coverage = distinct recommended items / catalog size.
     *
     * @param distinctRecommended number of distinct items in all lists
     * @param catalogSize         number of distinct training items, at least 1
     * @return the coverage in [0, 1]
     * @throws IllegalArgumentException if the counts are out of range
     */
    public static double coverage(int distinctRecommended, int catalogSize) {
        if (catalogSize < 1) {
            throw new IllegalArgumentException("catalogSize must be at least 1, got " + catalogSize);
        }
        if (distinctRecommended < 0 || distinctRecommended > catalogSize) {
            throw new IllegalArgumentException("distinctRecommended must be in [0, " + catalogSize + "], got "
                    + distinctRecommended);
        }
        return (double) distinctRecommended / catalogSize;
    }

    /**
     * Self-information of an item in bits, {@code -log2(itemUsers / userCount)}.
     *
     * @param itemUsers number of training users of the item, in [1, userCount]
     * @param userCount number of training users
     * @return the self-information, at least 0
     * @throws IllegalArgumentException if the counts are out of range
     */
    public static double selfInformation(int itemUsers, int userCount) {
        if (itemUsers < 1 || itemUsers > userCount) {
            throw new IllegalArgumentException("itemUsers must be in [1, userCount = " + userCount + "], got "
                    + itemUsers);
        }
        return -Math.log((double) itemUsers / userCount) / Math.log(2);
    }
}
