package dev.recommender.taste;

import dev.recommender.core.data.Interactions;

/**
 * A planted two-community fixture with non-numeric string ids: users {@code "reader:a-k"} and
 * {@code "reader:b-k"} (k = 0..19), items {@code "title/a-j"} and {@code "title/b-j"} (j = 0..29).
 * User k of group g "likes" the eight own-group items of a window starting at {@code s = 3k mod 30}
 * ({@code j = s, ..., s+7 mod 30}); users k and k+10 share a window and neighbouring windows
 * overlap, so every item is liked by about five users and the data is sparse enough (13%) for
 * co-occurrence statistics to mean something. A model that recovers the communities ranks unseen
 * own-group items above the other group's.
 *
 * <ul>
 *   <li>{@link #ratings()}: liked items valued {@code 4 + (j mod 2)}, and the three other-group items
 *       {@code j = s, s+1, s+2} valued {@code 2 - (j mod 2)}: values vary (Pearson needs that),
 *       users of one group agree exactly and users of different groups disagree;</li>
 *   <li>{@link #binary()}: the liked pairs, plus other-group item {@code j = s} for every fourth user
 *       as noise; all values 1.</li>
 * </ul>
 */
final class PlantedGroups {
    static final int USERS_PER_GROUP = 20;
    static final int ITEMS_PER_GROUP = 30;
    static final int LIKED = 8;
    static final int DISLIKED = 3;

    private PlantedGroups() {
    }

    static String user(char group, int k) {
        return "reader:" + group + "-" + k;
    }

    static String item(char group, int j) {
        return "title/" + group + "-" + j;
    }

    static char other(char group) {
        return group == 'a' ? 'b' : 'a';
    }

    /** The group letter of a user or item id of this fixture. */
    static char groupOf(String id) {
        return id.charAt(id.indexOf('-') - 1);
    }

    private static int windowStart(int k) {
        return (3 * k) % ITEMS_PER_GROUP;
    }

    /** Explicit ratings: liked items 4 or 5, three other-group items 1 or 2. */
    static Interactions ratings() {
        Interactions.Builder builder = Interactions.builder();
        for (char group : new char[] {'a', 'b'}) {
            for (int k = 0; k < USERS_PER_GROUP; k++) {
                for (int offset = 0; offset < LIKED; offset++) {
                    int j = (windowStart(k) + offset) % ITEMS_PER_GROUP;
                    builder.add(user(group, k), item(group, j), 4 + (j % 2));
                }
                for (int offset = 0; offset < DISLIKED; offset++) {
                    int j = (windowStart(k) + offset) % ITEMS_PER_GROUP;
                    builder.add(user(group, k), item(other(group), j), 2 - (j % 2));
                }
            }
        }
        return builder.build();
    }

    /** Implicit data: the liked pairs, and one other-group item for every fourth user; all values 1. */
    static Interactions binary() {
        Interactions.Builder builder = Interactions.builder();
        for (char group : new char[] {'a', 'b'}) {
            for (int k = 0; k < USERS_PER_GROUP; k++) {
                for (int offset = 0; offset < LIKED; offset++) {
                    builder.add(user(group, k), item(group, (windowStart(k) + offset) % ITEMS_PER_GROUP), 1);
                }
                if (k % 4 == 0) {
                    builder.add(user(group, k), item(other(group), windowStart(k)), 1);
                }
            }
        }
        return builder.build();
    }
}
