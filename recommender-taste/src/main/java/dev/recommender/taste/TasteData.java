package dev.recommender.taste;

import dev.recommender.core.SeenItems;
import dev.recommender.core.data.IdIndex;
import dev.recommender.core.data.Interactions;
import dev.recommender.core.internal.Shuffle;
import org.apache.mahout.cf.taste.impl.common.FastByIDMap;
import org.apache.mahout.cf.taste.impl.common.FastIDSet;
import org.apache.mahout.cf.taste.impl.model.GenericBooleanPrefDataModel;
import org.apache.mahout.cf.taste.impl.model.GenericDataModel;
import org.apache.mahout.cf.taste.impl.model.GenericUserPreferenceArray;
import org.apache.mahout.cf.taste.model.DataModel;
import org.apache.mahout.cf.taste.model.PreferenceArray;

import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.SplittableRandom;

/**
 * Training interactions as an in-memory Mahout Taste {@link DataModel}, with the mapping between
 * our string ids and Taste's {@code long} ids.
 *
 * <p>Id mapping: the user with dense index {@code u} in {@link Interactions#users()} gets the Taste
 * id {@code permutation[u]}, where the permutation of {@code 0..userCount-1} is the identity
 * ({@link #of(Interactions, Preferences)}) or a Fisher–Yates shuffle drawn from a
 * {@link SplittableRandom} seeded with the given seed ({@link #of(Interactions, Preferences, long)});
 * items likewise with their own permutation. Taste ids are therefore dense, non-negative and
 * unrelated to the external ids, which may be any strings. Taste orders users and items by id and
 * hands out random numbers in that order, so the permutation is how a seed reaches Taste (see the
 * package documentation).
 *
 * <p>Preferences: {@link Preferences#VALUES} keeps each entry's value in a {@link GenericDataModel}
 * (ratings, engagement rates, confidence weights); {@link Preferences#BOOLEAN} keeps only the
 * presence of a pair in a {@link GenericBooleanPrefDataModel}, which Taste's boolean recommenders
 * and the log-likelihood similarity expect.
 *
 * <p>Cost: O(entries) time to build; Taste's models take about 30 (boolean) to 60 (values) bytes per
 * entry on top of the interactions. Thread safety: immutable; Taste's generic data models reject
 * writes with {@link UnsupportedOperationException}, so the {@link #dataModel()} may be shared.
 */
public final class TasteData {
    /** Which Taste data model to build. */
    public enum Preferences {
        /** A {@link GenericDataModel} holding each entry's value. */
        VALUES,
        /** A {@link GenericBooleanPrefDataModel} holding only which pairs exist. */
        BOOLEAN
    }

    private final Preferences preferences;
    private final SeenItems seen;
    private final double meanValue;
    private final int[] tasteIdOfUser;
    private final int[] userOfTasteId;
    private final int[] tasteIdOfItem;
    private final int[] itemOfTasteId;
    private final DataModel dataModel;

    private TasteData(Interactions training, Preferences preferences, int[] tasteIdOfUser, int[] tasteIdOfItem) {
        this.preferences = preferences;
        this.seen = SeenItems.of(training);
        this.meanValue = training.meanValue();
        this.tasteIdOfUser = tasteIdOfUser;
        this.userOfTasteId = inverse(tasteIdOfUser);
        this.tasteIdOfItem = tasteIdOfItem;
        this.itemOfTasteId = inverse(tasteIdOfItem);
        this.dataModel = preferences == Preferences.BOOLEAN ? booleanModel(training) : valueModel(training);
    }

    /**
     * Builds the Taste data with the identity id mapping (Taste id = dense index).
     *
     * @param training    the training interactions, not empty
     * @param preferences which data model to build
     * @return the data
     * @throws IllegalArgumentException if {@code training} has no entries
     */
    public static TasteData of(Interactions training, Preferences preferences) {
        checkNotEmpty(training);
        Objects.requireNonNull(preferences, "preferences");
        return new TasteData(training, preferences, identity(training.userCount()), identity(training.itemCount()));
    }

    /**
     * Builds the Taste data with user and item ids permuted by a seed.
     *
     * @param training    the training interactions, not empty
     * @param preferences which data model to build
     * @param seed        seed of the two id permutations
     * @return the data
     * @throws IllegalArgumentException if {@code training} has no entries
     */
    public static TasteData of(Interactions training, Preferences preferences, long seed) {
        checkNotEmpty(training);
        Objects.requireNonNull(preferences, "preferences");
        SplittableRandom userRandom = new SplittableRandom(seed);
        SplittableRandom itemRandom = userRandom.split();
        return new TasteData(training, preferences, Shuffle.permutation(training.userCount(), userRandom),
                Shuffle.permutation(training.itemCount(), itemRandom));
    }

    private static void checkNotEmpty(Interactions training) {
        Objects.requireNonNull(training, "training");
        if (training.size() == 0) {
            throw new IllegalArgumentException("training interactions must not be empty, got " + training);
        }
    }

    private static int[] identity(int n) {
        int[] ids = new int[n];
        for (int k = 0; k < n; k++) {
            ids[k] = k;
        }
        return ids;
    }

    private static int[] inverse(int[] permutation) {
        int[] inverse = new int[permutation.length];
        for (int k = 0; k < permutation.length; k++) {
            inverse[permutation[k]] = k;
        }
        return inverse;
    }

    private DataModel valueModel(Interactions training) {
        FastByIDMap<PreferenceArray> users = new FastByIDMap<>(training.userCount());
        for (int u = 0; u < training.userCount(); u++) {
            if (training.userDegree(u) == 0) {
                continue; // a user of the numbering without training pairs is unknown to Taste
            }
            int start = training.userStart(u);
            PreferenceArray row = new GenericUserPreferenceArray(training.userDegree(u));
            row.setUserID(0, tasteIdOfUser[u]);
            for (int entry = start; entry < training.userEnd(u); entry++) {
                row.setItemID(entry - start, tasteIdOfItem[training.itemAt(entry)]);
                row.setValue(entry - start, training.value(entry));
            }
            users.put(tasteIdOfUser[u], row);
        }
        return new GenericDataModel(users);
    }

    private DataModel booleanModel(Interactions training) {
        FastByIDMap<FastIDSet> users = new FastByIDMap<>(training.userCount());
        for (int u = 0; u < training.userCount(); u++) {
            if (training.userDegree(u) == 0) {
                continue; // a user of the numbering without training pairs is unknown to Taste
            }
            FastIDSet row = new FastIDSet(training.userDegree(u));
            for (int entry = training.userStart(u); entry < training.userEnd(u); entry++) {
                row.add(tasteIdOfItem[training.itemAt(entry)]);
            }
            users.put(tasteIdOfUser[u], row);
        }
        return new GenericBooleanPrefDataModel(users);
    }

    /** The Taste data model (read-only in practice: Taste's generic models reject writes). */
    public DataModel dataModel() {
        return dataModel;
    }

    /** Which data model was built. */
    public Preferences preferences() {
        return preferences;
    }

    /** The training users, in dense-index order. */
    public IdIndex users() {
        return seen.users();
    }

    /** The training items (the catalog), in dense-index order. */
    public IdIndex items() {
        return seen.items();
    }

    /** The training users' seen items and the items' popularity. */
    public SeenItems seenItems() {
        return seen;
    }

    /** Mean of the training values (the scorer's fallback prediction). */
    public double meanValue() {
        return meanValue;
    }

    /**
     * Taste's id of a user.
     *
     * @param userId external user id
     * @return the Taste id, or empty if the user is not in the training data
     */
    public OptionalLong tasteUserId(String userId) {
        int user = seen.knownUser(Objects.requireNonNull(userId, "userId"));
        return user >= 0 ? OptionalLong.of(tasteIdOfUser[user]) : OptionalLong.empty();
    }

    /**
     * Taste's id of an item.
     *
     * @param itemId external item id
     * @return the Taste id, or empty if the item is not in the training data
     */
    public OptionalLong tasteItemId(String itemId) {
        OptionalInt item = seen.items().find(Objects.requireNonNull(itemId, "itemId"));
        return item.isPresent() ? OptionalLong.of(tasteIdOfItem[item.getAsInt()]) : OptionalLong.empty();
    }

    /**
     * The external id of a Taste user id.
     *
     * @param tasteUserId a Taste user id of this data
     * @return the external user id
     * @throws IllegalArgumentException if the id is not one of this data's Taste user ids
     */
    public String userId(long tasteUserId) {
        if (tasteUserId < 0 || tasteUserId >= userOfTasteId.length) {
            throw new IllegalArgumentException("tasteUserId must be in 0.." + (userOfTasteId.length - 1)
                    + ", got " + tasteUserId);
        }
        return seen.users().id(userOfTasteId[(int) tasteUserId]);
    }

    /**
     * The external id of a Taste item id.
     *
     * @param tasteItemId a Taste item id of this data
     * @return the external item id
     * @throws IllegalArgumentException if the id is not one of this data's Taste item ids
     */
    public String itemId(long tasteItemId) {
        return seen.items().id(itemIndex(tasteItemId));
    }

    /** Taste id of the user with dense index {@code user}. */
    long tasteUser(int user) {
        return tasteIdOfUser[user];
    }

    /** Taste id of the item with dense index {@code item}. */
    long tasteItem(int item) {
        return tasteIdOfItem[item];
    }

    /** Dense item index of a Taste item id. */
    int itemIndex(long tasteItemId) {
        if (tasteItemId < 0 || tasteItemId >= itemOfTasteId.length) {
            throw new IllegalArgumentException("tasteItemId must be in 0.." + (itemOfTasteId.length - 1)
                    + ", got " + tasteItemId);
        }
        return itemOfTasteId[(int) tasteItemId];
    }

    @Override
    public String toString() {
        return "TasteData[" + preferences + ", users=" + tasteIdOfUser.length + ", items=" + tasteIdOfItem.length + "]";
    }
}
