package dev.recommender.core.io;

import dev.recommender.core.Recommender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.zip.CRC32C;

/**
 * Saves and loads models in a versioned, checksummed binary format, atomically.
 *
 * <p>File layout (big-endian):
 * <pre>
 *   magic      8 bytes  "RECMODEL"
 *   format     int      container format version (1)
 *   type       string   model type (int length + UTF-8 bytes)
 *   version    int      model content version
 *   length     long     payload length in bytes
 *   payload             properties (int count, then key/value strings) and sections
 *                       (int count, then name string, kind byte, int length, elements)
 *   checksum   int      CRC32C of every byte before it
 * </pre>
 *
 * <p>Writing goes through {@link AtomicFiles}: a temporary file in the target directory, forced to
 * disk and renamed over the target, so readers see the old file or the new one, never half of one;
 * the file gets the process's normal permissions (umask). Reading checks
 * magic, format version, length and checksum before building anything, and the codec validates
 * the content, so a truncated, corrupted or foreign file is refused with a {@link ModelFormatException}
 * naming the problem.
 *
 * <p>Model types are resolved through {@link ModelCodec}s found by {@link ServiceLoader}.
 * All methods are thread-safe.
 */
public final class ModelStore {
    private static final Logger LOG = LoggerFactory.getLogger(ModelStore.class);
    private static final byte[] MAGIC = "RECMODEL".getBytes(StandardCharsets.US_ASCII);
    /** The container format version this class writes and reads. */
    public static final int FORMAT_VERSION = 1;

    private ModelStore() {
    }

    /**
     * Saves a model with the codec registered for its class.
     *
     * @throws IllegalArgumentException if no codec handles the model's class
     * @throws IOException              if the file cannot be written
     */
    public static void save(Recommender model, Path path) throws IOException {
        Objects.requireNonNull(path, "path");
        write(encode(model), path);
    }

    /** Encodes a model with the codec registered for its class. */
    @SuppressWarnings("unchecked")
    public static ModelData encode(Recommender model) {
        Objects.requireNonNull(model, "model");
        ModelCodec<Recommender> codec = (ModelCodec<Recommender>) Codecs.byClass().get(model.getClass());
        if (codec == null) {
            throw new IllegalArgumentException("no ModelCodec registered for " + model.getClass().getName()
                    + "; known: " + Codecs.byType().keySet());
        }
        return codec.encode(model);
    }

    /**
     * Loads a model of any registered type.
     *
     * @throws ModelFormatException if the file is not a valid model file or its type is unknown
     * @throws IOException          if the file cannot be read
     */
    public static Recommender load(Path path) throws IOException {
        return load(Files.readAllBytes(path), path);
    }

    /** Loads a model from the bytes of a model file ({@code path} names it in messages). */
    static Recommender load(byte[] bytes, Path path) throws ModelFormatException {
        ModelData data = read(bytes, path);
        if (!Codecs.byType().containsKey(data.modelType())) {
            throw new ModelFormatException(path, "unknown model type '" + data.modelType() + "' (known: "
                    + Codecs.byType().keySet() + "); is the module that defines it on the class path?", null);
        }
        try {
            return decode(data);
        } catch (RuntimeException e) {
            throw new ModelFormatException(path, e.getMessage(), e);
        } catch (OutOfMemoryError | StackOverflowError e) {
            // the codecs check sizes before allocating, so this is a last line of defence: a crafted
            // file must not take down a server that loads it
            throw new ModelFormatException(path, data.modelType() + " model: cannot be built ("
                    + e.getClass().getSimpleName() + "); the file's sizes or settings are implausible", null);
        }
    }

    /** The model types of every registered codec (for example {@code "svd"}). */
    public static java.util.Set<String> types() {
        return Codecs.byType().keySet();
    }

    /**
     * Decodes model data with the codec registered for its type (for example a sub-model that a
     * composite model stored with {@link ModelData.Builder#putModel(String, ModelData)}).
     *
     * @param data the model data
     * @return the model
     * @throws IllegalArgumentException if the type is unknown, the version is newer than its codec
     *                                  supports, or the content is inconsistent
     */
    public static Recommender decode(ModelData data) {
        Objects.requireNonNull(data, "data");
        ModelCodec<?> codec = Codecs.byType().get(data.modelType());
        if (codec == null) {
            throw new IllegalArgumentException("unknown model type '" + data.modelType() + "' (known: "
                    + Codecs.byType().keySet() + "); is the module that defines it on the class path?");
        }
        if (data.modelVersion() > codec.version()) {
            throw new IllegalArgumentException("model type '" + data.modelType() + "' version " + data.modelVersion()
                    + " is newer than this library supports (" + codec.version() + ")");
        }
        try {
            return codec.decode(data);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("inconsistent " + data.modelType() + " model: " + e.getMessage(), e);
        }
    }

    /**
     * Loads a model and checks its class.
     *
     * @throws ModelFormatException if the file holds another model class or is invalid
     */
    public static <M extends Recommender> M load(Path path, Class<M> modelClass) throws IOException {
        Recommender model = load(path);
        if (!modelClass.isInstance(model)) {
            throw new ModelFormatException(path, "holds a " + model.getClass().getSimpleName() + ", expected "
                    + modelClass.getSimpleName(), null);
        }
        return modelClass.cast(model);
    }

    /**
     * Writes model data atomically (temporary file, fsync, rename).
     *
     * @throws IOException if the file cannot be written; the target is then unchanged
     */
    public static void write(ModelData data, Path path) throws IOException {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(path, "path");
        long payloadLength = payloadLength(data);
        AtomicFiles.writeChannel(path, channel -> writeTo(channel, data, payloadLength));
        LOG.debug("wrote {} model ({} sections) to {}", data.modelType(), data.sectionNames().size(), path);
    }

    /** The bytes of a model file holding the data (what {@link #write} puts into the file). */
    static byte[] toBytes(ModelData data) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try {
            writeTo(java.nio.channels.Channels.newChannel(bytes), data, payloadLength(data));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void writeTo(WritableByteChannel channel, ModelData data, long payloadLength) throws IOException {
        Writer writer = new Writer(channel);
        writer.bytes(MAGIC);
        writer.putInt(FORMAT_VERSION);
        writer.string(data.modelType());
        writer.putInt(data.modelVersion());
        writer.putLong(payloadLength);
        long before = writer.written;
        writePayload(writer, data);
        if (writer.written - before != payloadLength) {
            throw new IllegalStateException("payload length mismatch: " + (writer.written - before) + " vs " + payloadLength);
        }
        writer.flush();
        ByteBuffer checksum = ByteBuffer.allocate(4).putInt((int) writer.crc.getValue()).flip();
        while (checksum.hasRemaining()) {
            channel.write(checksum);
        }
    }

    /**
     * Reads and verifies model data without decoding it.
     *
     * @throws ModelFormatException if the file is not a valid model file
     */
    public static ModelData read(Path path) throws IOException {
        return read(Files.readAllBytes(path), path);
    }

    /** Reads and verifies the bytes of a model file ({@code path} names it in messages). */
    static ModelData read(byte[] bytes, Path path) throws ModelFormatException {
        int minimum = MAGIC.length + 4 + 4 + 4 + 8 + 4;
        if (bytes.length < MAGIC.length || !java.util.Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new ModelFormatException(path, "not a model file (bad magic bytes)", null);
        }
        if (bytes.length < minimum) {
            throw new ModelFormatException(path, "truncated model file (" + bytes.length + " bytes)", null);
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN);
        buffer.position(MAGIC.length);
        int format = buffer.getInt();
        if (format != FORMAT_VERSION) {
            throw new ModelFormatException(path, "unsupported container format version " + format
                    + " (this library reads " + FORMAT_VERSION + ")", null);
        }
        try {
            String type = string(buffer);
            int version = buffer.getInt();
            long payloadLength = buffer.getLong();
            long expectedSize = buffer.position() + payloadLength + 4;
            if (payloadLength < 0 || expectedSize != bytes.length) {
                throw new ModelFormatException(path, (expectedSize > bytes.length ? "truncated" : "trailing bytes in")
                        + " model file: header announces " + expectedSize + " bytes, file has " + bytes.length, null);
            }
            CRC32C crc = new CRC32C();
            crc.update(bytes, 0, bytes.length - 4);
            int stored = ByteBuffer.wrap(bytes, bytes.length - 4, 4).getInt();
            if (stored != (int) crc.getValue()) {
                throw new ModelFormatException(path, "checksum mismatch: the file is corrupted", null);
            }
            ModelData.Builder builder = ModelData.builder(type, version);
            int propertyCount = count(buffer);
            for (int k = 0; k < propertyCount; k++) {
                builder.property(string(buffer), string(buffer));
            }
            int sectionCount = count(buffer);
            for (int k = 0; k < sectionCount; k++) {
                String name = string(buffer);
                ModelData.Kind kind = ModelData.Kind.of(buffer.get());
                builder.putRaw(name, readSection(buffer, kind));
            }
            if (buffer.remaining() != 4) {
                throw new ModelFormatException(path, "payload length does not match its content", null);
            }
            return builder.build();
        } catch (BufferUnderflowException e) {
            throw new ModelFormatException(path, "malformed model file: a length or count runs past the end of the"
                    + " payload (" + bytes.length + " bytes)", e);
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(path, "malformed model file: " + e.getMessage(), e);
        }
    }

    private static int count(ByteBuffer buffer) {
        return count(buffer, 1);
    }

    /** Reads a count of elements of {@code width} bytes and checks they fit in what is left, before allocating. */
    private static int count(ByteBuffer buffer, int width) {
        int at = buffer.position();
        int count = buffer.getInt();
        if (count < 0 || (long) count * width > buffer.remaining()) {
            throw new IllegalArgumentException("the count " + count + " at byte " + at + " needs "
                    + Math.max(0, (long) count * width) + " bytes but only " + buffer.remaining() + " remain");
        }
        return count;
    }

    private static String string(ByteBuffer buffer) {
        int length = count(buffer);
        byte[] bytes = new byte[length];
        buffer.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static Object readSection(ByteBuffer buffer, ModelData.Kind kind) {
        int length = count(buffer, switch (kind) {
            case INTS, FLOATS -> 4;
            case DOUBLES, LONGS -> 8;
            default -> 1;
        });
        switch (kind) {
            case INTS -> {
                int[] values = new int[length];
                buffer.asIntBuffer().get(values);
                buffer.position(buffer.position() + 4 * length);
                return values;
            }
            case FLOATS -> {
                float[] values = new float[length];
                buffer.asFloatBuffer().get(values);
                buffer.position(buffer.position() + 4 * length);
                return values;
            }
            case DOUBLES -> {
                double[] values = new double[length];
                buffer.asDoubleBuffer().get(values);
                buffer.position(buffer.position() + 8 * length);
                return values;
            }
            case LONGS -> {
                long[] values = new long[length];
                buffer.asLongBuffer().get(values);
                buffer.position(buffer.position() + 8 * length);
                return values;
            }
            case STRINGS -> {
                String[] values = new String[length];
                for (int k = 0; k < length; k++) {
                    values[k] = string(buffer);
                }
                return values;
            }
            case BYTES -> {
                byte[] values = new byte[length];
                buffer.get(values);
                return values;
            }
            default -> throw new IllegalArgumentException("unknown kind " + kind);
        }
    }

    private static long payloadLength(ModelData data) {
        long length = 4;
        for (var property : data.properties().entrySet()) {
            length += stringLength(property.getKey()) + stringLength(property.getValue());
        }
        length += 4;
        for (String name : data.sectionNames()) {
            Object section = data.rawSection(name);
            length += stringLength(name) + 1 + 4;
            switch (ModelData.kindOf(section)) {
                case INTS, FLOATS -> length += 4L * ModelData.length(section);
                case DOUBLES, LONGS -> length += 8L * ModelData.length(section);
                case BYTES -> length += ModelData.length(section);
                case STRINGS -> {
                    for (String s : (String[]) section) {
                        length += stringLength(s);
                    }
                }
                default -> throw new IllegalStateException();
            }
        }
        return length;
    }

    private static long stringLength(String s) {
        return 4L + s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static void writePayload(Writer writer, ModelData data) throws IOException {
        writer.putInt(data.properties().size());
        for (var property : data.properties().entrySet()) {
            writer.string(property.getKey());
            writer.string(property.getValue());
        }
        writer.putInt(data.sectionNames().size());
        for (String name : data.sectionNames()) {
            Object section = data.rawSection(name);
            ModelData.Kind kind = ModelData.kindOf(section);
            writer.string(name);
            writer.putByte(kind.code);
            writer.putInt(ModelData.length(section));
            switch (kind) {
                case INTS -> {
                    for (int v : (int[]) section) {
                        writer.putInt(v);
                    }
                }
                case FLOATS -> {
                    for (float v : (float[]) section) {
                        writer.putInt(Float.floatToRawIntBits(v));
                    }
                }
                case DOUBLES -> {
                    for (double v : (double[]) section) {
                        writer.putLong(Double.doubleToRawLongBits(v));
                    }
                }
                case LONGS -> {
                    for (long v : (long[]) section) {
                        writer.putLong(v);
                    }
                }
                case STRINGS -> {
                    for (String s : (String[]) section) {
                        writer.string(s);
                    }
                }
                case BYTES -> writer.bytes((byte[]) section);
                default -> throw new IllegalStateException();
            }
        }
    }

    /** Buffered channel writer that counts bytes and keeps a running CRC32C. */
    private static final class Writer {
        private final WritableByteChannel channel;
        private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
        private final CRC32C crc = new CRC32C();
        private long written;

        Writer(WritableByteChannel channel) {
            this.channel = channel;
        }

        void ensure(int bytes) throws IOException {
            if (buffer.remaining() < bytes) {
                flush();
            }
        }

        void putByte(byte value) throws IOException {
            ensure(1);
            buffer.put(value);
            written += 1;
        }

        void putInt(int value) throws IOException {
            ensure(4);
            buffer.putInt(value);
            written += 4;
        }

        void putLong(long value) throws IOException {
            ensure(8);
            buffer.putLong(value);
            written += 8;
        }

        void bytes(byte[] bytes) throws IOException {
            int offset = 0;
            while (offset < bytes.length) {
                ensure(1);
                int n = Math.min(buffer.remaining(), bytes.length - offset);
                buffer.put(bytes, offset, n);
                offset += n;
            }
            written += bytes.length;
        }

        void string(String s) throws IOException {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            putInt(bytes.length);
            bytes(bytes);
        }

        void flush() throws IOException {
            buffer.flip();
            crc.update(buffer.duplicate());
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            buffer.clear();
        }
    }

    /** Lazily loaded codec registry. */
    private static final class Codecs {
        private static volatile Map<String, ModelCodec<?>> byType;
        private static volatile Map<Class<?>, ModelCodec<?>> byClass;

        static Map<String, ModelCodec<?>> byType() {
            load();
            return byType;
        }

        static Map<Class<?>, ModelCodec<?>> byClass() {
            load();
            return byClass;
        }

        private static synchronized void load() {
            if (byType != null) {
                return;
            }
            Map<String, ModelCodec<?>> types = new HashMap<>();
            Map<Class<?>, ModelCodec<?>> classes = new HashMap<>();
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            if (loader == null) {
                loader = ModelStore.class.getClassLoader();
            }
            for (ModelCodec<?> codec : ServiceLoader.load(ModelCodec.class, loader)) {
                ModelCodec<?> previous = types.putIfAbsent(codec.type(), codec);
                if (previous != null && previous.getClass() != codec.getClass()) {
                    throw new IllegalStateException("two codecs for model type '" + codec.type() + "': "
                            + previous.getClass().getName() + " and " + codec.getClass().getName());
                }
                classes.putIfAbsent(codec.modelClass(), codec);
            }
            byClass = Map.copyOf(classes);
            byType = Map.copyOf(types);
        }
    }
}
