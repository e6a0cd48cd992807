package dev.recommender.core.data;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InteractionsTest {
    private static Interactions sample() {
        return Interactions.builder()
                .add("bob", "z", 1f, 2, 1, 30L)
                .add("ann", "y", 2f, 1, 0, 10L)
                .add("bob", "x", 3f, 3, 3, 20L)
                .add("ann", "z", 4f, 1, 1, 40L)
                .add("cid", "x", 5f)
                .build();
    }

    @Test
    void rowsAreSortedAndColumnsPointBackToTheirEntries() {
        Interactions data = sample();
        assertEquals(List.of("bob", "ann", "cid"), data.users().ids());
        assertEquals(List.of("z", "y", "x"), data.items().ids());
        assertEquals(5, data.size());
        // bob's row sorted by item index: x (2) has index 2 > z (0): row is z, x
        assertArrayEquals(new int[] {0, 2}, data.itemsOf(0));
        int checked = 0;
        for (int item = 0; item < data.itemCount(); item++) {
            int previousUser = -1;
            for (int c = data.itemStart(item); c < data.itemEnd(item); c++) {
                int entry = data.entryAtItemPosition(c);
                int user = data.userAtItemPosition(c);
                assertEquals(item, data.itemAt(entry));
                assertTrue(entry >= data.userStart(user) && entry < data.userEnd(user));
                assertTrue(user > previousUser, "users of an item ascend");
                previousUser = user;
                checked++;
            }
        }
        assertEquals(data.size(), checked);
        assertEquals(2, data.itemDegree(0));
        int entry = data.entryOf(0, 2);
        assertEquals(3f, data.value(entry));
        assertEquals(3, data.eventCount(entry));
        assertEquals(3, data.engagedCount(entry));
        assertEquals(20L, data.lastTimeMillis(entry));
        assertEquals(-1, data.entryOf(2, 0));
        assertEquals(3.0, data.value("bob", "x").getAsDouble());
        assertFalse(data.value("bob", "y").isPresent());
        assertEquals(1f, data.minValue());
        assertEquals(5f, data.maxValue());
        assertEquals(3.0, data.meanValue(), 1e-12); // (1 + 2 + 3 + 4 + 5) / 5
        assertEquals(5.0 / 9, data.density(), 1e-12); // 5 of 3 x 3
    }

    @Test
    void duplicatePairsAreRejected() {
        Interactions.Builder builder = Interactions.builder().add("u", "i", 1f).add("u", "i", 2f);
        assertEquals("duplicate pair (u, i)", assertThrows(IllegalArgumentException.class, builder::build).getMessage());
    }

    @Test
    void theGivenNumberingIsKeptWithUnusedIdsAsEmptyRowsAndColumns() {
        IdIndex users = IdIndex.of("u0", "u1", "u2");
        IdIndex items = IdIndex.of("a", "b", "c", "d");
        Interactions data = Interactions.of(users, items, new int[] {2, 0}, new int[] {3, 1},
                new float[] {1f, 2f}, new int[] {1, 1}, new int[] {0, 0}, new long[] {0, 0});
        assertEquals(users, data.users());
        assertEquals(items, data.items());
        assertEquals(1.0, data.value("u2", "d").getAsDouble());
        assertEquals(2f, data.value(data.entryOf(0, 1)), "user 0, item 1 = (u0, b)");
        assertEquals(0, data.userDegree(1));
        assertEquals(0, data.itemDegree(0));
        assertEquals(0, data.itemDegree(2));
    }

    @Test
    void invalidInputIsRejectedWithAClearMessage() {
        IdIndex ids = IdIndex.of("a");
        assertEquals("pair 0 (a, a) has a non-finite value: NaN", assertThrows(IllegalArgumentException.class,
                () -> Interactions.of(ids, ids, new int[] {0}, new int[] {0}, new float[] {Float.NaN},
                        new int[] {1}, new int[] {0}, new long[] {0})).getMessage());
        assertEquals("pair (a, a) has invalid counts: events 1, engaged 2", assertThrows(IllegalArgumentException.class,
                () -> Interactions.of(ids, ids, new int[] {0}, new int[] {0}, new float[] {1},
                        new int[] {1}, new int[] {2}, new long[] {0})).getMessage());
        assertEquals("expected 5 values, got 1",
                assertThrows(IllegalArgumentException.class, () -> sample().withValues(new float[1])).getMessage());
    }

    @Test
    void withValuesKeepsTheStructure() {
        Interactions data = sample();
        Interactions ones = data.withValues(new float[] {1, 1, 1, 1, 1});
        assertEquals(data.users(), ones.users());
        assertEquals(1.0, ones.value("cid", "x").getAsDouble());
        assertEquals(3, ones.eventCount(ones.entryOf(0, 2)));
    }
}
