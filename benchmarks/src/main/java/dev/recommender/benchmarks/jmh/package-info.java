/**
 * JMH benchmarks (run from the uber-jar {@code benchmarks/target/benchmarks.jar}; recipes and results in
 * {@code docs/benchmarks.md}). The ranking-prediction benchmark lives in {@code dev.recommender.core.ranking}
 * to reach a package-private hook that keeps Smile's model for comparison.
 */
package dev.recommender.benchmarks.jmh;
