package dev.recommender.eval.split;

import dev.recommender.core.data.EventLog;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RandomHoldoutTest {
    private final EventLog log = SplitChecks.randomLog(40, 25, 2_000, 7);

    @Test
    void holdsOutExactlyTheRoundedShareOfPairsWithAllTheirEvents() {
        int pairCount = SplitChecks.pairs(log).size();
        Split split = RandomHoldout.of(0.25, 42).split(log).get(0);
        SplitChecks.assertPartitionWithoutLeakage(log, split);
        assertEquals(Math.round(0.25 * pairCount), SplitChecks.pairs(split.test()).size());
        assertEquals(pairCount - Math.round(0.25 * pairCount), SplitChecks.pairs(split.train()).size());
        assertTrue(pairCount < log.size(), "fixture has repeated pairs");
    }

    @Test
    void sameSeedSameSplitOtherSeedOtherSplit() {
        List<String> first = SplitChecks.events(RandomHoldout.of(0.25, 42).split(log).get(0).test());
        List<String> again = SplitChecks.events(RandomHoldout.of(0.25, 42).split(log).get(0).test());
        List<String> other = SplitChecks.events(RandomHoldout.of(0.25, 43).split(log).get(0).test());
        assertEquals(first, again);
        assertNotEquals(first, other);
    }

    @Test
    void smallExampleKeepsFileOrderOnEachSide() {
        // 3 pairs: (a,x) twice, (a,y), (b,x); 1/3 of 3 pairs = 1 test pair.
        EventLog small = EventLog.builder().add("a", "x", 1, "v", 1).add("a", "y", 2, "v", 2)
                .add("b", "x", 3, "v", 3).add("a", "x", 4, "v", 4).build();
        Split split = RandomHoldout.of(1.0 / 3, 1).split(small).get(0);
        SplitChecks.assertPartitionWithoutLeakage(small, split);
        assertEquals(1, SplitChecks.pairs(split.test()).size());
        for (EventLog side : List.of(split.train(), split.test())) {
            for (int e = 1; e < side.size(); e++) {
                assertTrue(side.timeMillis(e - 1) < side.timeMillis(e), "file order kept");
            }
        }
    }

    @Test
    void rejectsBadFractionsAndTinyLogs() {
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> RandomHoldout.of(0, 1));
        assertEquals("testFraction must be in (0, 1), got 0.0", zero.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RandomHoldout.of(1, 1));
        assertThrows(IllegalArgumentException.class, () -> RandomHoldout.of(Double.NaN, 1));
        EventLog one = EventLog.builder().add("a", "x", 1, "v", 1).build();
        IllegalArgumentException tiny = assertThrows(IllegalArgumentException.class,
                () -> RandomHoldout.of(0.25, 1).split(one));
        assertTrue(tiny.getMessage().contains("one side would be empty"), tiny.getMessage());
    }
}
