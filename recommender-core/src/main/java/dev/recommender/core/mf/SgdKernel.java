package dev.recommender.core.mf;

import dev.recommender.core.internal.VectorMath;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inner loops of {@link Svd}: one pass of biased matrix-factorization SGD over a contiguous
 * range of training pairs, and scoring a user against every item. The
 * training loop ({@link SvdTrainer}) decides the order and the parallel schedule; a kernel only
 * applies the updates, so the scalar and the vector kernel share everything else.
 *
 * <p>For pair {@code (u, i, r)} with {@code e = r - (mean + bu + bi + p_u . q_i)}, multiplied by the
 * pair's weight when there are weights:
 * {@code bu += biasRate (e - biasReg bu)}, {@code bi += biasRate (e - biasReg bi)},
 * {@code p_u <- p_u (1 - rate factorReg) + rate e q_i} and
 * {@code q_i <- q_i (1 - rate factorReg) + rate e p_u} (both from the old values).
 *
 * <p>Implementations are stateless and thread-safe; concurrent calls must touch disjoint users
 * and items (the DSGD schedule guarantees it).
 */
abstract class SgdKernel {
    private static final Logger LOG = LoggerFactory.getLogger(SgdKernel.class);

    /** Name recorded in the model's properties: {@code "scalar"} or {@code "vector"}. */
    abstract String name();

    /**
     * Applies SGD updates for pairs {@code from} (inclusive) to {@code to} (exclusive), in order.
     *
     * @param pairs        packed pairs, user index in the high 32 bits, item index in the low 32 bits
     * @param values       observed value of each pair
     * @param weights      weight of each pair's squared error (the error is multiplied by it in the
     *                     gradient), or {@code null} for weight 1
     * @param mean         global mean
     * @param userBias     user biases, updated in place
     * @param itemBias     item biases, updated in place
     * @param userFactors  user factors, row-major with stride {@code factors}, updated in place
     * @param itemFactors  item factors, row-major with stride {@code factors}, updated in place
     * @param factors      number of factors
     * @param rate         learning rate of the factors
     * @param biasRate     learning rate of the biases
     * @param factorReg    regularisation of the factors
     * @param biasReg      regularisation of the biases
     * @return the sum of unweighted squared errors before each update
     */
    abstract double run(long[] pairs, float[] values, float[] weights, int from, int to, float mean,
                        float[] userBias, float[] itemBias, float[] userFactors, float[] itemFactors, int factors,
                        float rate, float biasRate, float factorReg, float biasReg);

    /**
     * Scores every item for one user: {@code scores[i] = base + itemBias[i] + p_u . q_i}.
     *
     * @param userFactors user factors, row-major with stride {@code factors}
     * @param userOffset  offset of the user's row
     * @param itemFactors item factors, row-major with stride {@code factors}
     * @param itemBias    item biases; its length is the number of items scored
     * @param base        {@code mean + b_u}
     * @param factors     number of factors
     * @param scores      receives the scores, at least {@code itemBias.length} long
     */
    abstract void scoreAll(float[] userFactors, int userOffset, float[] itemFactors, float[] itemBias, float base,
                           int factors, float[] scores);

    /** Whether the JDK incubator Vector API module is present in the boot layer. */
    static boolean vectorModulePresent() {
        return VectorMath.vectorModulePresent();
    }

    /**
     * Returns the kernel for a choice: {@code SCALAR}, {@code VECTOR} (fails if the module is
     * missing) or {@code AUTO} (vector when {@code --add-modules jdk.incubator.vector} was given).
     *
     * @throws IllegalStateException if {@code VECTOR} is asked for but unavailable
     */
    static SgdKernel select(Svd.Kernel choice) {
        switch (choice) {
            case SCALAR:
                return new ScalarSgdKernel();
            case VECTOR:
                if (!vectorModulePresent()) {
                    throw new IllegalStateException("kernel VECTOR needs the JVM option "
                            + "--add-modules jdk.incubator.vector");
                }
                return VectorLoader.load();
            case AUTO:
            default:
                if (vectorModulePresent()) {
                    try {
                        return VectorLoader.load();
                    } catch (LinkageError e) {
                        LOG.warn("Vector API present but unusable ({}); using the scalar SGD kernel", e.toString());
                    }
                } else {
                    LOG.debug("jdk.incubator.vector not in the boot layer; using the scalar SGD kernel "
                            + "(start the JVM with --add-modules jdk.incubator.vector for the faster vector kernel)");
                }
                return new ScalarSgdKernel();
        }
    }

    /** Keeps the reference to the vector kernel out of this class's constant pool resolution path. */
    private static final class VectorLoader {
        static SgdKernel load() {
            return new VectorSgdKernel();
        }
    }
}
