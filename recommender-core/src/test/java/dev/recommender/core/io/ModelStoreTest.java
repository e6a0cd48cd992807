package dev.recommender.core.io;

import dev.recommender.core.RecommendRequest;
import dev.recommender.core.Recommendations;
import dev.recommender.core.Recommender;
import dev.recommender.core.RecommenderContractTest;
import dev.recommender.core.baseline.Popularity;
import dev.recommender.core.data.IdIndex;
import dev.recommender.core.mf.Svd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelStoreTest {
    @TempDir
    Path directory;

    private static ModelData everyKind(String type, int version) {
        return ModelData.builder(type, version)
                .property("alpha", 0.25)
                .property("name", "héllo, wörld")
                .putInts("ints", new int[] {0, -1, Integer.MAX_VALUE, Integer.MIN_VALUE})
                .putFloats("floats", new float[] {1.5f, Float.NaN, -0f, Float.MIN_VALUE})
                .putDoubles("doubles", new double[] {Math.PI, Double.NEGATIVE_INFINITY})
                .putLongs("longs", new long[] {Long.MIN_VALUE, 42L})
                .putStrings("strings", new String[] {"", "a", "日本"})
                .putBytes("bytes", new byte[] {0, (byte) 0xff, 7})
                .putInts("empty", new int[0])
                .build();
    }

    @Test
    void everySectionKindRoundTrips() throws IOException {
        Path file = directory.resolve("data.bin");
        ModelStore.write(everyKind("test", 3), file);
        ModelData read = ModelStore.read(file);
        assertEquals("test", read.modelType());
        assertEquals(3, read.modelVersion());
        assertEquals(0.25, read.doubleProperty("alpha"));
        assertEquals("héllo, wörld", read.property("name"));
        assertArrayEquals(new int[] {0, -1, Integer.MAX_VALUE, Integer.MIN_VALUE}, read.ints("ints"));
        float[] floats = read.floats("floats");
        assertEquals(Float.floatToRawIntBits(Float.NaN), Float.floatToRawIntBits(floats[1]));
        assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(floats[2]));
        assertEquals(Float.MIN_VALUE, floats[3]);
        assertArrayEquals(new double[] {Math.PI, Double.NEGATIVE_INFINITY}, read.doubles("doubles"));
        assertArrayEquals(new long[] {Long.MIN_VALUE, 42L}, read.longs("longs"));
        assertEquals(List.of("", "a", "日本"), read.strings("strings"));
        assertArrayEquals(new byte[] {0, (byte) 0xff, 7}, read.bytes("bytes"));
        assertEquals(0, read.ints("empty").length);
        assertEquals(everyKind("test", 3).sectionNames(), read.sectionNames());
    }

    private Path savedModel() throws IOException {
        Path file = directory.resolve("model.bin");
        ModelStore.save(Popularity.Config.defaults().fit(RecommenderContractTest.fixture()), file);
        return file;
    }

    private static String loadError(Path file) {
        return assertThrows(ModelFormatException.class, () -> ModelStore.load(file)).getMessage();
    }

    @Test
    void truncatedFileIsRefused() throws IOException {
        Path file = savedModel();
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 10));
        String message = loadError(file);
        assertTrue(message.startsWith(file + ": truncated model file: header announces " + bytes.length
                + " bytes, file has " + (bytes.length - 10)), message);
        Files.write(file, Arrays.copyOf(bytes, 12));
        assertEquals(file + ": truncated model file (12 bytes)", loadError(file));
    }

    @Test
    void flippedByteFailsTheChecksum() throws IOException {
        Path file = savedModel();
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(file, bytes);
        assertEquals(file + ": checksum mismatch: the file is corrupted", loadError(file));
    }

    @Test
    void foreignFileAndWrongMagicAreRefused() throws IOException {
        Path text = directory.resolve("notes.txt");
        Files.writeString(text, "userId,movieId,rating,timestamp\n1,1,4.0,964982703\n", StandardCharsets.UTF_8);
        assertEquals(text + ": not a model file (bad magic bytes)", loadError(text));
        Path file = savedModel();
        byte[] bytes = Files.readAllBytes(file);
        bytes[7] = 'X';
        Files.write(file, bytes);
        assertEquals(file + ": not a model file (bad magic bytes)", loadError(file));
        Path empty = Files.createFile(directory.resolve("empty.bin"));
        assertEquals(empty + ": not a model file (bad magic bytes)", loadError(empty));
    }

    @Test
    void unknownTypeAndNewerVersionAreRefused() throws IOException {
        Path unknown = directory.resolve("unknown.bin");
        ModelStore.write(everyKind("no-such-model", 1), unknown);
        String message = loadError(unknown);
        assertTrue(message.startsWith(unknown + ": unknown model type 'no-such-model' (known: "), message);
        assertTrue(message.contains("svd") && message.contains("popularity") && message.contains("baseline"), message);

        Path newer = directory.resolve("newer.bin");
        ModelStore.write(ModelData.builder("svd", 99).build(), newer);
        assertEquals(newer + ": model type 'svd' version 99 is newer than this library supports (1)", loadError(newer));
    }

    @Test
    void inconsistentContentIsRefusedByTheCodec() throws IOException {
        Path file = directory.resolve("hollow.bin");
        ModelStore.write(ModelData.builder("popularity", 1).build(), file);
        assertEquals(file + ": inconsistent popularity model: model data of type 'popularity' has no section 'users'",
                loadError(file));
    }

    @Test
    void loadingAsTheWrongClassIsRefused() throws IOException {
        Path file = savedModel();
        ModelFormatException error = assertThrows(ModelFormatException.class, () -> ModelStore.load(file, Svd.class));
        assertEquals(file + ": holds a Popularity, expected Svd", error.getMessage());
        assertEquals(file, error.path());
    }

    /** A recommender without a codec, so encoding it fails. */
    private static final class Unsaveable implements Recommender {
        @Override
        public String name() {
            return "unsaveable";
        }

        @Override
        public IdIndex items() {
            return IdIndex.of("x");
        }

        @Override
        public boolean knowsUser(String userId) {
            return false;
        }

        @Override
        public Recommendations recommend(String userId, RecommendRequest request) {
            return new Recommendations(userId, List.of(), true);
        }
    }

    @Test
    void failedSaveLeavesTheOldFileIntactAndNoTemporaryFiles() throws IOException {
        Path file = savedModel();
        byte[] before = Files.readAllBytes(file);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ModelStore.save(new Unsaveable(), file));
        assertTrue(error.getMessage().startsWith("no ModelCodec registered for "), error.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(Popularity.class, ModelStore.load(file).getClass());

        // A write that fails at the rename (the target is a non-empty directory) cleans up its temporary file.
        Path occupied = Files.createDirectories(directory.resolve("occupied"));
        Files.writeString(occupied.resolve("keep.txt"), "keep");
        assertThrows(IOException.class, () -> ModelStore.write(everyKind("test", 1), occupied));
        try (Stream<Path> files = Files.list(directory)) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(List.of("model.bin", "occupied"), names);
        }
        assertEquals("keep", Files.readString(occupied.resolve("keep.txt")));
    }
}
