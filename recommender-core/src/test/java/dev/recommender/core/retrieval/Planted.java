package dev.recommender.core.retrieval;

import dev.recommender.core.RecommendRequest;
import dev.recommender.core.Recommender;
import dev.recommender.core.data.Interactions;
import dev.recommender.core.io.ModelStore;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /** Mean over all users of the share of their top-{@code k} list that belongs to their group. */
    double meanGroupPrecision(Recommender model, int k) {
        double precision = 0;
        for (int u = 0; u < users; u++) {
            precision += groupPrecision(u, model.recommend(user(u), k).itemIds());
        }
        return precision / users;
    }

    /** Share of the recommended ids that belong to the user's group. */
    private double groupPrecision(int u, List<String> recommended) {
        int hits = 0;
        for (String id : recommended) {
            if (groupOfItem(id) == groupOfUser(u)) {
                hits++;
            }
        }
        return (double) hits / recommended.size();
    }

    /**
     * Checks that folding in serves a new user almost as well as training on them. On 600 users in 10 groups, every
     * user's first 80% of picks is training data; every 7th user (7 is prime to the 10 groups, so every group keeps
     * most of its users) is either trained normally or held out and folded in from those 80%; recall@20 on their
     * last 20% must be above 0.2 when trained and within 10% of that when folded in.
     *
     * @param label  the model's name in the printed line
     * @param fit    fits the model on training interactions
     * @param foldIn folds a user in from their items, oldest first
     * @param <M>    the model type
     */
    static <M extends EmbeddingRecommender> void assertFoldInRecallsAlmostAsWellAsTraining(
            String label, Function<Interactions, M> fit, BiFunction<M, List<String>, UserEmbedding> foldIn) {
        Planted planted = generate(600, 300, 10, 20, 0.8, 5);
        Set<Integer> held = new HashSet<>();
        for (int u = 0; u < planted.users; u += 7) {
            held.add(u);
        }
        M trained = fit.apply(planted.interactions(0, 0.8, Set.of()));
        M without = fit.apply(planted.interactions(0, 0.8, held));
        double trainedRecall = 0;
        double foldedRecall = 0;
        for (int u : held) {
            List<String> future = planted.itemsOf(u, 0.8, 1.0);
            trainedRecall += recall(trained.recommend(user(u), 20).itemIds(), future);
            assertFalse(without.knowsUser(user(u)));
            UserEmbedding folded = foldIn.apply(without, planted.itemsOf(u, 0, 0.8));
            foldedRecall += recall(without.recommend(folded, RecommendRequest.top(20)).itemIds(), future);
        }
        trainedRecall /= held.size();
        foldedRecall /= held.size();
        System.out.printf("%s recall@20: trained %.4f, folded in %.4f%n", label, trainedRecall, foldedRecall);
        assertTrue(trainedRecall > 0.2, "trained recall " + trainedRecall);
        assertTrue(Math.abs(foldedRecall - trainedRecall) <= 0.1 * trainedRecall,
                "folded-in recall " + foldedRecall + " vs trained " + trainedRecall);
    }

    /**
     * Saves a model fitted on these picks, loads it back and checks that the copy answers as the original: the first 20 users' top-10 lists and the fold-in of user 0's first half.
     *
     * @param model  the fitted model
     * @param file   where to save it
     * @param type   the model class to load
     * @param foldIn folds a user in from their items, oldest first
     * @param <M>    the model type
     * @return the loaded copy, for model-specific checks
     * @throws IOException if the file cannot be written or read
     */
    <M extends EmbeddingRecommender> M assertSavedAndLoadedAnswersIdentically(M model, Path file, Class<M> type,
            BiFunction<M, List<String>, UserEmbedding> foldIn) throws IOException {
        ModelStore.save(model, file);
        M loaded = ModelStore.load(file, type);
        for (int u = 0; u < 20; u++) {
            assertEquals(model.recommend(user(u), 10), loaded.recommend(user(u), 10));
        }
        List<String> items = itemsOf(0, 0, 0.5);
        assertArrayEquals(foldIn.apply(model, items).vector(), foldIn.apply(loaded, items).vector());
        return loaded;
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
