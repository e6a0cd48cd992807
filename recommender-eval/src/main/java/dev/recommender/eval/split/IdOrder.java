package dev.recommender.eval.split;

import dev.recommender.core.data.IdIndex;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Orders the ids of an index ascending: numerically when every id is a decimal integer (as
 * MovieLens ids are, so {@code "10"} comes after {@code "9"}), otherwise by
 * {@link String#compareTo(String)}.
 */
final class IdOrder {
    private IdOrder() {
    }

    /**
     * Returns the rank of every dense index in ascending id order: {@code rank[index]} in
     * {@code 0..size-1}.
     */
    static int[] ranks(IdIndex ids) {
        int n = ids.size();
        Integer[] order = new Integer[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
        }
        if (allIntegers(ids)) {
            BigInteger[] values = new BigInteger[n];
            for (int k = 0; k < n; k++) {
                values[k] = new BigInteger(ids.id(k));
            }
            Arrays.sort(order, (a, b) -> values[a].compareTo(values[b]));
        } else {
            Arrays.sort(order, (a, b) -> ids.id(a).compareTo(ids.id(b)));
        }
        int[] rank = new int[n];
        for (int r = 0; r < n; r++) {
            rank[order[r]] = r;
        }
        return rank;
    }

    static boolean allIntegers(IdIndex ids) {
        for (int k = 0; k < ids.size(); k++) {
            if (!isInteger(ids.id(k))) {
                return false;
            }
        }
        return ids.size() > 0;
    }

    private static boolean isInteger(String id) {
        int start = id.startsWith("-") ? 1 : 0;
        if (id.length() == start) {
            return false;
        }
        for (int k = start; k < id.length(); k++) {
            char c = id.charAt(k);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
