/**
 * Test support shared with the other modules through recommender-core's test-jar: {@link
 * dev.recommender.core.testing.MovieLensData} finds the MovieLens latest-small ratings for data-dependent
 * tests, skipping them when {@code data.dir} is unset and failing them when it is set but the file is missing.
 */
package dev.recommender.core.testing;
