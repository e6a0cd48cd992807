package dev.recommender.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recommender.eval.split.KFold;
import dev.recommender.eval.split.PerUserHoldout;
import dev.recommender.eval.split.RandomHoldout;
import dev.recommender.eval.split.TemporalSplit;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SplitSpecTest {
    @Test
    void parsesEveryForm() {
        assertEquals(RandomHoldout.of(0.25, 7), SplitSpec.parse("random:0.25").splitter(7));
        assertEquals(PerUserHoldout.fraction(0.2, SplitSpec.MIN_HISTORY, 7), SplitSpec.parse("user:0.2").splitter(7));
        assertEquals(PerUserHoldout.leaveLastN(1, 2), SplitSpec.parse("last:1").splitter(7));
        assertEquals(KFold.of(5, 7), SplitSpec.parse("kfold:5").splitter(7));
        assertEquals(TemporalSplit.at(Instant.parse("2022-01-31T00:00:00Z")),
                SplitSpec.parse("temporal:2022-01-31").splitter(7));
        assertEquals(TemporalSplit.at(Instant.parse("2022-01-31T12:00:00Z")),
                SplitSpec.parse("temporal:2022-01-31T12:00:00Z").splitter(7));
        assertEquals(KFold.protocolA(5, 42), SplitSpec.parse("protocolA").splitter(7));
        assertEquals(PerUserHoldout.protocolB(0.2, 5, 42), SplitSpec.parse("protocolB").splitter(7));
        assertTrue(SplitSpec.parse("protocolB").binariseTraining());
        assertFalse(SplitSpec.parse("protocolA").binariseTraining());
    }

    @Test
    void explainsBadSpecifications() {
        assertEquals("unknown split 'half': expected random:FRACTION, user:FRACTION, last:N, temporal:ISO-DATE, "
                + "temporal:FRACTION, kfold:K, protocolA or protocolB", message("half"));
        assertEquals("split 'random:x': 'x' is not a number", message("random:x"));
        assertEquals("split 'user:0': the fraction must be in (0, 1), got 0", message("user:0"));
        assertEquals("split 'kfold:1': the count must be at least 2, got 1", message("kfold:1"));
        assertEquals("split 'temporal:31/01/2022': '31/01/2022' is not an ISO date (2022-01-31) or instant "
                + "(2022-01-31T12:00:00Z)", message("temporal:31/01/2022"));
    }

    private static String message(String text) {
        return assertThrows(IllegalArgumentException.class, () -> SplitSpec.parse(text)).getMessage();
    }
}
