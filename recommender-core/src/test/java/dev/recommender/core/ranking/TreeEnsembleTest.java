package dev.recommender.core.ranking;

import dev.recommender.core.io.ModelData;
import org.junit.jupiter.api.Test;

import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TreeEnsembleTest {
    /**
     * Three trees over two features, intercept 0.5, shrinkage 0.1:
     * tree 0 (nodes 0-2): x0 <= 1 ? 2 : -4;
     * tree 1 (nodes 3-7): x1 <= 0 ? 10 : (x0 <= 3 ? 1 : -1);
     * tree 2 (node 8): the constant 5.
     */
    static final class Arrays {
        int[] treeStart = {0, 3, 8, 9};
        int[] feature = {0, -1, -1, 1, -1, 0, -1, -1, -1};
        double[] threshold = {1.0, 0, 0, 0.0, 0, 3.0, 0, 0, 0};
        int[] left = {1, -1, -1, 4, -1, 6, -1, -1, -1};
        int[] right = {2, -1, -1, 5, -1, 7, -1, -1, -1};
        double[] value = {0, 2, -4, 0, 10, 0, 1, -1, 5};

        TreeEnsemble build() {
            return new TreeEnsemble(2, 0.5, 0.1, treeStart, feature, threshold, left, right, value);
        }
    }

    static TreeEnsemble handBuilt() {
        return new Arrays().build();
    }

    @Test
    void predictsHandComputedValuesWithTiesGoingLeftAndNaNRight() {
        TreeEnsemble trees = handBuilt();
        assertEquals(3, trees.treeCount());
        assertEquals(9, trees.nodeCount());
        // exactly at both thresholds: <= goes left in each tree: 0.5 + 0.1·2 + 0.1·10 + 0.1·5
        assertEquals(2.2, trees.predict(new double[] {1.0, 0.0}), 1e-12);
        // just above x0's threshold, x1 > 0: 0.5 - 0.4 + 0.1 + 0.5
        assertEquals(0.7, trees.predict(new double[] {Math.nextUp(1.0), 0.5}), 1e-12);
        // missing values fail every comparison and go right: 0.5 - 0.4 - 0.1 + 0.5
        assertEquals(0.5, trees.predict(new double[] {Double.NaN, Double.NaN}), 1e-12);
        // x0 exactly at tree 1's inner threshold 3 goes left there: 0.5 - 0.4 + 0.1 + 0.5
        assertEquals(0.7, trees.predict(new double[] {3.0, 1.0}), 1e-12);
        assertEquals(0.5, trees.predict(new double[] {Math.nextUp(3.0), 1.0}), 1e-12);
    }

    @Test
    void batchPredictionEqualsRowByRowAndChecksLengths() {
        TreeEnsemble trees = handBuilt();
        // six rows: one block of four walked together, then two walked one by one
        double[][] rows = {{1.0, 0.0}, {2, 0.5}, {Double.NaN, -1}, {3.0, 1.0}, {0.5, 7}, {Double.NaN, Double.NaN}};
        double[] matrix = new double[rows.length * 2 + 3];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(rows[r], 0, matrix, 2 * r, 2);
        }
        double[] out = new double[rows.length + 1];
        out[rows.length] = -7;
        trees.predict(matrix, rows.length, out);
        for (int r = 0; r < rows.length; r++) {
            assertEquals(trees.predict(rows[r]), out[r], 0.0);
        }
        assertEquals(-7, out[rows.length], 0.0, "only rowCount outputs are written");
        assertThrows(IllegalArgumentException.class, () -> trees.predict(new double[3], 2, new double[2]));
        assertThrows(IllegalArgumentException.class, () -> trees.predict(new double[4], 2, new double[1]));
        assertThrows(IllegalArgumentException.class, () -> trees.predict(new double[4], -1, new double[1]));
    }

    @Test
    void aNodeWithTwoParentsIsWalkedToTheEndOfItsLongestPath() {
        // node 4 is reached from node 2 (level 2) and from node 3 (level 1): the matrix walk must take 4 steps
        TreeEnsemble dag = new TreeEnsemble(2, 0, 1, new int[] {0, 7},
                new int[] {0, 1, 0, 1, 1, -1, -1},
                new double[] {1, 0, 0, 0, -5, 0, 0},
                new int[] {1, 2, 4, 4, 5, -1, -1},
                new int[] {3, 6, 5, 6, 6, -1, -1},
                new double[] {0, 0, 0, 0, 0, 1, 2});
        double[] row = {0, -10};
        assertEquals(1.0, dag.predict(row), 0.0);
        double[] out = new double[1];
        dag.predict(row, 1, out);
        assertEquals(1.0, out[0], 0.0);
    }

    static String rejection(Consumer<Arrays> tamper) {
        Arrays arrays = new Arrays();
        tamper.accept(arrays);
        return assertThrows(IllegalArgumentException.class, arrays::build).getMessage();
    }

    @Test
    void refusesCyclesBackwardOrForeignChildrenBadFeaturesAndNonFiniteValues() {
        assertEquals("left[3] = 3 must point forward inside tree 1, i.e. lie in (3, 8)",
                rejection(a -> a.left[3] = 3));
        assertEquals("right[5] = 3 must point forward inside tree 1, i.e. lie in (5, 8)",
                rejection(a -> a.right[5] = 3));
        assertEquals("right[0] = 3 must point forward inside tree 0, i.e. lie in (0, 3)",
                rejection(a -> a.right[0] = 3));
        assertEquals("feature[5] = 2 is outside [-1, 2)", rejection(a -> a.feature[5] = 2));
        assertEquals("feature[0] = -2 is outside [-1, 2)", rejection(a -> a.feature[0] = -2));
        assertEquals("leaf 1 of tree 0 has children: left = 2, right = -1", rejection(a -> a.left[1] = 2));
        assertEquals("threshold[0] is not finite: NaN", rejection(a -> a.threshold[0] = Double.NaN));
        assertEquals("value[4] is not finite: Infinity", rejection(a -> a.value[4] = Double.POSITIVE_INFINITY));
        assertEquals("treeStart[2] = 2 must exceed treeStart[1] = 3 (a tree has at least one node)",
                rejection(a -> a.treeStart[2] = 2));
        assertEquals("treeStart[0] must be 0, got 1", rejection(a -> a.treeStart[0] = 1));
        assertEquals("value has length 8, expected 9 (one per node)",
                rejection(a -> a.value = java.util.Arrays.copyOf(a.value, 8)));
        assertEquals("intercept is not finite: NaN", assertThrows(IllegalArgumentException.class,
                () -> new TreeEnsemble(2, Double.NaN, 0.1, new int[] {0, 1}, new int[] {-1}, new double[1],
                        new int[] {-1}, new int[] {-1}, new double[1])).getMessage());
    }

    static ModelData written(TreeEnsemble trees, Consumer<ModelData.Builder> extra) {
        ModelData.Builder data = ModelData.builder("test", 1);
        extra.accept(data);
        trees.writeTo(data, "t.");
        return data.build();
    }

    @Test
    void namedArraysRoundTripExactly() {
        TreeEnsemble trees = handBuilt();
        TreeEnsemble copy = TreeEnsemble.readFrom(written(trees, data -> { }), "t.", 2);
        assertEquals(trees.intercept(), copy.intercept(), 0.0);
        assertEquals(trees.shrinkage(), copy.shrinkage(), 0.0);
        assertEquals(9, copy.nodeCount());
        ModelData again = written(copy, data -> { });
        assertEquals(written(trees, data -> { }), again);
        assertArrayEquals(new int[] {0, 3, 8, 9}, again.ints("t.treeStart"));
    }

    /** Model data whose header property {@code key} is replaced by {@code value}. */
    static ModelData withProperty(String key, String value) {
        ModelData original = written(handBuilt(), data -> { });
        ModelData.Builder data = ModelData.builder("test", 1);
        original.properties().forEach((k, v) -> data.property(k, k.equals(key) ? value : v));
        for (String name : original.sectionNames()) {
            if (name.endsWith("treeStart") || name.endsWith("feature") || name.endsWith("left")
                    || name.endsWith("right")) {
                data.putInts(name, original.ints(name));
            } else {
                data.putDoubles(name, original.doubles(name));
            }
        }
        return data.build();
    }

    @Test
    void readingChecksTheHeaderBeforeTheSections() {
        assertEquals("t.nodes = 2147483647 is too large", assertThrows(IllegalArgumentException.class,
                () -> TreeEnsemble.readFrom(withProperty("t.nodes", "2147483647"), "t.", 2)).getMessage());
        assertEquals("t.trees must be at least 1, got 0", assertThrows(IllegalArgumentException.class,
                () -> TreeEnsemble.readFrom(withProperty("t.trees", "0"), "t.", 2)).getMessage());
        assertEquals("t.nodes = 2 is fewer than t.trees = 3", assertThrows(IllegalArgumentException.class,
                () -> TreeEnsemble.readFrom(withProperty("t.nodes", "2"), "t.", 2)).getMessage());
        assertEquals("t.treeStart has length 4, expected t.trees + 1 = 3", assertThrows(
                IllegalArgumentException.class,
                () -> TreeEnsemble.readFrom(withProperty("t.trees", "2"), "t.", 2)).getMessage());
        assertEquals("t.treeStart[3] = 9, expected t.nodes = 10", assertThrows(IllegalArgumentException.class,
                () -> TreeEnsemble.readFrom(withProperty("t.nodes", "10"), "t.", 2)).getMessage());
        assertEquals("t.featureCount = 2, but the model lists 3 features", assertThrows(
                IllegalArgumentException.class,
                () -> TreeEnsemble.readFrom(withProperty("t.nodes", "9"), "t.", 3)).getMessage());
        assertEquals("t.intercept is not finite: Infinity", assertThrows(IllegalArgumentException.class,
                () -> TreeEnsemble.readFrom(withProperty("t.intercept", "Infinity"), "t.", 2)).getMessage());
    }
}
