/**
 * Matrix factorization for rating prediction: {@link dev.recommender.core.mf.Svd}, biased matrix
 * factorization trained by SGD (Surprise's {@code SVD}), {@link dev.recommender.core.mf.SvdPlusPlus} (SVD++,
 * one training thread, served with its implicit term folded into the user factors), the engagement-rate models
 * {@link dev.recommender.core.mf.RateAls} and {@link dev.recommender.core.mf.ExposureRate}, and their codecs.
 * The DSGD and kernel notes below are about {@code Svd}.
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
