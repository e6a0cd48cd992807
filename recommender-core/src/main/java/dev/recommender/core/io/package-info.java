/**
 * Model persistence: {@link dev.recommender.core.io.ModelStore} writes models as named primitive
 * arrays in a versioned, checksummed file, atomically, and refuses corrupt or foreign files.
 */
package dev.recommender.core.io;
