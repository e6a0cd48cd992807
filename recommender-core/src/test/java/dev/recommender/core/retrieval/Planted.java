package dev.recommender.core.retrieval;

import dev.recommender.core.data.Interactions;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Planted-structure data for the retrieval tests: {@code clusters} groups of users and of items; user
 * {@code u} is in group {@code u % clusters}, item {@code i} in group {@code i % clusters}; each user picks
 * {@code perUser} distinct items, each from the own group with probability {@code affinity}, otherwise
 * uniformly. Items are listed in pick order, so "first 80%" and "last 20%" splits are meaningful.
 */
final class Planted {
    final int users;
    final int items;
    final int clusters;
    final List<List<Integer>> picks;

    private Planted(int users, int items, int clusters, List<List<Integer>> picks) {
        this.users = users;
        this.items = items;
        this.clusters = clusters;
        this.picks = picks;
    }

    static Planted generate(int users, int items, int clusters, int perUser, double affinity, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<List<Integer>> picks = new ArrayList<>();
        int perCluster = items / clusters;
        for (int u = 0; u < users; u++) {
            int group = u % clusters;
            Set<Integer> chosen = new LinkedHashSet<>();
            while (chosen.size() < perUser) {
                int item = random.nextDouble() < affinity ? group + clusters * random.nextInt(perCluster)
                        : random.nextInt(items);
                chosen.add(item);
            }
            picks.add(new ArrayList<>(chosen));
        }
        return new Planted(users, items, clusters, picks);
    }

    static String user(int u) {
        return "u" + u;
    }

    static String item(int i) {
        return "i" + i;
    }

    int groupOfUser(int u) {
        return u % clusters;
    }

    int groupOfItem(String itemId) {
        return Integer.parseInt(itemId.substring(1)) % clusters;
    }

    /** All picks of all users as binary interactions; time = pick position. */
    Interactions all() {
        return interactions(0, 1.0, Set.of());
    }

    /**
     * Interactions with each user's picks from fraction {@code from} to {@code to} of their list (by position),
     * users in {@code skipUsers} left out.
     */
    Interactions interactions(double from, double to, Set<Integer> skipUsers) {
        Interactions.Builder builder = Interactions.builder();
        for (int u = 0; u < users; u++) {
            if (skipUsers.contains(u)) {
                continue;
            }
            List<Integer> list = picks.get(u);
            int start = (int) Math.round(from * list.size());
            int end = (int) Math.round(to * list.size());
            for (int k = start; k < end; k++) {
                builder.add(user(u), item(list.get(k)), 1f, 1, 0, k);
            }
        }
        return builder.build();
    }

    /** Item ids of a user's picks from fraction {@code from} to {@code to}. */
    List<String> itemsOf(int u, double from, double to) {
        List<Integer> list = picks.get(u);
        int start = (int) Math.round(from * list.size());
        int end = (int) Math.round(to * list.size());
        List<String> ids = new ArrayList<>();
        for (int k = start; k < end; k++) {
            ids.add(item(list.get(k)));
        }
        return ids;
    }

    /** Share of the recommended ids that belong to the user's group. */
    double groupPrecision(int u, List<String> recommended) {
        int hits = 0;
        for (String id : recommended) {
            if (groupOfItem(id) == groupOfUser(u)) {
                hits++;
            }
        }
        return (double) hits / recommended.size();
    }

    /** Share of {@code relevant} found in {@code recommended}. */
    static double recall(List<String> recommended, List<String> relevant) {
        Set<String> set = new HashSet<>(relevant);
        int hits = 0;
        for (String id : recommended) {
            if (set.contains(id)) {
                hits++;
            }
        }
        return (double) hits / relevant.size();
    }
}
