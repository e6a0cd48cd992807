package dev.recommender.core.ranking;

import dev.recommender.core.io.ModelData;
import dev.recommender.core.io.ModelFormatException;
import dev.recommender.core.io.ModelStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Crafted two-stage model files with a valid checksum are refused by {@link ModelStore#load} with
 * one line naming the field, before any sub-model is decoded (the files below have none).
 */
class RetrievalRankingFileTest {
    @TempDir
    Path directory;

    /** A file of the given version whose ranker is the hand-built ensemble, after {@code tamper} edits its arrays. */
    ModelFormatException refusal(int version, Consumer<TreeEnsembleTest.Arrays> tamper, String key, String value)
            throws Exception {
        TreeEnsembleTest.Arrays arrays = new TreeEnsembleTest.Arrays();
        TreeEnsemble trees = arrays.build();
        ModelData.Builder data = ModelData.builder(RetrievalRanking.NAME, version)
                .property("candidates", 10)
                .property("orderer", false)
                .putStrings("ranker.features", new String[] {"a", "b"})
                .property("ranker.minLabel", "0")
                .property("ranker.maxLabel", "1")
                .putDoubles("ranker.importance", new double[] {1, 2});
        ModelData.Builder clean = ModelData.builder("scratch", 1);
        trees.writeTo(clean, "ranker.");
        ModelData written = clean.build();
        tamper.accept(arrays);
        written.properties().forEach((k, v) -> data.property(k, k.equals(key) ? value : v));
        data.putInts("ranker.treeStart", arrays.treeStart)
                .putInts("ranker.feature", arrays.feature)
                .putDoubles("ranker.threshold", arrays.threshold)
                .putInts("ranker.left", arrays.left)
                .putInts("ranker.right", arrays.right)
                .putDoubles("ranker.value", arrays.value);
        Path file = directory.resolve("crafted-" + System.nanoTime() + ".bin");
        ModelStore.write(data.build(), file);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelStore.load(file));
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e;
    }

    String message(Consumer<TreeEnsembleTest.Arrays> tamper) throws Exception {
        ModelFormatException e = refusal(4, tamper, "", "");
        return e.getMessage().substring(e.path().toString().length() + 2);
    }

    @Test
    void aCycleAnOutOfRangeFeatureOrANonFiniteValueIsRefused() throws Exception {
        assertEquals("inconsistent retrieval-ranking model: ranker.left[5] = 3 must point forward inside tree 1,"
                + " i.e. lie in (5, 8)", message(a -> a.left[5] = 3));
        assertEquals("inconsistent retrieval-ranking model: ranker.feature[3] = 11 is outside [-1, 2)",
                message(a -> a.feature[3] = 11));
        assertEquals("inconsistent retrieval-ranking model: ranker.threshold[5] is not finite: NaN",
                message(a -> a.threshold[5] = Double.NaN));
        assertEquals("inconsistent retrieval-ranking model: ranker.right has length 4, expected 9 (one per node)",
                message(a -> a.right = new int[4]));
    }

    @Test
    void aHeaderAnnouncingHugeArraysIsRefusedBeforeAnyAllocation() throws Exception {
        ModelFormatException e = refusal(4, a -> { }, "ranker.nodes", Integer.toString(1 << 30));
        assertEquals(e.path() + ": inconsistent retrieval-ranking model: ranker.nodes = 1073741824 is too large",
                e.getMessage());
    }

    @Test
    void filesFittedWithoutTheExposureFeatureAreRefused() throws Exception {
        ModelFormatException e = refusal(3, a -> { }, "", "");
        assertEquals(e.path() + ": inconsistent retrieval-ranking model: retrieval-ranking version 3 was fitted"
                + " without the exposure_score feature; fit and save the model again", e.getMessage());
    }

    @Test
    void filesWithJavaSerialisedTreesAreRefused() throws Exception {
        ModelFormatException e = refusal(2, a -> { }, "", "");
        assertEquals(e.path() + ": inconsistent retrieval-ranking model: retrieval-ranking version 2 stored its"
                + " trees by Java serialisation, which is no longer read; fit and save the model again",
                e.getMessage());
    }
}
