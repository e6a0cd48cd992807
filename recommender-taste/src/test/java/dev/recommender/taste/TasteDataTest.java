package dev.recommender.taste;

import dev.recommender.core.data.Interactions;
import org.apache.mahout.cf.taste.common.TasteException;
import org.apache.mahout.cf.taste.impl.model.GenericBooleanPrefDataModel;
import org.apache.mahout.cf.taste.impl.model.GenericDataModel;
import org.apache.mahout.cf.taste.model.DataModel;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TasteDataTest {
    /** Ids with separators, spaces, a digit-like prefix and non-ASCII, none of them parseable as a long. */
    private static Interactions oddIds() {
        return Interactions.builder()
                .add("user/ä 1", "item:x", 4f)
                .add("user/ä 1", "item:y", 2.5f)
                .add("0x1F-user", "item:y", 5f)
                .add("0x1F-user", "item: z ", 1f)
                .add("-7e3", "item:x", 3f)
                .build();
    }

    @Test
    void stringIdsRoundTripThroughTasteIds() {
        Interactions training = oddIds();
        for (long seed : new long[] {1L, 2L, 42L}) {
            TasteData data = TasteData.of(training, TasteData.Preferences.VALUES, seed);
            Set<Long> userIds = new HashSet<>();
            for (String user : training.users().ids()) {
                long tasteId = data.tasteUserId(user).orElseThrow();
                assertEquals(user, data.userId(tasteId));
                userIds.add(tasteId);
            }
            Set<Long> itemIds = new HashSet<>();
            for (String item : training.items().ids()) {
                long tasteId = data.tasteItemId(item).orElseThrow();
                assertEquals(item, data.itemId(tasteId));
                itemIds.add(tasteId);
            }
            // a permutation of 0..n-1
            assertEquals(Set.of(0L, 1L, 2L), userIds);
            assertEquals(Set.of(0L, 1L, 2L), itemIds);
        }
    }

    @Test
    void identityMappingUsesDenseIndexes() {
        Interactions training = oddIds();
        TasteData data = TasteData.of(training, TasteData.Preferences.VALUES);
        for (int u = 0; u < training.userCount(); u++) {
            assertEquals(u, data.tasteUserId(training.users().id(u)).orElseThrow());
        }
        for (int i = 0; i < training.itemCount(); i++) {
            assertEquals(i, data.tasteItemId(training.items().id(i)).orElseThrow());
        }
    }

    @Test
    void seedsPermuteIdsDifferently() {
        Interactions training = PlantedGroups.ratings();
        TasteData one = TasteData.of(training, TasteData.Preferences.VALUES, 1L);
        TasteData again = TasteData.of(training, TasteData.Preferences.VALUES, 1L);
        TasteData two = TasteData.of(training, TasteData.Preferences.VALUES, 2L);
        String user = training.users().id(0);
        String item = training.items().id(0);
        assertEquals(one.tasteUserId(user), again.tasteUserId(user));
        assertEquals(one.tasteItemId(item), again.tasteItemId(item));
        int differences = 0;
        for (String id : training.items().ids()) {
            differences += one.tasteItemId(id).equals(two.tasteItemId(id)) ? 0 : 1;
        }
        // 60 items: two independent random permutations agree on about one position
        assertTrue(differences > 50, "only " + differences + " item ids differ");
    }

    @Test
    void valueModelHoldsEveryEntryAndNothingElse() throws TasteException {
        Interactions training = oddIds();
        TasteData data = TasteData.of(training, TasteData.Preferences.VALUES, 7L);
        DataModel model = data.dataModel();
        assertInstanceOf(GenericDataModel.class, model);
        assertEquals(3, model.getNumUsers());
        assertEquals(3, model.getNumItems());
        assertEquals(2.5f, model.getPreferenceValue(id(data, "user/ä 1"), item(data, "item:y")));
        assertEquals(1f, model.getPreferenceValue(id(data, "0x1F-user"), item(data, "item: z ")));
        assertEquals(null, model.getPreferenceValue(id(data, "-7e3"), item(data, "item:y")));
        int entries = 0;
        for (String user : training.users().ids()) {
            entries += model.getPreferencesFromUser(id(data, user)).length();
        }
        assertEquals(training.size(), entries);
        assertEquals(1f, model.getMinPreference());
        assertEquals(5f, model.getMaxPreference());
        // (4 + 2.5 + 5 + 1 + 3) / 5 = 15.5 / 5 = 3.1
        assertEquals(3.1, data.meanValue(), 1e-6);
    }

    @Test
    void booleanModelKeepsOnlyPresence() throws TasteException {
        TasteData data = TasteData.of(oddIds(), TasteData.Preferences.BOOLEAN, 7L);
        DataModel model = data.dataModel();
        assertInstanceOf(GenericBooleanPrefDataModel.class, model);
        assertEquals(TasteData.Preferences.BOOLEAN, data.preferences());
        // "item:x" is held by "user/ä 1" and "-7e3"; "item:y" by "user/ä 1" and "0x1F-user"
        assertEquals(2, model.getNumUsersWithPreferenceFor(item(data, "item:x")));
        assertEquals(1, model.getNumUsersWithPreferenceFor(item(data, "item:x"), item(data, "item:y")));
        assertEquals(1f, model.getPreferenceValue(id(data, "user/ä 1"), item(data, "item:y")));
    }

    @Test
    void unknownIdsAreEmptyAndForeignTasteIdsAreRejected() {
        TasteData data = TasteData.of(oddIds(), TasteData.Preferences.VALUES, 7L);
        assertTrue(data.tasteUserId("nobody").isEmpty());
        assertTrue(data.tasteItemId("item:x ").isEmpty());
        IllegalArgumentException user = assertThrows(IllegalArgumentException.class, () -> data.userId(3));
        assertEquals("tasteUserId must be in 0..2, got 3", user.getMessage());
        IllegalArgumentException item = assertThrows(IllegalArgumentException.class, () -> data.itemId(-1));
        assertEquals("tasteItemId must be in 0..2, got -1", item.getMessage());
    }

    @Test
    void emptyTrainingIsRejected() {
        Interactions empty = Interactions.builder().build();
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> TasteData.of(empty, TasteData.Preferences.VALUES));
        assertTrue(error.getMessage().startsWith("training interactions must not be empty"), error.getMessage());
    }

    @Test
    void modelRejectsWrites() {
        DataModel model = TasteData.of(oddIds(), TasteData.Preferences.VALUES).dataModel();
        assertThrows(UnsupportedOperationException.class, () -> model.setPreference(0, 0, 1f));
    }

    private static long id(TasteData data, String user) {
        return data.tasteUserId(user).orElseThrow();
    }

    private static long item(TasteData data, String item) {
        return data.tasteItemId(item).orElseThrow();
    }
}
