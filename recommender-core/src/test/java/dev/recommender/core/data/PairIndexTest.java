package dev.recommender.core.data;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PairIndexTest {
    /**
     * Users b=0, a=1; items y=0, x=1, z=2 (order of first appearance in the log). Events:
     * 0 (b,y) 1 (a,x) 2 (b,y) 3 (b,x) 4 (a,x) 5 (a,z) 6 (b,y).
     */
    private static EventLog tinyLog() {
        return EventLog.builder()
                .add("b", "y", 10L, "viewed", Float.NaN)
                .add("a", "x", 20L, "viewed", Float.NaN)
                .add("b", "y", 30L, "engaged", Float.NaN)
                .add("b", "x", 40L, "viewed", Float.NaN)
                .add("a", "x", 50L, "engaged", Float.NaN)
                .add("a", "z", 60L, "viewed", Float.NaN)
                .add("b", "y", 70L, "viewed", Float.NaN)
                .build();
    }

    @Test
    void repeatedPairsShareTheNumberOfTheirFirstEvent() {
        PairIndex pairs = new PairIndex(2);
        int[] pairOfEvent = PairIndex.indexEvents(tinyLog(), pairs);
        // pair 0 = (b,y) events 0,2,6; pair 1 = (a,x) events 1,4; pair 2 = (b,x) event 3; pair 3 = (a,z) event 5
        assertArrayEquals(new int[] {0, 1, 0, 2, 1, 3, 0}, pairOfEvent);
        assertEquals(4, pairs.size());
        assertArrayEquals(new int[] {0, 1, 0, 1}, pairs.users());
        assertArrayEquals(new int[] {0, 1, 1, 2}, pairs.items());
        assertEquals(1, pairs.user(3));
        assertEquals(2, pairs.item(3));
        assertEquals(2, pairs.find(0, 1));
        assertEquals(-1, pairs.find(1, 0), "(a,y) never occurred");
        assertEquals(4, pairs.size(), "find does not add");
        assertEquals(1, pairs.index(1, 1), "an old pair keeps its number");
        assertEquals(4, pairs.index(1, 0), "a new pair takes the next number");
    }

    @Test
    void groupsByUserInPairOrderOrInItemOrder() {
        PairIndex pairs = new PairIndex(16);
        PairIndex.indexEvents(tinyLog(), pairs);
        int[][] byUser = pairs.byUser(3);
        // user 0 (b): pairs 0 (item 0), 2 (item 1); user 1 (a): pairs 1 (item 1), 3 (item 2); user 2: none
        assertArrayEquals(new int[] {0, 2, 4, 4}, byUser[0]);
        assertArrayEquals(new int[] {0, 2, 1, 3}, byUser[1]);
        pairs.index(1, 0); // pair 4 = (a,y): first in a's row by item, last by pair number
        assertArrayEquals(new int[] {0, 2, 1, 3, 4}, pairs.byUser(2)[1]);
        int[][] byItem = pairs.byUserAndItem(2);
        assertArrayEquals(new int[] {0, 2, 5}, byItem[0]);
        assertArrayEquals(new int[] {0, 2, 4, 1, 3}, byItem[1]);
    }

    @Test
    void anEmptyLogHasNoPairs() {
        EventLog empty = EventLog.builder().build();
        PairIndex pairs = new PairIndex(0);
        assertArrayEquals(new int[0], PairIndex.indexEvents(empty, pairs));
        assertEquals(0, pairs.size());
        assertArrayEquals(new int[0], pairs.users());
        assertEquals(-1, pairs.find(0, 0));
        int[][] rows = pairs.byUserAndItem(2);
        assertArrayEquals(new int[] {0, 0, 0}, rows[0]);
        assertArrayEquals(new int[0], rows[1]);
    }

    @Test
    void growsPastItsCapacityHintKeepingEveryNumber() {
        PairIndex pairs = new PairIndex(1);
        for (int user = 0; user < 300; user++) {
            for (int item = 0; item < 10; item++) {
                assertEquals(user * 10 + item, pairs.index(user, item));
            }
        }
        assertEquals(3000, pairs.size());
        for (int user = 0; user < 300; user++) {
            for (int item = 0; item < 10; item++) {
                assertEquals(user * 10 + item, pairs.find(user, item));
            }
        }
    }

    @Test
    void rejectsNegativeIndexesAndUsersBeyondTheCount() {
        PairIndex pairs = new PairIndex(4);
        assertEquals("indexes must be non-negative, got user -1, item 0",
                assertThrows(IllegalArgumentException.class, () -> pairs.index(-1, 0)).getMessage());
        pairs.index(5, 0);
        assertEquals("pair 0 has user 5, not below the user count 5",
                assertThrows(IllegalArgumentException.class, () -> pairs.byUser(5)).getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> pairs.user(1));
    }
}
