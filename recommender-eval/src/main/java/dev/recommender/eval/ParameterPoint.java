package dev.recommender.eval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One point of a {@link ParameterGrid}: parameter name to value, in the grid's parameter order.
 *
 * @param values the parameter values (numbers, strings, booleans, ...), non-null
 */
public record ParameterPoint(Map<String, Object> values) {
    /**
     * Validates and copies the values, keeping their order.
     *
     * @throws NullPointerException if a name or value is null
     */
    public ParameterPoint {
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            copy.put(Objects.requireNonNull(entry.getKey(), "name"),
                    Objects.requireNonNull(entry.getValue(), "value of " + entry.getKey()));
        }
        values = Collections.unmodifiableMap(copy);
    }

    /**
     * The value of a parameter.
     *
     * @param name the parameter name
     * @return the value
     * @throws IllegalArgumentException if the point has no such parameter
     */
    public Object get(String name) {
        Object value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no parameter '" + name + "' in " + this);
        }
        return value;
    }

    /**
     * The value of a numeric parameter as an int.
     *
     * @param name the parameter name
     * @return the value
     * @throws IllegalArgumentException if the parameter is missing, not a number or not an integer
     */
    public int getInt(String name) {
        double value = number(name).doubleValue();
        if (value != Math.rint(value) || value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("parameter '" + name + "' is not an int: " + value);
        }
        return (int) value;
    }

    /**
     * The value of a numeric parameter as a double.
     *
     * @param name the parameter name
     * @return the value
     * @throws IllegalArgumentException if the parameter is missing or not a number
     */
    public double getDouble(String name) {
        return number(name).doubleValue();
    }

    private Number number(String name) {
        Object value = get(name);
        if (value instanceof Number number) {
            return number;
        }
        throw new IllegalArgumentException("parameter '" + name + "' is not a number: " + value);
    }

    /** The point as {@code name=value, ...} in parameter order, e.g. {@code epochs=10, lr=0.005}. */
    @Override
    public String toString() {
        return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }
}
