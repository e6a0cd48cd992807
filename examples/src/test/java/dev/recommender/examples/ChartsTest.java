package dev.recommender.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartsTest {
    @Test
    void histogramIsAReadablePng(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sub/histogram.png");
        Charts.histogram(file, "engaged_pct", "engaged_pct", new double[] {0, 0, 0.5, 1, 1, 1}, 10);
        assertReadablePng(file);
    }

    @Test
    void scatterAndBarsAreReadablePngs(@TempDir Path dir) throws Exception {
        Path scatter = dir.resolve("scatter.png");
        Charts.scatter(scatter, "mean vs count", "count", "mean", new double[] {1, 2, 3}, new double[] {0.1, 0.5, 0.2});
        assertReadablePng(scatter);
        Path bars = dir.resolve("bars.png");
        Charts.bars(bars, "ndcg@10", "algorithm", "ndcg@10", List.of("popularity", "svd"), List.of(0.17, 0.30));
        assertReadablePng(bars);
    }

    @Test
    void fewDistinctValuesGetOneBarEach() {
        List<String> labels = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        Charts.binCounts(new double[] {1, 0.5, 1, 5, 0.5, 1}, 3, labels, counts);
        assertEquals(List.of("0.50", "1", "5"), labels);
        assertEquals(List.of(2L, 3L, 1L), counts);
    }

    @Test
    void manyDistinctValuesGetEqualWidthBins() {
        List<String> labels = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        // 0..10 in 2 bins of width 5: [0, 5) holds 0..4, [5, 10] holds 5..10 (the maximum joins the last bin)
        Charts.binCounts(new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 2, labels, counts);
        assertEquals(List.of("2.50", "7.50"), labels);
        assertEquals(List.of(5L, 6L), counts);
    }

    @Test
    void rejectsMismatchedInput(@TempDir Path dir) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Charts.scatter(
                dir.resolve("x.png"), "t", "x", "y", new double[] {1, 2}, new double[] {1}));
        assertEquals("x and y must have the same length, got 2 and 1", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Charts.histogram(dir.resolve("h.png"), "t", "x",
                new double[] {1}, 0));
    }

    static void assertReadablePng(Path file) throws Exception {
        assertTrue(Files.size(file) > 2_000, "a chart has some content: " + Files.size(file) + " bytes");
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(800, image.getWidth());
        assertEquals(500, image.getHeight());
    }
}
