package dev.recommender.taste;

import org.apache.mahout.cf.taste.common.Refreshable;
import org.apache.mahout.cf.taste.common.TasteException;
import org.apache.mahout.cf.taste.impl.common.FastByIDMap;
import org.apache.mahout.cf.taste.impl.common.FastIDSet;
import org.apache.mahout.cf.taste.impl.common.LongPrimitiveIterator;
import org.apache.mahout.cf.taste.impl.model.GenericUserPreferenceArray;
import org.apache.mahout.cf.taste.model.DataModel;
import org.apache.mahout.cf.taste.model.PreferenceArray;

import java.util.Collection;

/**
 * A read-only view of a data model that repairs a pairing bug of Taste 0.13's explicit
 * {@code ALSWRFactorizer}. When it solves a user's row, the factorizer takes the item factors in
 * the iteration order of {@code getItemIDsFromUser(user)} (a {@link FastIDSet}, i.e. hash-slot order)
 * but the ratings in the order of {@code getPreferencesFromUser(user)} (sorted by item id in
 * Taste's generic models). The two orders differ as soon as an item id exceeds the set's table
 * size, so each rating is regressed on another item's factors. This view returns, for every user,
 * one fixed {@link FastIDSet} and a preference array in exactly that set's iteration order, so the
 * pairing is right. Everything else is delegated. (The implicit variant indexes ratings by item
 * and is not affected.)
 *
 * <p>Memory: a second copy of every user's preferences. Thread safety: immutable after
 * construction; writes are rejected.
 */
final class RatingOrderDataModel implements DataModel {
    private static final long serialVersionUID = 1L;

    private final DataModel delegate;
    private final FastByIDMap<FastIDSet> itemIdsOfUser;
    private final FastByIDMap<PreferenceArray> preferencesOfUser;

    RatingOrderDataModel(DataModel delegate) throws TasteException {
        this.delegate = delegate;
        int users = delegate.getNumUsers();
        this.itemIdsOfUser = new FastByIDMap<>(users);
        this.preferencesOfUser = new FastByIDMap<>(users);
        LongPrimitiveIterator userIds = delegate.getUserIDs();
        while (userIds.hasNext()) {
            long user = userIds.nextLong();
            FastIDSet itemIds = delegate.getItemIDsFromUser(user);
            PreferenceArray reordered = new GenericUserPreferenceArray(itemIds.size());
            reordered.setUserID(0, user);
            LongPrimitiveIterator items = itemIds.iterator();
            int k = 0;
            while (items.hasNext()) {
                long item = items.nextLong();
                reordered.setItemID(k, item);
                reordered.setValue(k, delegate.getPreferenceValue(user, item));
                k++;
            }
            itemIdsOfUser.put(user, itemIds);
            preferencesOfUser.put(user, reordered);
        }
    }

    @Override
    public LongPrimitiveIterator getUserIDs() throws TasteException {
        return delegate.getUserIDs();
    }

    @Override
    public PreferenceArray getPreferencesFromUser(long userID) throws TasteException {
        PreferenceArray preferences = preferencesOfUser.get(userID);
        return preferences != null ? preferences : delegate.getPreferencesFromUser(userID);
    }

    @Override
    public FastIDSet getItemIDsFromUser(long userID) throws TasteException {
        FastIDSet itemIds = itemIdsOfUser.get(userID);
        return itemIds != null ? itemIds : delegate.getItemIDsFromUser(userID);
    }

    @Override
    public LongPrimitiveIterator getItemIDs() throws TasteException {
        return delegate.getItemIDs();
    }

    @Override
    public PreferenceArray getPreferencesForItem(long itemID) throws TasteException {
        return delegate.getPreferencesForItem(itemID);
    }

    @Override
    public Float getPreferenceValue(long userID, long itemID) throws TasteException {
        return delegate.getPreferenceValue(userID, itemID);
    }

    @Override
    public Long getPreferenceTime(long userID, long itemID) throws TasteException {
        return delegate.getPreferenceTime(userID, itemID);
    }

    @Override
    public int getNumItems() throws TasteException {
        return delegate.getNumItems();
    }

    @Override
    public int getNumUsers() throws TasteException {
        return delegate.getNumUsers();
    }

    @Override
    public int getNumUsersWithPreferenceFor(long itemID) throws TasteException {
        return delegate.getNumUsersWithPreferenceFor(itemID);
    }

    @Override
    public int getNumUsersWithPreferenceFor(long itemID1, long itemID2) throws TasteException {
        return delegate.getNumUsersWithPreferenceFor(itemID1, itemID2);
    }

    @Override
    public void setPreference(long userID, long itemID, float value) {
        throw new UnsupportedOperationException("read-only view");
    }

    @Override
    public void removePreference(long userID, long itemID) {
        throw new UnsupportedOperationException("read-only view");
    }

    @Override
    public boolean hasPreferenceValues() {
        return delegate.hasPreferenceValues();
    }

    @Override
    public float getMaxPreference() {
        return delegate.getMaxPreference();
    }

    @Override
    public float getMinPreference() {
        return delegate.getMinPreference();
    }

    @Override
    public void refresh(Collection<Refreshable> alreadyRefreshed) {
        // immutable view of an immutable model: nothing to refresh
    }
}
