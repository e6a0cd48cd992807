/**
 * Shared machinery of the library's models, not part of its API (it may change in any release):
 * bounded top-K selection ({@link dev.recommender.core.internal.TopK}), contiguous-range parallel
 * loops with a deterministic split of the work ({@link dev.recommender.core.internal.ParallelRanges}),
 * vector kernels ({@link dev.recommender.core.internal.VectorMath}) and argument checks
 * ({@link dev.recommender.core.internal.Args}). Public only so that the library's other packages
 * and modules can share one copy.
 */
package dev.recommender.core.internal;
