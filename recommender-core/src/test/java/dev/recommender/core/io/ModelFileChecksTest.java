package dev.recommender.core.io;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Crafted model files with a valid checksum but nonsense inside (the findings of issue 13): each is
 * refused with one clear line naming the model type and the field.
 */
class ModelFileChecksTest {
    /** Rebuilds a sample's data with one property or section replaced, and returns the file bytes. */
    private static byte[] edited(String type, String name, Object value) {
        return ModelStore.toBytes(replace(sampleData(type), name, value));
    }

    static ModelData sampleData(String type) {
        return sampleData(ModelSamples.files().get(type));
    }

    static ModelData sampleData(byte[] file) {
        try {
            return ModelStore.read(file, Path.of("sample"));
        } catch (ModelFormatException e) {
            throw new AssertionError(e);
        }
    }

    static ModelData replace(ModelData data, String name, Object value) {
        ModelData.Builder builder = ModelData.builder(data.modelType(), data.modelVersion());
        data.properties().forEach((key, old) -> builder.property(key, key.equals(name) ? value : old));
        for (String section : data.sectionNames()) {
            builder.putRaw(section, section.equals(name) ? value : data.rawSection(section));
        }
        return builder.build();
    }

    private static <T> T transformed(String type, String section, Class<T> kind, UnaryOperator<T> edit) {
        ModelData data = sampleData(type);
        return edit.apply(kind.cast(data.rawSection(section)));
    }

    private static String refusal(byte[] file) {
        String message = assertThrows(ModelFormatException.class, () -> ModelSamples.load(file)).getMessage();
        assertFalse(message.contains("\n"), "one line: " + message);
        return message;
    }

    private static void assertRefused(byte[] file, String type, String field) {
        String message = refusal(file);
        assertTrue(message.contains(type) && message.contains(field), message);
    }

    @Test
    void factorCountThatOverflowsTheSizeCheckIsRefused() {
        // 2^30 factors x 4 users overflows int to 0, which once matched an empty factor section
        ModelData data = sampleData("svd");
        ModelData crafted = replace(replace(replace(data, "factors", 1 << 30), "userFactors", new float[0]),
                "itemFactors", new float[0]);
        assertRefused(ModelStore.toBytes(crafted), "svd", "users x factors");
    }

    @Test
    void nanFactorsAreRefusedForEveryFactorModel() {
        for (String[] typeAndSection : new String[][] {{"svd", "itemFactors"}, {"implicit-als", "itemFactors"},
            {"two-tower", "itemVectors"}, {"two-tower", "historyVectors"}, {"implicit-als", "userFactors"}}) {
            float[] factors = transformed(typeAndSection[0], typeAndSection[1], float[].class, f -> {
                float[] copy = f.clone();
                copy[copy.length - 1] = Float.NaN;
                return copy;
            });
            assertRefused(edited(typeAndSection[0], typeAndSection[1], factors), typeAndSection[0],
                    typeAndSection[1] + "[" + (factors.length - 1) + "] is not finite");
        }
    }

    @Test
    void infiniteOrHugeBiasesAndMeansAreRefused() {
        double[] bias = transformed("baseline", "userBias", double[].class, b -> {
            double[] copy = b.clone();
            copy[1] = Double.POSITIVE_INFINITY;
            return copy;
        });
        assertRefused(edited("baseline", "userBias", bias), "baseline", "userBias[1] is not finite");
        float[] svdBias = transformed("svd", "itemBias", float[].class, b -> {
            float[] copy = b.clone();
            copy[0] = 3e30f;
            return copy;
        });
        assertRefused(edited("svd", "itemBias", svdBias), "svd", "itemBias[0] is implausibly large");
        assertRefused(edited("svd", "meanBits", Float.floatToRawIntBits(Float.NEGATIVE_INFINITY)), "svd", "meanBits");
        assertRefused(edited("baseline", "mean", "NaN"), "baseline", "mean");
        assertRefused(edited("baseline", "maxValue", "-100"), "baseline", "maxValue");
    }

    @Test
    void negativeOrImpossiblePopularityCountsAreRefused() {
        int[] counts = transformed("popularity", "itemUserCounts", int[].class, c -> {
            int[] copy = c.clone();
            copy[2] = -3;
            return copy;
        });
        assertRefused(edited("popularity", "itemUserCounts", counts), "popularity", "itemUserCounts");
        int[] tooMany = counts.clone();
        tooMany[2] = 1000; // more users than the model has
        assertRefused(edited("popularity", "itemUserCounts", tooMany), "popularity", "itemUserCounts");
    }

    @Test
    void seenItemsOutOfRangeOrUnsortedAreRefused() {
        int[] seen = transformed("popularity", "seenItems", int[].class, s -> {
            int[] copy = s.clone();
            copy[0] = 99;
            return copy;
        });
        assertRefused(edited("popularity", "seenItems", seen), "popularity", "seenItems");
        int[] swapped = transformed("popularity", "seenItems", int[].class, s -> {
            int[] copy = s.clone();
            int first = copy[0];
            copy[0] = copy[1];
            copy[1] = first;
            return copy;
        });
        assertRefused(edited("popularity", "seenItems", swapped), "popularity", "seenItems");
        assertRefused(edited("popularity", "items", new String[0]), "popularity", "items' is empty");
    }

    @Test
    void hugeSearchBreadthIsRefusedBeforeAnyRequestAllocatesIt() {
        assertRefused(edited("implicit-als", "index.efSearch", 2_000_000_000), "implicit-als", "index.efSearch");
        assertRefused(edited("two-tower", "index.efConstruction", 2_000_000_000), "two-tower", "index.efConstruction");
    }

    @Test
    void configOutsideItsDocumentedRangeIsRefused() {
        assertRefused(edited("svd", "factors", 0), "svd", "factors must be at least 1");
        assertRefused(edited("baseline", "iterations", -1), "baseline", "iterations");
        assertRefused(edited("two-tower", "temperature", "-1"), "two-tower", "temperature");
    }

    @Test
    void aCountRunningPastThePayloadIsASentenceNotAnExceptionName() {
        byte[] file = ModelSamples.files().get("popularity").clone();
        // the property count follows magic, format, type string, version and payload length
        int typeLength = ByteBuffer.wrap(file, 12, 4).getInt();
        int propertyCountAt = 8 + 4 + 4 + typeLength + 4 + 8;
        ByteBuffer buffer = ByteBuffer.wrap(file);
        buffer.putInt(propertyCountAt, buffer.getInt(propertyCountAt) + 3);
        String message = refusal(ModelSamples.withChecksumFixed(file));
        assertFalse(message.contains("Exception"), message);
        assertTrue(message.contains("malformed model file"), message);
        // a section length claiming more bytes than the file has is refused before allocating
        byte[] shortFile = Arrays.copyOf(ModelSamples.files().get("popularity"), 200);
        assertTrue(refusal(shortFile).contains("truncated"));
    }

    @Test
    void sizeProductsAreExactOrRefused() {
        assertEquals(12, ModelData.size("a x b", 3, 4));
        assertThrows(IllegalArgumentException.class, () -> ModelData.size("users x factors", 4, 1L << 30));
        assertThrows(IllegalArgumentException.class, () -> ModelData.size("users x factors", -1, 3));
    }

    @Test
    void everySampleLoadsAndAnswersSensibly() throws ModelFormatException {
        for (var sample : ModelSamples.files().entrySet()) {
            assertEquals(null, ModelSamples.insanity(ModelSamples.load(sample.getValue())), sample.getKey());
        }
    }
}
