package dev.recommender.core.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A model as named primitive arrays plus string properties (in the spirit of saving named arrays
 * rather than serialised objects): what a {@link ModelCodec} produces and what {@link ModelStore}
 * writes. Arrays are copied in and out, so instances are immutable.
 */
public final class ModelData {
    /** Kinds of section, with their on-disk codes. */
    enum Kind {
        INTS(1, int[].class), FLOATS(2, float[].class), DOUBLES(3, double[].class), LONGS(4, long[].class),
        STRINGS(5, String[].class), BYTES(6, byte[].class);

        final byte code;
        final Class<?> type;

        Kind(int code, Class<?> type) {
            this.code = (byte) code;
            this.type = type;
        }

        static Kind of(byte code) {
            for (Kind kind : values()) {
                if (kind.code == code) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("unknown section kind " + code);
        }
    }

    private static final String NESTED_TYPE = "@type";
    private static final String NESTED_VERSION = "@version";

    private final String modelType;
    private final int modelVersion;
    private final Map<String, String> properties;
    private final Map<String, Object> sections;

    private ModelData(String modelType, int modelVersion, Map<String, String> properties, Map<String, Object> sections) {
        this.modelType = modelType;
        this.modelVersion = modelVersion;
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        this.sections = Collections.unmodifiableMap(new LinkedHashMap<>(sections));
    }

    /**
     * Starts a model of the given type and content version.
     *
     * @param modelType    the codec's type name, e.g. {@code "svd"}
     * @param modelVersion the codec's content version, at least 1
     */
    public static Builder builder(String modelType, int modelVersion) {
        return new Builder(modelType, modelVersion);
    }

    /** The model type name that selects the codec. */
    public String modelType() {
        return modelType;
    }

    /** The codec's content version. */
    public int modelVersion() {
        return modelVersion;
    }

    /** All string properties, in insertion order. */
    public Map<String, String> properties() {
        return properties;
    }

    /** Section names, in insertion order. */
    public Set<String> sectionNames() {
        return sections.keySet();
    }

    /** Whether the property is present (for properties added in a later version of a model's format). */
    public boolean hasProperty(String key) {
        return properties.containsKey(key);
    }

    /**
     * A required string property.
     *
     * @throws IllegalArgumentException if absent
     */
    public String property(String key) {
        String value = properties.get(key);
        if (value == null) {
            throw new IllegalArgumentException("model data of type '" + modelType + "' has no property '" + key + "'");
        }
        return value;
    }

    /** A required integer property. */
    public int intProperty(String key) {
        try {
            return Integer.parseInt(property(key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("property '" + key + "' is not an integer: " + property(key), e);
        }
    }

    /** A required long property. */
    public long longProperty(String key) {
        try {
            return Long.parseLong(property(key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("property '" + key + "' is not a long: " + property(key), e);
        }
    }

    /** A required floating-point property. */
    public double doubleProperty(String key) {
        try {
            return Double.parseDouble(property(key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("property '" + key + "' is not a number: " + property(key), e);
        }
    }

    /**
     * Largest magnitude a stored model parameter (factor, bias, mean) may have: {@value}. Real models
     * stay many orders of magnitude below; the bound keeps every dot product and sum of a loaded model
     * finite (a float overflows past 3.4e38).
     */
    public static final double MAX_PARAMETER_MAGNITUDE = 1e15;

    /**
     * A required integer property within {@code [min, max]}.
     *
     * @throws IllegalArgumentException naming the property, its value and the range
     */
    public int intProperty(String key, int min, int max) {
        int value = intProperty(key);
        if (value < min || value > max) {
            throw new IllegalArgumentException("property '" + key + "' must be in [" + min + ", " + max + "], got " + value);
        }
        return value;
    }

    /**
     * A required finite floating-point property within {@code [min, max]}.
     *
     * @throws IllegalArgumentException naming the property, its value and the range
     */
    public double doubleProperty(String key, double min, double max) {
        double value = doubleProperty(key);
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException("property '" + key + "' must be a number in [" + min + ", " + max
                    + "], got " + value);
        }
        return value;
    }

    /**
     * A float stored as its bit pattern in an integer property, finite and at most
     * {@link #MAX_PARAMETER_MAGNITUDE} in magnitude.
     *
     * @throws IllegalArgumentException naming the property and its value
     */
    public float floatBitsProperty(String key) {
        float value = Float.intBitsToFloat(intProperty(key));
        requireParameter("property '" + key + "'", value);
        return value;
    }

    /**
     * A copy of a {@code float[]} section of model parameters, checked before use: exactly
     * {@code expectedLength} values, each finite and at most {@link #MAX_PARAMETER_MAGNITUDE} in magnitude.
     *
     * @param name           the section
     * @param expectedLength the length the model's sizes imply (see {@link #size})
     * @throws IllegalArgumentException naming the section and the first bad value
     */
    public float[] parameters(String name, long expectedLength) {
        requireLength(name, expectedLength);
        float[] values = (float[]) section(name, Kind.FLOATS);
        for (int k = 0; k < values.length; k++) {
            requireParameter(name + "[" + k + "]", values[k]);
        }
        return values.clone();
    }

    /**
     * A copy of a {@code double[]} section of model parameters, checked as {@link #parameters(String, long)}.
     *
     * @param name           the section
     * @param expectedLength the length the model's sizes imply
     * @throws IllegalArgumentException naming the section and the first bad value
     */
    public double[] doubleParameters(String name, long expectedLength) {
        requireLength(name, expectedLength);
        double[] values = (double[]) section(name, Kind.DOUBLES);
        for (int k = 0; k < values.length; k++) {
            requireParameter(name + "[" + k + "]", values[k]);
        }
        return values.clone();
    }

    /**
     * A copy of an {@code int[]} section whose values must lie in {@code [min, max]}.
     *
     * @param name           the section
     * @param expectedLength its length, or -1 for any
     * @param min            smallest allowed value
     * @param max            largest allowed value
     * @throws IllegalArgumentException naming the section and the first value out of range
     */
    public int[] ints(String name, long expectedLength, int min, int max) {
        if (expectedLength >= 0) {
            requireLength(name, expectedLength);
        }
        int[] values = (int[]) section(name, Kind.INTS);
        for (int k = 0; k < values.length; k++) {
            if (values[k] < min || values[k] > max) {
                throw new IllegalArgumentException("section '" + name + "' value [" + k + "] must be in [" + min
                        + ", " + max + "], got " + values[k]);
            }
        }
        return values.clone();
    }

    /**
     * The product of two sizes, for comparing with a section's length: computed with
     * {@link Math#multiplyExact(long, long)}, so an overflow is an error instead of a wrong small number.
     *
     * @param what a description for the message, e.g. {@code "users x factors"}
     * @throws IllegalArgumentException if a size is negative or the product exceeds the largest array
     */
    public static long size(String what, long a, long b) {
        if (a < 0 || b < 0) {
            throw new IllegalArgumentException(what + " must not be negative, got " + a + " x " + b);
        }
        try {
            long product = Math.multiplyExact(a, b);
            if (product > Integer.MAX_VALUE - 8) {
                throw new ArithmeticException();
            }
            return product;
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(what + " = " + a + " x " + b + " is larger than any array");
        }
    }

    private void requireLength(String name, long expectedLength) {
        Object section = sections.get(name);
        if (section == null) {
            throw new IllegalArgumentException("model data of type '" + modelType + "' has no section '" + name + "'");
        }
        int length = length(section);
        if (length != expectedLength) {
            throw new IllegalArgumentException("section '" + name + "' has " + length + " values, expected "
                    + expectedLength);
        }
    }

    private static void requireParameter(String field, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(field + " is not finite: " + value);
        }
        if (Math.abs(value) > MAX_PARAMETER_MAGNITUDE) {
            throw new IllegalArgumentException(field + " is implausibly large: " + value + " (limit "
                    + MAX_PARAMETER_MAGNITUDE + ")");
        }
    }

    /** A copy of an {@code int[]} section. */
    public int[] ints(String name) {
        return ((int[]) section(name, Kind.INTS)).clone();
    }

    /** A copy of a {@code float[]} section. */
    public float[] floats(String name) {
        return ((float[]) section(name, Kind.FLOATS)).clone();
    }

    /** A copy of a {@code double[]} section. */
    public double[] doubles(String name) {
        return ((double[]) section(name, Kind.DOUBLES)).clone();
    }

    /** A copy of a {@code long[]} section. */
    public long[] longs(String name) {
        return ((long[]) section(name, Kind.LONGS)).clone();
    }

    /** A {@code String[]} section as a list. */
    public List<String> strings(String name) {
        return List.of((String[]) section(name, Kind.STRINGS));
    }

    /** A copy of a {@code byte[]} section. */
    public byte[] bytes(String name) {
        return ((byte[]) section(name, Kind.BYTES)).clone();
    }

    /** Whether a section exists. */
    public boolean hasSection(String name) {
        return sections.containsKey(name);
    }

    /**
     * Extracts a model stored by {@link Builder#putModel(String, ModelData)} under a name prefix:
     * its type, version, properties and sections, with the prefix removed.
     *
     * @param prefix the prefix given when the model was put, e.g. {@code "retrieval/"}
     * @return the nested model's data
     * @throws IllegalArgumentException if no model is stored under the prefix
     */
    public ModelData model(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        String type = property(prefix + NESTED_TYPE);
        int version = intProperty(prefix + NESTED_VERSION);
        Builder builder = builder(type, version);
        for (var property : properties.entrySet()) {
            String key = property.getKey();
            if (key.startsWith(prefix) && !key.equals(prefix + NESTED_TYPE) && !key.equals(prefix + NESTED_VERSION)) {
                builder.property(key.substring(prefix.length()), property.getValue());
            }
        }
        for (var section : sections.entrySet()) {
            if (section.getKey().startsWith(prefix)) {
                builder.put(section.getKey().substring(prefix.length()), section.getValue());
            }
        }
        return builder.build();
    }

    Object rawSection(String name) {
        return sections.get(name);
    }

    private Object section(String name, Kind kind) {
        Object value = sections.get(name);
        if (value == null) {
            throw new IllegalArgumentException("model data of type '" + modelType + "' has no section '" + name + "'");
        }
        if (!kind.type.isInstance(value)) {
            throw new IllegalArgumentException("section '" + name + "' is " + value.getClass().getSimpleName()
                    + ", expected " + kind.type.getSimpleName());
        }
        return value;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof ModelData that) || !that.modelType.equals(modelType)
                || that.modelVersion != modelVersion || !that.properties.equals(properties)
                || !that.sections.keySet().equals(sections.keySet())) {
            return false;
        }
        for (var entry : sections.entrySet()) {
            if (!Objects.deepEquals(entry.getValue(), that.sections.get(entry.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return Objects.hash(modelType, modelVersion, properties, sections.keySet());
    }

    @Override
    public String toString() {
        return "ModelData[type=" + modelType + ", version=" + modelVersion + ", properties=" + properties.keySet()
                + ", sections=" + sections.keySet() + "]";
    }

    /** Accumulates properties and sections; copies arrays. Not thread-safe. */
    public static final class Builder {
        private final String modelType;
        private final int modelVersion;
        private final Map<String, String> properties = new LinkedHashMap<>();
        private final Map<String, Object> sections = new LinkedHashMap<>();

        private Builder(String modelType, int modelVersion) {
            if (modelType == null || modelType.isBlank()) {
                throw new IllegalArgumentException("modelType must be non-blank, got '" + modelType + "'");
            }
            if (modelVersion < 1) {
                throw new IllegalArgumentException("modelVersion must be at least 1, got " + modelVersion);
            }
            this.modelType = modelType;
            this.modelVersion = modelVersion;
        }

        /** Sets a string property. */
        public Builder property(String key, Object value) {
            properties.put(Objects.requireNonNull(key, "key"), String.valueOf(Objects.requireNonNull(value, "value")));
            return this;
        }

        /** Adds an {@code int[]} section. */
        public Builder putInts(String name, int[] values) {
            return put(name, values.clone());
        }

        /** Adds a {@code float[]} section. */
        public Builder putFloats(String name, float[] values) {
            return put(name, values.clone());
        }

        /** Adds a {@code double[]} section. */
        public Builder putDoubles(String name, double[] values) {
            return put(name, values.clone());
        }

        /** Adds a {@code long[]} section. */
        public Builder putLongs(String name, long[] values) {
            return put(name, values.clone());
        }

        /** Adds a {@code String[]} section (no null elements). */
        public Builder putStrings(String name, String[] values) {
            for (String value : values) {
                Objects.requireNonNull(value, "string element of section " + name);
            }
            return put(name, values.clone());
        }

        /** Adds a {@code byte[]} section (for example a serialised third-party model). */
        public Builder putBytes(String name, byte[] values) {
            return put(name, values.clone());
        }

        /**
         * Stores another model's data (type, version, properties and sections) under a name prefix,
         * so that a composite model can keep its sub-models in one file; read it back with
         * {@link ModelData#model(String)}. Every property and section whose name starts with the
         * prefix belongs to the nested model, so the prefix must not be used for anything else.
         *
         * @param prefix a prefix unique within this model, e.g. {@code "retrieval/"}
         * @param model  the nested model's data
         * @return this builder
         * @throws IllegalArgumentException if a resulting name is already taken
         */
        public Builder putModel(String prefix, ModelData model) {
            Objects.requireNonNull(prefix, "prefix");
            Objects.requireNonNull(model, "model");
            if (prefix.isEmpty()) {
                throw new IllegalArgumentException("prefix must be non-empty");
            }
            for (String key : new String[] {prefix + NESTED_TYPE, prefix + NESTED_VERSION}) {
                if (properties.containsKey(key)) {
                    throw new IllegalArgumentException("a model is already stored under prefix '" + prefix + "'");
                }
            }
            property(prefix + NESTED_TYPE, model.modelType);
            property(prefix + NESTED_VERSION, model.modelVersion);
            for (var property : model.properties.entrySet()) {
                property(prefix + property.getKey(), property.getValue());
            }
            for (var section : model.sections.entrySet()) {
                // sections are never mutated after building, so sharing the array is safe
                put(prefix + section.getKey(), section.getValue());
            }
            return this;
        }

        Builder putRaw(String name, Object values) {
            return put(name, values);
        }

        private Builder put(String name, Object values) {
            Objects.requireNonNull(name, "name");
            if (sections.containsKey(name)) {
                throw new IllegalArgumentException("duplicate section '" + name + "'");
            }
            sections.put(name, values);
            return this;
        }

        /** Returns the immutable model data. */
        public ModelData build() {
            return new ModelData(modelType, modelVersion, properties, sections);
        }
    }

    static Kind kindOf(Object section) {
        for (Kind kind : Kind.values()) {
            if (kind.type.isInstance(section)) {
                return kind;
            }
        }
        throw new IllegalStateException("unexpected section type " + section.getClass());
    }

    static int length(Object section) {
        return java.lang.reflect.Array.getLength(section);
    }
}
