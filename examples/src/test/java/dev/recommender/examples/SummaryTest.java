package dev.recommender.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SummaryTest {
    @Test
    void countsTheTinyLogByHand() {
        Summary s = Summary.of(TinyData.log(), TinyData.pairs(), "engaged_pct");
        assertEquals(7, s.events());
        assertEquals(2, s.users());
        assertEquals(3, s.items());
        assertEquals(Map.of("viewed", 4L, "engaged", 3L), s.eventTypes());
        assertEquals(4, s.pairs());
        // 4 pairs of 2 users x 3 items = 4 / 6
        assertEquals(4.0 / 6, s.density(), 1e-12);
        assertEquals(2.0 / 6, s.sparsity(), 1e-12);
        // events per user: u1 3, u2 4 -> min 3, median 3.5, max 4
        assertEquals(new Quantiles(2, 3, 3.25, 3.5, 3.75, 4, 3.5), s.eventsPerUser());
        // events per item: c1 5, c2 1, c3 1 -> sorted 1 1 5: q1 1, median 1, q3 position 1.5 -> 3, mean 7/3
        assertEquals(1, s.eventsPerItem().median());
        assertEquals(3, s.eventsPerItem().q3(), 1e-12);
        assertEquals(7.0 / 3, s.eventsPerItem().mean(), 1e-12);
        // events per pair: 2 1 3 1
        assertEquals(7.0 / 4, s.eventsPerPair().mean(), 1e-12);
        assertEquals("2022-01-01T00:00:00Z", s.firstEvent());
        assertEquals("2022-01-03T00:00:00Z", s.lastEvent());
        assertEquals(2.0, s.spanDays(), 1e-12);
        // engaged_pct 0.5, 0, 1/3, 1: one pair at 0, one at 1
        assertEquals(1, s.pairsAtMinimum());
        assertEquals(1, s.pairsAtMaximum());
        assertEquals((0.5 + 0 + 1.0 / 3 + 1) / 4, s.value().mean(), 1e-6);
    }

    @Test
    void markdownShowsTheCounts() {
        String markdown = Summary.of(TinyData.log(), TinyData.pairs(), "engaged_pct").toMarkdown();
        assertTrue(markdown.contains("| events | 7 |"), markdown);
        assertTrue(markdown.contains("| event type `viewed` | 4 (57.1%) |"), markdown);
        assertTrue(markdown.contains("| events per user | 2 | 3 | 3.2500 | 3.5000 | 3.7500 | 4 | 3.5000 |"), markdown);
    }
}
