package dev.recommender.core;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.recommender.core.baseline.Baseline;
import dev.recommender.core.baseline.Popularity;
import dev.recommender.core.data.Interactions;
import dev.recommender.core.mf.Svd;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shared argument check of {@link Algorithm#fit(Interactions, TrainingListener)}. */
class AlgorithmTest {
    private static final Interactions ONE = Interactions.builder().add("u1", "a", 4).build();
    private static final Interactions EMPTY = Interactions.builder().build();

    @Test
    void checkFitArgumentsNamesTheBadArgument() {
        assertEquals("training", assertThrows(NullPointerException.class,
                () -> Algorithm.checkFitArguments(null, TrainingListener.NONE)).getMessage());
        assertEquals("listener", assertThrows(NullPointerException.class,
                () -> Algorithm.checkFitArguments(ONE, null)).getMessage());
        assertEquals("training interactions are empty", assertThrows(IllegalArgumentException.class,
                () -> Algorithm.checkFitArguments(EMPTY, TrainingListener.NONE)).getMessage());
        assertDoesNotThrow(() -> Algorithm.checkFitArguments(ONE, TrainingListener.NONE));
    }

    @Test
    void coreAlgorithmsRefuseBadArgumentsAlike() {
        List<Algorithm<?>> algorithms = List.of(Popularity.Config.defaults(), Baseline.Config.defaults(),
                Svd.Config.builder().factors(2).epochs(1).build());
        for (Algorithm<?> algorithm : algorithms) {
            assertEquals("training interactions are empty", assertThrows(IllegalArgumentException.class,
                    () -> algorithm.fit(TrainingData.of(EMPTY))).getMessage(), algorithm.name());
            assertThrows(NullPointerException.class, () -> algorithm.fit((TrainingData) null), algorithm.name());
            assertEquals("listener", assertThrows(NullPointerException.class,
                    () -> algorithm.fit(TrainingData.of(ONE), null)).getMessage(), algorithm.name());
        }
    }
}
