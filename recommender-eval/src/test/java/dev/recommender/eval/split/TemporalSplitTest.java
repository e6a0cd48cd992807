package dev.recommender.eval.split;

import dev.recommender.core.data.EventLog;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TemporalSplitTest {
    private final EventLog log = EventLog.builder()
            .add("a", "x", 10, "v", 1).add("b", "y", 40, "v", 2).add("a", "y", 30, "v", 3)
            .add("a", "x", 50, "v", 4).add("c", "z", 20, "v", 5).build();

    @Test
    void eventsAtTheCutoffAreTestEventsAndPairsMayStraddle() {
        Split split = TemporalSplit.at(Instant.ofEpochMilli(30)).split(log).get(0);
        // times 10, 20 before 30; 40, 30, 50 at or after it; file order kept on each side
        assertEquals(List.of("a|x|10|v|1.0", "c|z|20|v|5.0"), SplitChecks.events(split.train()));
        assertEquals(List.of("b|y|40|v|2.0", "a|y|30|v|3.0", "a|x|50|v|4.0"), SplitChecks.events(split.test()));
    }

    @Test
    void lastShareOfTimeCutsTheTimeSpanNotTheEvents() {
        // times 10..50: span [10, 51), 41 ms; the last 40%: 51 - round(0.4 * 41) = 51 - 16 = 35
        assertEquals(35, log.startOfLastShare(0.4));
        Split split = TemporalSplit.lastShareOfTime(0.4).split(log).get(0);
        assertEquals(List.of("b|y|40|v|2.0", "a|x|50|v|4.0"), SplitChecks.events(split.test()));
        assertEquals(3, split.train().size());
    }

    @Test
    void rejectsCutoffsLeavingASideEmpty() {
        IllegalArgumentException late = assertThrows(IllegalArgumentException.class,
                () -> new TemporalSplit(51).split(log));
        assertEquals("cut-off 1970-01-01T00:00:00.051Z leaves no test events among 5", late.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TemporalSplit(10).split(log));
        assertThrows(IllegalArgumentException.class, () -> TemporalSplit.lastShareOfTime(0));
        assertThrows(IllegalArgumentException.class, () -> TemporalSplit.lastShareOfTime(1));
    }
}
