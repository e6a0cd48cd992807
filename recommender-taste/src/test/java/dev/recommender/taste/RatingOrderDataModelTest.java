package dev.recommender.taste;

import dev.recommender.core.Recommendations;
import dev.recommender.core.ScoredItem;
import dev.recommender.core.data.Interactions;
import org.apache.mahout.cf.taste.common.TasteException;
import org.apache.mahout.cf.taste.impl.common.LongPrimitiveIterator;
import org.apache.mahout.cf.taste.model.DataModel;
import org.apache.mahout.cf.taste.model.PreferenceArray;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RatingOrderDataModelTest {

    @Test
    void preferencesFollowTheItemSetOrder() throws TasteException {
        DataModel model = TasteData.of(PlantedGroups.ratings(), TasteData.Preferences.VALUES, 3L).dataModel();
        RatingOrderDataModel view = new RatingOrderDataModel(model);
        int usersInAnotherOrder = 0;
        LongPrimitiveIterator users = model.getUserIDs();
        while (users.hasNext()) {
            long user = users.nextLong();
            PreferenceArray sorted = model.getPreferencesFromUser(user);
            PreferenceArray reordered = view.getPreferencesFromUser(user);
            LongPrimitiveIterator items = view.getItemIDsFromUser(user).iterator();
            boolean sameAsSorted = true;
            for (int k = 0; k < reordered.length(); k++) {
                long item = items.nextLong();
                assertEquals(item, reordered.getItemID(k));
                assertEquals(model.getPreferenceValue(user, item), reordered.getValue(k));
                sameAsSorted &= sorted.getItemID(k) == item;
            }
            assertEquals(sorted.length(), reordered.length());
            usersInAnotherOrder += sameAsSorted ? 0 : 1;
        }
        // the bug is real on this data: hash order differs from sorted order for most users
        assertTrue(usersInAnotherOrder > 20, usersInAnotherOrder + " of 40 users");
        assertEquals(model.getNumItems(), view.getNumItems());
        assertThrows(UnsupportedOperationException.class, () -> view.setPreference(0, 0, 1));
    }

    /** Without the repair, stock Taste ALS-WR does not recover the planted communities. */
    @Test
    void stockTastePairsRatingsWithTheWrongItems() {
        Interactions ratings = PlantedGroups.ratings();
        TasteAls repaired = TasteAls.defaults().withFactors(2);
        assertEquals(1.0, ownCommunityShare(repaired.fit(ratings), ratings), 0.05);
        double stock = ownCommunityShare(repaired.withRepairRatingOrder(false).fit(ratings), ratings);
        assertNotEquals(1.0, stock);
        assertTrue(stock < 0.8, "stock Taste share " + stock);
    }

    private static double ownCommunityShare(TasteRecommender model, Interactions training) {
        int own = 0;
        int total = 0;
        for (String user : training.users().ids()) {
            Recommendations top = model.recommend(user, 3);
            for (ScoredItem item : top.items()) {
                own += PlantedGroups.groupOf(user) == PlantedGroups.groupOf(item.itemId()) ? 1 : 0;
                total++;
            }
        }
        return (double) own / total;
    }
}
