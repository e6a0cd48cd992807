package dev.recommender.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recommender.core.EpochProgress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressTest {
    @Test
    void describesAnEpochOnOneLine() {
        EpochProgress epoch = new EpochProgress("svd", 3, 20, 0.8123456, Duration.ofMillis(1234),
                Map.of("learningRate", 0.005));
        assertEquals("svd epoch 3/20: loss 0.8123 (1.2 s), learningRate 0.005", Progress.describe(epoch));
    }

    @Test
    void listsSeveralMetricsInNameOrder() {
        EpochProgress epoch = new EpochProgress("two-tower", 1, 8, 5.5, Duration.ZERO,
                Map.of("top_k_accuracy@100", 0.5, "top_k_accuracy@10", 0.125, "a", 1.0));
        assertEquals("two-tower epoch 1/8: loss 5.5 (0.0 s), a 1, top_k_accuracy@10 0.125, "
                + "top_k_accuracy@100 0.5", Progress.describe(epoch));
    }

    @Test
    void withoutATerminalTheBarIsSilentButEpochsStillReachTheNextListener() {
        List<Integer> seen = new ArrayList<>();
        try (Progress progress = Progress.start("svd", 2, true)) {   // tests never run in a terminal
            var listener = progress.epochs(e -> seen.add(e.epoch()));
            listener.onEpoch(new EpochProgress("svd", 1, 2, 1.0, Duration.ZERO, Map.of()));
            listener.onEpoch(new EpochProgress("svd", 2, 2, 0.5, Duration.ZERO, Map.of()));
        }
        assertEquals(List.of(1, 2), seen);
    }

    @Test
    void epochLinesShowAtMostThreePerFitIncludingTheFirstAndTheLast() {
        for (int total : new int[] {1, 2, 5, 8, 10, 15, 200}) {
            List<Integer> shown = new ArrayList<>();
            for (int epoch = 1; epoch <= total; epoch++) {
                if (Progress.shown(epoch, total)) {
                    shown.add(epoch);
                }
            }
            assertTrue(shown.size() <= Progress.LINES_PER_FIT, total + ": " + shown);
            assertEquals(1, shown.get(0));
            assertEquals(total, shown.get(shown.size() - 1));
        }
        assertEquals(List.of(1, 8, 15), java.util.stream.IntStream.rangeClosed(1, 15)
                .filter(e -> Progress.shown(e, 15)).boxed().toList());
    }
}
