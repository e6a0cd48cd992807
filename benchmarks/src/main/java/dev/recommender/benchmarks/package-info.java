/**
 * Benchmark programs: each is a {@code main} that prints a markdown table to standard output, for
 * {@code docs/benchmarks.md}. They measure this machine at this moment; numbers are indicative.
 */
package dev.recommender.benchmarks;
