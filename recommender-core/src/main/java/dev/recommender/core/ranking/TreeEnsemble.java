package dev.recommender.core.ranking;

import dev.recommender.core.io.ModelData;

import java.util.Objects;

/**
 * An additive ensemble of binary regression trees held as flat primitive arrays, evaluated without
 * any object per node or per call: prediction = {@code intercept + Σ_t shrinkage · leaf_t(x)}, where
 * each tree is walked from its root by {@code x[feature] <= threshold ? left : right} until a leaf.
 * This is the inference form of a gradient-boosted model (Smile's {@code GradientTreeBoost} is
 * converted by {@link SmileTrees}); the order of the additions is Smile's, so predictions agree with
 * Smile's bit for bit.
 *
 * <p>Layout: nodes of all trees in one set of arrays of length {@link #nodeCount()}; tree {@code t}
 * owns nodes {@code [treeStart[t], treeStart[t + 1])} and its root is {@code treeStart[t]}. A leaf
 * has {@code feature = -1}, {@code left = right = -1} and its output in {@code value}; an internal
 * node has a feature index in {@code [0, featureCount)}, a finite threshold and children that lie
 * after it inside its own tree (so every walk ends, in at most the tree's node count steps).
 * A missing value (NaN) fails {@code <=} and goes right, as in Smile.
 *
 * <p>Two walks give the same leaves: {@link #predict(double[])} follows one row down with branches
 * and stops at the leaf; {@link #predict(double[], int, double[])} walks four rows through each tree
 * at once for exactly the tree's depth, a leaf stepping to itself, with a conditional move instead
 * of a branch per step (predication, as in Asadi, Lin and de Vries, "Runtime Optimizations for
 * Tree-Based Machine Learning Models", IEEE TKDE 2014), so the four walks overlap in the CPU.
 *
 * <p>Immutable and thread-safe: every field is final, and the arrays (including the evaluation
 * layout derived from them) are built and validated in the constructor and never written after.
 * Complexity: O(trees · depth) per row.
 */
public final class TreeEnsemble {
    private final int featureCount;
    private final double intercept;
    private final double shrinkage;
    private final int[] treeStart;
    private final int[] feature;
    private final double[] threshold;
    private final int[] left;
    private final int[] right;
    private final double[] value;
    /** Evaluation layout: per node its two children (a leaf points to itself twice), so every walk of tree t takes depth[t] steps. */
    private final int[] children;
    /** Evaluation layout: the split feature, 0 for a leaf (whose children are both itself). */
    private final int[] splitFeature;
    /** Edges on the longest root-to-leaf path of each tree. */
    private final int[] depth;

    /**
     * Builds and validates an ensemble (arrays are copied).
     *
     * @param featureCount number of columns of a row, at least 1
     * @param intercept    the constant the tree outputs are added to, finite
     * @param shrinkage    the factor of every tree output, finite
     * @param treeStart    first node of each tree, then the node count: length {@code trees + 1}
     * @param feature      per node: the split feature, or -1 for a leaf
     * @param threshold    per node: the split threshold (finite; 0 for a leaf)
     * @param left         per node: the child for {@code x <= threshold}, or -1 for a leaf
     * @param right        per node: the child for {@code x > threshold} or NaN, or -1 for a leaf
     * @param value        per node: the leaf output (finite; 0 for an internal node)
     * @throws IllegalArgumentException naming the first array element that breaks the layout
     */
    public TreeEnsemble(int featureCount, double intercept, double shrinkage, int[] treeStart, int[] feature,
                        double[] threshold, int[] left, int[] right, double[] value) {
        this(featureCount, intercept, shrinkage, treeStart.clone(), feature.clone(), threshold.clone(), left.clone(),
                right.clone(), value.clone(), "");
    }

    /** Takes ownership of the arrays; {@code prefix} names them in errors (e.g. "ranker."). */
    private TreeEnsemble(int featureCount, double intercept, double shrinkage, int[] treeStart, int[] feature,
                         double[] threshold, int[] left, int[] right, double[] value, String prefix) {
        if (featureCount < 1) {
            throw new IllegalArgumentException(prefix + "featureCount must be at least 1, got " + featureCount);
        }
        requireFinite(prefix + "intercept", intercept);
        requireFinite(prefix + "shrinkage", shrinkage);
        if (treeStart.length < 2) {
            throw new IllegalArgumentException(prefix + "treeStart must list at least one tree, has length "
                    + treeStart.length);
        }
        int nodes = treeStart[treeStart.length - 1];
        requireLength(prefix + "feature", feature.length, nodes);
        requireLength(prefix + "threshold", threshold.length, nodes);
        requireLength(prefix + "left", left.length, nodes);
        requireLength(prefix + "right", right.length, nodes);
        requireLength(prefix + "value", value.length, nodes);
        if (treeStart[0] != 0) {
            throw new IllegalArgumentException(prefix + "treeStart[0] must be 0, got " + treeStart[0]);
        }
        for (int t = 0; t + 1 < treeStart.length; t++) {
            if (treeStart[t + 1] <= treeStart[t]) {
                throw new IllegalArgumentException(prefix + "treeStart[" + (t + 1) + "] = " + treeStart[t + 1]
                        + " must exceed treeStart[" + t + "] = " + treeStart[t] + " (a tree has at least one node)");
            }
        }
        for (int t = 0; t + 1 < treeStart.length; t++) {
            int end = treeStart[t + 1];
            for (int n = treeStart[t]; n < end; n++) {
                requireFinite(prefix + "threshold[" + n + "]", threshold[n]);
                requireFinite(prefix + "value[" + n + "]", value[n]);
                if (feature[n] == -1) {
                    if (left[n] != -1 || right[n] != -1) {
                        throw new IllegalArgumentException(prefix + "leaf " + n + " of tree " + t
                                + " has children: left = " + left[n] + ", right = " + right[n]);
                    }
                } else {
                    if (feature[n] < 0 || feature[n] >= featureCount) {
                        throw new IllegalArgumentException(prefix + "feature[" + n + "] = " + feature[n]
                                + " is outside [-1, " + featureCount + ")");
                    }
                    requireChild(prefix + "left", n, left[n], t, end);
                    requireChild(prefix + "right", n, right[n], t, end);
                }
            }
        }
        this.featureCount = featureCount;
        this.intercept = intercept;
        this.shrinkage = shrinkage;
        this.treeStart = treeStart;
        this.feature = feature;
        this.threshold = threshold;
        this.left = left;
        this.right = right;
        this.value = value;
        // the predicated layout used by predict: built here, never lazily
        this.children = new int[Math.multiplyExact(2, nodes)];
        this.splitFeature = new int[nodes];
        this.depth = new int[treeStart.length - 1];
        int[] level = new int[nodes];
        for (int t = 0; t + 1 < treeStart.length; t++) {
            for (int n = treeStart[t]; n < treeStart[t + 1]; n++) {
                boolean leaf = feature[n] == -1;
                children[2 * n] = leaf ? n : left[n];
                children[2 * n + 1] = leaf ? n : right[n];
                splitFeature[n] = leaf ? 0 : feature[n];
                if (leaf) {
                    depth[t] = Math.max(depth[t], level[n]);
                } else {
                    // children follow their parents, so a node's level (its longest path from the root, even if
                    // a crafted file gives it two parents) is final before it is visited
                    level[left[n]] = Math.max(level[left[n]], level[n] + 1);
                    level[right[n]] = Math.max(level[right[n]], level[n] + 1);
                }
            }
        }
    }

    private static void requireFinite(String field, double x) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException(field + " is not finite: " + x);
        }
    }

    private static void requireLength(String field, int length, int expected) {
        if (length != expected) {
            throw new IllegalArgumentException(field + " has length " + length + ", expected " + expected
                    + " (one per node)");
        }
    }

    private static void requireChild(String field, int node, int child, int tree, int end) {
        if (child <= node || child >= end) {
            throw new IllegalArgumentException(field + "[" + node + "] = " + child + " must point forward inside tree "
                    + tree + ", i.e. lie in (" + node + ", " + end + ")");
        }
    }

    /**
     * Predicts one row.
     *
     * @param row at least {@link #featureCount()} values; only the first {@code featureCount} are read
     * @return {@code intercept + Σ shrinkage · leaf}
     */
    public double predict(double[] row) {
        // one row has no independent walks to overlap, so it stops at the leaf instead of walking the full depth
        double y = intercept;
        for (int t = 0; t < depth.length; t++) {
            int n = treeStart[t];
            int f;
            while ((f = feature[n]) >= 0) {
                n = row[f] <= threshold[n] ? left[n] : right[n];
            }
            y += shrinkage * value[n];
        }
        return y;
    }

    /**
     * Mean squared error of the first {@code t + 1} trees, for every {@code t}, on the rows
     * {@code features[order[from..to)]} against {@code labels[order[..]]}: each row's prediction is
     * built tree by tree exactly as {@link #predict(double[])} adds them (and as Smile's staged
     * {@code test} does), with one running prediction per row instead of one per row and tree.
     *
     * @return one error per tree
     */
    double[] stagedMse(double[][] features, double[] labels, int[] order, int from, int to) {
        int n = to - from;
        int trees = depth.length;
        double[] sums = new double[trees];
        // blocks of rows walk every tree while their rows stay in the cache; each tree's sum still adds the
        // rows in order, and each row's prediction the trees in order, so the result is the row-by-row one
        final int block = 8;
        double[][] rows = new double[block][];
        double[] prediction = new double[block];
        double[] label = new double[block];
        int[] node = new int[block];
        for (int start = 0; start < n; start += block) {
            int m = Math.min(block, n - start);
            for (int i = 0; i < m; i++) {
                rows[i] = features[order[from + start + i]];
                label[i] = labels[order[from + start + i]];
                prediction[i] = intercept;
            }
            for (int t = 0; t < trees; t++) {
                java.util.Arrays.fill(node, 0, m, treeStart[t]);
                for (int k = depth[t]; k > 0; k--) {
                    for (int i = 0; i < m; i++) {
                        node[i] = next(node[i], rows[i][splitFeature[node[i]]]);
                    }
                }
                double sum = sums[t];
                for (int i = 0; i < m; i++) {
                    prediction[i] += shrinkage * value[node[i]];
                    double error = prediction[i] - label[i];
                    sum += error * error;
                }
                sums[t] = sum;
            }
        }
        double[] mse = new double[trees];
        for (int t = 0; t < trees; t++) {
            mse[t] = sums[t] / n;
        }
        return mse;
    }

    /**
     * One step down: the left child if {@code x <= threshold} (NaN goes right); a leaf steps to itself.
     * Written without a data-dependent branch, so that the JIT can use a conditional move and walks
     * of different rows overlap instead of stalling on mispredicted branches.
     */
    private int next(int n, double x) {
        return children[2 * n + (x <= threshold[n] ? 0 : 1)];
    }

    /**
     * Predicts {@code rowCount} rows stored one after another (row-major, {@link #featureCount()}
     * columns each) into {@code out[0..rowCount)}. Allocates nothing; the caller may reuse both arrays.
     * Each tree is applied to eight (then four) rows at a time, whose walks are independent, and the tree outputs
     * are added in the same order as {@link #predict(double[])}, so the results are identical to it.
     *
     * @param rows     at least {@code rowCount · featureCount} values
     * @param rowCount number of rows to predict
     * @param out      receives the predictions; at least {@code rowCount} long
     * @throws IllegalArgumentException if an array is too short or {@code rowCount < 0}
     */
    public void predict(double[] rows, int rowCount, double[] out) {
        if (rowCount < 0 || out.length < rowCount || rows.length / featureCount < rowCount) {
            throw new IllegalArgumentException("need rowCount >= 0, rows.length >= " + featureCount
                    + " * rowCount and out.length >= rowCount; got rowCount " + rowCount + ", rows.length "
                    + rows.length + ", out.length " + out.length);
        }
        java.util.Arrays.fill(out, 0, rowCount, intercept);
        int p = featureCount;
        for (int t = 0; t < depth.length; t++) {
            int root = treeStart[t];
            int steps = depth[t];
            int r = 0;
            for (; r + 8 <= rowCount; r += 8) {
                int o0 = r * p;
                int n0 = root;
                int n1 = root;
                int n2 = root;
                int n3 = root;
                int n4 = root;
                int n5 = root;
                int n6 = root;
                int n7 = root;
                for (int k = steps; k > 0; k--) {
                    n0 = next(n0, rows[o0 + splitFeature[n0]]);
                    n1 = next(n1, rows[o0 + p + splitFeature[n1]]);
                    n2 = next(n2, rows[o0 + 2 * p + splitFeature[n2]]);
                    n3 = next(n3, rows[o0 + 3 * p + splitFeature[n3]]);
                    n4 = next(n4, rows[o0 + 4 * p + splitFeature[n4]]);
                    n5 = next(n5, rows[o0 + 5 * p + splitFeature[n5]]);
                    n6 = next(n6, rows[o0 + 6 * p + splitFeature[n6]]);
                    n7 = next(n7, rows[o0 + 7 * p + splitFeature[n7]]);
                }
                out[r] += shrinkage * value[n0];
                out[r + 1] += shrinkage * value[n1];
                out[r + 2] += shrinkage * value[n2];
                out[r + 3] += shrinkage * value[n3];
                out[r + 4] += shrinkage * value[n4];
                out[r + 5] += shrinkage * value[n5];
                out[r + 6] += shrinkage * value[n6];
                out[r + 7] += shrinkage * value[n7];
            }
            for (; r + 4 <= rowCount; r += 4) {
                int o0 = r * p;
                int o1 = o0 + p;
                int o2 = o1 + p;
                int o3 = o2 + p;
                int n0 = root;
                int n1 = root;
                int n2 = root;
                int n3 = root;
                for (int k = steps; k > 0; k--) {
                    n0 = next(n0, rows[o0 + splitFeature[n0]]);
                    n1 = next(n1, rows[o1 + splitFeature[n1]]);
                    n2 = next(n2, rows[o2 + splitFeature[n2]]);
                    n3 = next(n3, rows[o3 + splitFeature[n3]]);
                }
                out[r] += shrinkage * value[n0];
                out[r + 1] += shrinkage * value[n1];
                out[r + 2] += shrinkage * value[n2];
                out[r + 3] += shrinkage * value[n3];
            }
            for (; r < rowCount; r++) {
                int o = r * p;
                int n = root;
                for (int k = steps; k > 0; k--) {
                    n = next(n, rows[o + splitFeature[n]]);
                }
                out[r] += shrinkage * value[n];
            }
        }
    }

    /** Number of columns a row must have. */
    public int featureCount() {
        return featureCount;
    }

    /** Number of trees. */
    public int treeCount() {
        return treeStart.length - 1;
    }

    /** Number of nodes over all trees. */
    public int nodeCount() {
        return feature.length;
    }

    /** The constant the tree outputs are added to. */
    public double intercept() {
        return intercept;
    }

    /** The factor of every tree output. */
    public double shrinkage() {
        return shrinkage;
    }

    /**
     * Writes the ensemble as named arrays: properties {@code <prefix>trees}, {@code <prefix>nodes},
     * {@code <prefix>featureCount}, {@code <prefix>intercept}, {@code <prefix>shrinkage} (exact
     * decimal forms) and sections {@code treeStart}, {@code feature}, {@code left}, {@code right}
     * ({@code int[]}), {@code threshold}, {@code value} ({@code double[]}).
     *
     * @param data   the model being written
     * @param prefix name prefix, e.g. {@code "ranker."}
     */
    public void writeTo(ModelData.Builder data, String prefix) {
        data.property(prefix + "trees", treeCount())
                .property(prefix + "nodes", nodeCount())
                .property(prefix + "featureCount", featureCount)
                .property(prefix + "intercept", Double.toString(intercept))
                .property(prefix + "shrinkage", Double.toString(shrinkage))
                .putInts(prefix + "treeStart", treeStart)
                .putInts(prefix + "feature", feature)
                .putDoubles(prefix + "threshold", threshold)
                .putInts(prefix + "left", left)
                .putInts(prefix + "right", right)
                .putDoubles(prefix + "value", value);
    }

    /**
     * Reads an ensemble written by {@link #writeTo}. The header properties are checked first (tree
     * and node counts positive, the section sizes they imply computed with overflow checks), then
     * every section's length against them, then every node as the constructor does.
     *
     * @param data         the model data
     * @param prefix       the prefix given to {@link #writeTo}
     * @param featureCount the number of features the caller will supply; must equal the stored one
     * @return the ensemble, fully built
     * @throws IllegalArgumentException one line naming the first missing or inconsistent field
     */
    public static TreeEnsemble readFrom(ModelData data, String prefix, int featureCount) {
        Objects.requireNonNull(data, "data");
        int trees = data.intProperty(prefix + "trees");
        int nodes = data.intProperty(prefix + "nodes");
        int storedFeatures = data.intProperty(prefix + "featureCount");
        if (trees < 1) {
            throw new IllegalArgumentException(prefix + "trees must be at least 1, got " + trees);
        }
        if (nodes < trees) {
            throw new IllegalArgumentException(prefix + "nodes = " + nodes + " is fewer than " + prefix + "trees = "
                    + trees);
        }
        if (storedFeatures != featureCount) {
            throw new IllegalArgumentException(prefix + "featureCount = " + storedFeatures + ", but the model lists "
                    + featureCount + " features");
        }
        // 4 int[] and 2 double[] sections of `nodes` elements: the decoded size must fit an int count of bytes
        try {
            Math.addExact(Math.multiplyExact(nodes, 4 * 4), Math.multiplyExact(nodes, 2 * 8));
            Math.addExact(trees, 1);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(prefix + "nodes = " + nodes + " is too large", e);
        }
        double intercept = data.doubleProperty(prefix + "intercept");
        double shrinkage = data.doubleProperty(prefix + "shrinkage");
        int[] treeStart = data.ints(prefix + "treeStart");
        if (treeStart.length != trees + 1) {
            throw new IllegalArgumentException(prefix + "treeStart has length " + treeStart.length + ", expected "
                    + prefix + "trees + 1 = " + (trees + 1));
        }
        if (treeStart[trees] != nodes) {
            throw new IllegalArgumentException(prefix + "treeStart[" + trees + "] = " + treeStart[trees]
                    + ", expected " + prefix + "nodes = " + nodes);
        }
        int[] feature = data.ints(prefix + "feature");
        requireLength(prefix + "feature", feature.length, nodes);
        int[] left = data.ints(prefix + "left");
        requireLength(prefix + "left", left.length, nodes);
        int[] right = data.ints(prefix + "right");
        requireLength(prefix + "right", right.length, nodes);
        double[] threshold = data.doubles(prefix + "threshold");
        requireLength(prefix + "threshold", threshold.length, nodes);
        double[] value = data.doubles(prefix + "value");
        requireLength(prefix + "value", value.length, nodes);
        return new TreeEnsemble(featureCount, intercept, shrinkage, treeStart, feature, threshold, left, right, value,
                prefix);
    }
}
