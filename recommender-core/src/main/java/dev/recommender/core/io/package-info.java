/**
 * Model persistence: {@link dev.recommender.core.io.ModelStore} writes models as named primitive
 * arrays in a versioned, checksummed file, atomically, and refuses corrupt or foreign files;
 * {@link dev.recommender.core.io.ModelCodec} (or {@link dev.recommender.core.io.AbstractModelCodec} for a fixed identity)
 * converts one model class to and from {@link dev.recommender.core.io.ModelData}.
 */
package dev.recommender.core.io;
