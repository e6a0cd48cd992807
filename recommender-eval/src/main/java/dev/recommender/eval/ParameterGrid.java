package dev.recommender.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A full-factorial parameter grid: named parameters, each with a list of values; the points are
 * the cartesian product, in a fixed order (the first parameter varies slowest, the last fastest),
 * as scikit-learn's and Surprise's {@code GridSearchCV} enumerate them.
 *
 * @param parameters parameter name to its candidate values, in order; at least one parameter,
 *                   each with at least one distinct non-null value
 */
public record ParameterGrid(Map<String, List<Object>> parameters) {
    /**
     * Validates and copies the parameters, keeping their order.
     *
     * @throws IllegalArgumentException if there is no parameter, a parameter has no value or a
     *                                  value repeats
     */
    public ParameterGrid {
        if (parameters.isEmpty()) {
            throw new IllegalArgumentException("parameters must not be empty");
        }
        Map<String, List<Object>> copy = new LinkedHashMap<>();
        for (Map.Entry<String, List<Object>> entry : parameters.entrySet()) {
            String name = Objects.requireNonNull(entry.getKey(), "name");
            List<Object> values = List.copyOf(entry.getValue());
            if (values.isEmpty()) {
                throw new IllegalArgumentException("parameter '" + name + "' has no values");
            }
            if (values.stream().distinct().count() != values.size()) {
                throw new IllegalArgumentException("parameter '" + name + "' repeats a value: " + values);
            }
            copy.put(name, values);
        }
        parameters = Collections.unmodifiableMap(copy);
    }

    /**
     * Starts a grid.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Number of points: the product of the value counts. */
    public int size() {
        int size = 1;
        for (List<Object> values : parameters.values()) {
            size = Math.multiplyExact(size, values.size());
        }
        return size;
    }

    /** All points, the first parameter varying slowest. */
    public List<ParameterPoint> points() {
        List<String> names = List.copyOf(parameters.keySet());
        int size = size();
        List<ParameterPoint> points = new ArrayList<>(size);
        for (int p = 0; p < size; p++) {
            Map<String, Object> values = new LinkedHashMap<>();
            int rest = p;
            for (int n = names.size() - 1; n >= 0; n--) {
                List<Object> candidates = parameters.get(names.get(n));
                values.put(names.get(n), candidates.get(rest % candidates.size()));
                rest /= candidates.size();
            }
            Map<String, Object> ordered = new LinkedHashMap<>();
            for (String name : names) {
                ordered.put(name, values.get(name));
            }
            points.add(new ParameterPoint(ordered));
        }
        return List.copyOf(points);
    }

    /** Builder for {@link ParameterGrid}; not thread-safe. */
    public static final class Builder {
        private final Map<String, List<Object>> parameters = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Adds a parameter with its candidate values.
         *
         * @param name   the parameter name
         * @param values the candidate values
         * @return this builder
         * @throws IllegalArgumentException if the name was already added
         */
        public Builder add(String name, Object... values) {
            if (parameters.containsKey(name)) {
                throw new IllegalArgumentException("parameter '" + name + "' added twice");
            }
            parameters.put(name, List.of(values));
            return this;
        }

        /**
         * Returns the grid.
         *
         * @return the validated grid
         */
        public ParameterGrid build() {
            return new ParameterGrid(parameters);
        }
    }
}
