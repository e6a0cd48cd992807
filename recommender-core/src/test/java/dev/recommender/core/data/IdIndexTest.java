package dev.recommender.core.data;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdIndexTest {
    @Test
    void assignsDenseIndexesInOrderOfFirstAppearance() {
        IdIndex.Builder builder = IdIndex.builder();
        assertEquals(0, builder.add("b"));
        assertEquals(1, builder.add("a"));
        assertEquals(0, builder.add("b"));
        IdIndex index = builder.build();
        assertEquals(2, index.size());
        assertEquals("a", index.id(1));
        assertEquals(0, index.indexOf("b"));
        assertEquals(1, index.find("a").getAsInt());
        assertFalse(index.find("c").isPresent());
        assertTrue(index.contains("a"));
        assertEquals(List.of("b", "a"), index.ids());
        assertEquals(IdIndex.of("b", "a"), index);
    }

    @Test
    void rejectsDuplicatesAndUnknownIds() {
        assertEquals("duplicate id: 'x'",
                assertThrows(IllegalArgumentException.class, () -> IdIndex.of("x", "y", "x")).getMessage());
        assertEquals("unknown id: 'q'",
                assertThrows(IllegalArgumentException.class, () -> IdIndex.of("x").indexOf("q")).getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> IdIndex.of("x").id(1));
    }

    @Test
    void arraysHandedOutAreCopies() {
        IdIndex index = IdIndex.of("x", "y");
        String[] array = index.toArray();
        array[0] = "changed";
        assertEquals("x", index.id(0));
    }
}
