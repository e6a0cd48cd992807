package dev.recommender.server;

import dev.recommender.core.Recommender;
import dev.recommender.core.io.ModelFormatException;
import dev.recommender.core.io.ModelStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds the served model as an immutable {@link ModelSnapshot} in an {@link AtomicReference} and
 * swaps it on {@link #reload()}.
 *
 * <p>Readers call {@link #current()} once per request and use that snapshot to the end, so
 * requests in flight during a reload finish on the old model while new requests see the new one;
 * nothing is locked on the request path. Reloads are serialised with each other. A failed reload
 * (missing, truncated, corrupt or foreign file) throws and leaves the current snapshot in place.
 *
 * <p>The model file is {@value #MODEL_FILE_NAME} in the model directory, as written by
 * {@link ModelStore#save}. Its SHA-256 is computed before and after loading; if the file changed
 * meanwhile (a writer replaced it between the two reads) the load is retried, so the reported
 * hash always belongs to the bytes that were loaded.
 *
 * <p>Thread-safe.
 */
public final class ModelHolder {
    /** Name of the model file inside the model directory. */
    public static final String MODEL_FILE_NAME = "model.bin";

    private static final Logger LOG = LoggerFactory.getLogger(ModelHolder.class);
    private static final int LOAD_ATTEMPTS = 5;

    private final Path modelFile;
    private final Clock clock;
    private final AtomicReference<ModelSnapshot> current;
    private final Object reloadLock = new Object();

    private ModelHolder(Path modelFile, Clock clock, ModelSnapshot first) {
        this.modelFile = modelFile;
        this.clock = clock;
        this.current = new AtomicReference<>(first);
    }

    /**
     * Loads {@code DIR/model.bin}.
     *
     * @param modelDirectory the model directory
     * @return a holder serving the loaded model (generation 1)
     * @throws IOException if the file is missing, unreadable or not a valid model file
     */
    public static ModelHolder load(Path modelDirectory) throws IOException {
        return load(modelDirectory, Clock.systemUTC());
    }

    /**
     * Loads {@code DIR/model.bin}, timestamping loads with the given clock.
     *
     * @param modelDirectory the model directory
     * @param clock          source of {@link ModelSnapshot#loadedAt()}
     * @return a holder serving the loaded model (generation 1)
     * @throws IOException if the file is missing, unreadable or not a valid model file
     */
    public static ModelHolder load(Path modelDirectory, Clock clock) throws IOException {
        Objects.requireNonNull(modelDirectory, "modelDirectory");
        Objects.requireNonNull(clock, "clock");
        if (!Files.isDirectory(modelDirectory)) {
            throw new IOException("model directory " + modelDirectory + " does not exist or is not a directory");
        }
        Path file = modelDirectory.resolve(MODEL_FILE_NAME);
        ModelSnapshot first = read(file, 1, clock);
        LOG.info("loaded {} model from {} ({} items, version {})", first.model().name(), file,
                first.model().items().size(), first.version());
        return new ModelHolder(file, clock, first);
    }

    /**
     * The snapshot to answer a request from.
     *
     * @return the current snapshot; never null
     */
    public ModelSnapshot current() {
        return current.get();
    }

    /** The model file this holder reads. */
    public Path modelFile() {
        return modelFile;
    }

    /**
     * Re-reads the model file and, if it loads, makes it current. Concurrent reloads run one after
     * the other.
     *
     * @return the new current snapshot
     * @throws IOException if the file cannot be loaded; the previous snapshot stays current
     */
    public ModelSnapshot reload() throws IOException {
        synchronized (reloadLock) {
            ModelSnapshot previous = current.get();
            ModelSnapshot next;
            try {
                next = read(modelFile, previous.generation() + 1, clock);
            } catch (IOException | RuntimeException e) {
                LOG.warn("reload of {} failed, still serving version {}: {}", modelFile, previous.version(),
                        e.getMessage());
                throw e;
            }
            current.set(next);
            LOG.info("reloaded {} model from {} ({} items, version {})", next.model().name(), modelFile,
                    next.model().items().size(), next.version());
            return next;
        }
    }

    private static ModelSnapshot read(Path file, long generation, Clock clock) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("model file " + file + " does not exist or is not a regular file");
        }
        for (int attempt = 1; ; attempt++) {
            String before = sha256(file);
            Recommender model = ModelStore.load(file);
            String after = sha256(file);
            if (before.equals(after)) {
                return new ModelSnapshot(model, after, generation, clock.instant());
            }
            if (attempt == LOAD_ATTEMPTS) {
                throw new ModelFormatException(file, "file kept changing while it was loaded ("
                        + LOAD_ATTEMPTS + " attempts)", null);
            }
            LOG.debug("model file {} changed while loading, retrying", file);
        }
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
