package dev.recommender.core.io;

import dev.recommender.core.Recommender;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Fuzzes every registered model codec with mutated copies of a small saved model: truncations, bit
 * flips, splices, the same with the checksum recomputed (so the parser and the codecs see the damage),
 * and field edits written through a valid container. Whatever happens, a load either refuses the
 * file with a {@link ModelFormatException} or returns a model that answers sensibly
 * ({@link ModelSamples#insanity}); no other exception and no {@link Error} escapes, and no load hangs
 * (a generous per-load bound of {@link #HANG}, on a loader thread, detects hangs; it is not a speed test:
 * a load of these models takes well under a millisecond).
 *
 * <p>The number of tries is {@code jqwik.tries.default} (10,000 in {@code junit-platform.properties};
 * override with {@code -Djqwik.tries.default=N}); each try applies its mutation to every sampled type.
 */
class ModelFileFuzzTest {
    static final Duration HANG = Duration.ofSeconds(2);

    enum Kind { TRUNCATE, FLIP, SPLICE, FLIP_FIXED, SPLICE_FIXED, FIELD_EDIT }

    /** One mutation, defined by a kind and three numbers that pick positions and values. */
    record Mutation(Kind kind, int a, int b, int c) {
        byte[] apply(byte[] original) {
            byte[] bytes = original.clone();
            int n = bytes.length;
            return switch (kind) {
                case TRUNCATE -> Arrays.copyOf(bytes, Math.floorMod(a, n));
                case FLIP -> flip(bytes);
                case SPLICE -> splice(bytes);
                case FLIP_FIXED -> ModelSamples.withChecksumFixed(flip(bytes));
                case SPLICE_FIXED -> ModelSamples.withChecksumFixed(splice(bytes));
                case FIELD_EDIT -> fieldEdit(original);
            };
        }

        private byte[] flip(byte[] bytes) {
            bytes[Math.floorMod(a, bytes.length)] ^= (byte) (1 << Math.floorMod(b, 8));
            return bytes;
        }

        private byte[] splice(byte[] bytes) {
            int n = bytes.length;
            int length = 1 + Math.floorMod(c, 24);
            int from = Math.floorMod(a, n);
            int to = Math.floorMod(b, n);
            System.arraycopy(bytes.clone(), from, bytes, to, Math.min(length, Math.min(n - from, n - to)));
            return bytes;
        }

        private byte[] fieldEdit(byte[] original) {
            ModelData data = ModelFileChecksTest.sampleData(original);
            List<String> names = new ArrayList<>(data.properties().keySet());
            names.addAll(data.sectionNames());
            String name = names.get(Math.floorMod(a, names.size()));
            Object value = data.properties().containsKey(name) ? PROPERTY_VALUES[Math.floorMod(b, PROPERTY_VALUES.length)]
                    : editedSection(data.rawSection(name));
            return ModelStore.toBytes(ModelFileChecksTest.replace(data, name, value));
        }

        private Object editedSection(Object section) {
            int length = java.lang.reflect.Array.getLength(section);
            int choice = Math.floorMod(b, 4);
            if (choice == 0 || length == 0) {
                return java.lang.reflect.Array.newInstance(section.getClass().getComponentType(), choice == 0 ? 0 : 1);
            }
            if (choice == 1) { // shorter or longer by one
                Object copy = java.lang.reflect.Array.newInstance(section.getClass().getComponentType(),
                        Math.floorMod(c, 2) == 0 ? length - 1 : length + 1);
                System.arraycopy(section, 0, copy, 0, Math.min(length, java.lang.reflect.Array.getLength(copy)));
                if (copy instanceof String[] strings) {
                    Arrays.fill(strings, length - 1 < strings.length ? Math.min(length, strings.length - 1) : 0,
                            strings.length, "x" + c);
                }
                return copy;
            }
            int at = Math.floorMod(c, length);
            if (section instanceof int[] ints) {
                int[] copy = ints.clone();
                copy[at] = new int[] {-1, Integer.MAX_VALUE, Integer.MIN_VALUE, length, 1 << 30}[Math.floorMod(c, 5)];
                return copy;
            }
            if (section instanceof float[] floats) {
                float[] copy = floats.clone();
                copy[at] = new float[] {Float.NaN, Float.POSITIVE_INFINITY, -3e38f, 1e20f, -0f}[Math.floorMod(c, 5)];
                return copy;
            }
            if (section instanceof double[] doubles) {
                double[] copy = doubles.clone();
                copy[at] = new double[] {Double.NaN, Double.NEGATIVE_INFINITY, 1e300, -1e16, Double.MIN_VALUE}[Math.floorMod(c, 5)];
                return copy;
            }
            if (section instanceof String[] strings) {
                String[] copy = strings.clone();
                copy[at] = choice == 2 ? copy[(at + 1) % length] : "";
                return copy;
            }
            return section;
        }
    }

    private static final String[] PROPERTY_VALUES = {"NaN", "Infinity", "-Infinity", "-1", "0", "1073741824",
        "2147483647", "-2147483648", "1e300", "", "true", "9999999999", "0.5", "2139095040", "2143289344"};

    @Provide
    Arbitrary<Mutation> mutations() {
        Arbitrary<Integer> anyInt = Arbitraries.integers();
        return Combinators.combine(Arbitraries.of(Kind.class), anyInt, anyInt, anyInt).as(Mutation::new);
    }

    /** What loading the bytes gives: null for a refusal or a sane model, else a description of the failure. */
    static String verdict(byte[] bytes) {
        Future<String> result = LOADER.submit(() -> {
            Recommender model;
            try {
                model = ModelSamples.load(bytes);
            } catch (ModelFormatException refused) {
                return refused.getMessage().contains("\n") ? "multi-line message: " + refused.getMessage() : null;
            } catch (Throwable other) {
                return "escaped: " + other;
            }
            try {
                return ModelSamples.insanity(model);
            } catch (Throwable other) {
                return "loaded model fails when asked: " + other;
            }
        });
        try {
            return result.get(HANG.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            return "a load took longer than " + HANG + " (hang?)";
        } catch (InterruptedException | ExecutionException e) {
            throw new AssertionError(e);
        }
    }

    /** One daemon thread runs the loads, so that a hang is detected without a thread per try. */
    private static final ExecutorService LOADER = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "model-fuzz-loader");
        thread.setDaemon(true);
        return thread;
    });

    @Property(seed = "20261129")
    void aMutatedModelIsRefusedOrAnswersSensibly(@ForAll("mutations") Mutation mutation) {
        for (Map.Entry<String, byte[]> sample : ModelSamples.files().entrySet()) {
            String verdict = verdict(mutation.apply(sample.getValue()));
            assertNull(verdict, () -> sample.getKey() + " after " + mutation + ": " + verdict);
        }
    }

    @Test
    void corruptingAnyByteOfAnySampleIsRefusedAndWithTheChecksumFixedIsRefusedOrSane() {
        for (Map.Entry<String, byte[]> sample : ModelSamples.files().entrySet()) {
            byte[] original = sample.getValue();
            for (int offset = 0; offset < original.length; offset++) {
                byte[] corrupt = original.clone();
                corrupt[offset] ^= (byte) 0xA5;
                int at = offset;
                assertThrows(ModelFormatException.class, () -> ModelSamples.load(corrupt),
                        () -> sample.getKey() + " byte " + at);
                if (offset < original.length - 4) {
                    String verdict = verdict(ModelSamples.withChecksumFixed(corrupt));
                    assertNull(verdict, () -> sample.getKey() + " byte " + at + " (checksum fixed): " + verdict);
                }
            }
        }
    }

    @Test
    void everyRegisteredCodecHasASampleOrASayWhyNot() {
        Set<String> missing = new TreeSet<>(ModelStore.types());
        missing.removeAll(ModelSamples.sampledTypes());
        missing.removeAll(ModelSamples.NOT_FUZZED.keySet());
        assertEquals(Set.of(), missing, "add a small sample to ModelSamples for these codecs");
        for (String type : ModelSamples.NOT_FUZZED.keySet()) {
            assertFalse(ModelSamples.sampledTypes().contains(type), type + " is sampled now: drop it from NOT_FUZZED");
        }
        assertEquals(ModelSamples.sampledTypes(), ModelSamples.files().keySet());
    }
}
