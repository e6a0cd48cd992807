package dev.recommender.core.ranking;

import smile.base.cart.Node;
import smile.base.cart.OrdinalNode;
import smile.base.cart.RegressionNode;
import smile.regression.GradientTreeBoost;
import smile.regression.RegressionTree;

import java.lang.reflect.Field;
import java.util.Arrays;

/**
 * Converts a fitted Smile 2.6.0 {@link GradientTreeBoost} into a {@link TreeEnsemble}. Smile is
 * the trainer only; after this conversion no Smile object is used to predict.
 *
 * <p>Smile 2.6.0 does not expose three values the conversion needs: the model's intercept
 * ({@code b}), its shrinkage, and an ordinal split's threshold ({@code OrdinalNode.value}); they
 * are read once per fit by reflection (the library runs on the class path; Smile is not a named
 * module). Smile's split rule, read from its byte code, is {@code x[feature] <= value ? trueChild :
 * falseChild} ({@code dcmpg}/{@code ifgt}, so NaN goes to the false child), which is exactly
 * {@link TreeEnsemble}'s; a parity test checks the converted model against Smile's predictions.
 * Nominal splits (only produced for categorical columns, which the ranking model never has) are
 * refused. Stateless; thread-safe.
 */
final class SmileTrees {
    private static final Field INTERCEPT = field(GradientTreeBoost.class, "b");
    private static final Field SHRINKAGE = field(GradientTreeBoost.class, "shrinkage");
    private static final Field THRESHOLD = field(OrdinalNode.class, "value");

    private SmileTrees() {
    }

    private static Field field(Class<?> owner, String name) {
        try {
            Field field = owner.getDeclaredField(name);
            field.setAccessible(true);
            return field;
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot read " + owner.getName() + "." + name
                    + "; the tree conversion is written for Smile 2.6.0", e);
        }
    }

    /**
     * Flattens the trees of a fitted model.
     *
     * @param model        a least-squares (or any) gradient-boosted regression model on numeric columns
     * @param featureCount the number of predictor columns it was fitted on
     * @return the same function as {@code model.predict}, as flat arrays
     * @throws IllegalStateException if a tree holds a node kind other than ordinal splits and regression leaves
     */
    static TreeEnsemble convert(GradientTreeBoost model, int featureCount) {
        Builder builder = new Builder();
        RegressionTree[] trees = model.trees();
        int[] treeStart = new int[trees.length + 1];
        for (int t = 0; t < trees.length; t++) {
            treeStart[t] = builder.size;
            builder.emit(trees[t].root());
        }
        treeStart[trees.length] = builder.size;
        try {
            return new TreeEnsemble(featureCount, INTERCEPT.getDouble(model), SHRINKAGE.getDouble(model), treeStart,
                    Arrays.copyOf(builder.feature, builder.size), Arrays.copyOf(builder.threshold, builder.size),
                    Arrays.copyOf(builder.left, builder.size), Arrays.copyOf(builder.right, builder.size),
                    Arrays.copyOf(builder.value, builder.size));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read the intercept or shrinkage of a Smile model", e);
        }
    }

    /** Growable node arrays filled in pre-order, so a child always follows its parent. */
    private static final class Builder {
        int size;
        int[] feature = new int[64];
        double[] threshold = new double[64];
        int[] left = new int[64];
        int[] right = new int[64];
        double[] value = new double[64];

        int emit(Node node) {
            if (size == feature.length) {
                int capacity = Math.multiplyExact(size, 2);
                feature = Arrays.copyOf(feature, capacity);
                threshold = Arrays.copyOf(threshold, capacity);
                left = Arrays.copyOf(left, capacity);
                right = Arrays.copyOf(right, capacity);
                value = Arrays.copyOf(value, capacity);
            }
            int n = size++;
            if (node instanceof RegressionNode leaf) {
                feature[n] = -1;
                left[n] = -1;
                right[n] = -1;
                value[n] = leaf.output();
            } else if (node instanceof OrdinalNode split) {
                feature[n] = split.feature();
                try {
                    threshold[n] = THRESHOLD.getDouble(split);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot read a Smile split threshold", e);
                }
                // emit may grow (replace) the arrays, so store the children only after it returns
                int trueChild = emit(split.trueChild());
                int falseChild = emit(split.falseChild());
                left[n] = trueChild;
                right[n] = falseChild;
            } else {
                throw new IllegalStateException("unsupported Smile tree node " + node.getClass().getName()
                        + " (only numeric splits and regression leaves are converted)");
            }
            return n;
        }
    }
}
