/**
 * Matrix factorization for rating prediction: {@link dev.recommender.core.mf.Svd}, biased matrix
 * factorization trained by SGD (Surprise's {@code SVD}), and its codec.
 *
 * <h2>Parallel, reproducible training</h2>
 * With {@code threads = T > 1} training follows DSGD (Gemulla et al., KDD 2011): users and items
 * are split into {@code T} blocks each, and in sub-epoch {@code s} worker {@code t} updates block
 * {@code (t, (t + s) mod T)}; blocks of one sub-epoch share no user or item, so there are no races
 * and the model depends only on data, configuration, seed, {@code T} and the kernel.
 *
 * <h2>Kernels</h2>
 * The SGD inner loop exists twice, package-private: a portable scalar loop and a loop on the JDK 17
 * incubator Vector API. The vector kernel is used when the JVM was started with
 * {@code --add-modules jdk.incubator.vector} (the JVM then prints a one-line warning that an
 * incubator module is in use); otherwise the scalar kernel runs. The kernel is logged at DEBUG
 * level and stored in the model file's {@code kernel} property.
 */
package dev.recommender.core.mf;
