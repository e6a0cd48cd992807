package dev.recommender.core.internal;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ShuffleTest {
    @Test
    void swapsEachPositionWithADrawFromItsPrefixTopDown() {
        int[] a = {10, 11, 12, 13, 14, 15};
        Shuffle.shuffle(a, 4, new SplittableRandom(7));
        // the same draws by hand: k = 3, 2, 1 swap a[k] with a[nextInt(k + 1)]
        SplittableRandom random = new SplittableRandom(7);
        int[] expected = {10, 11, 12, 13, 14, 15};
        for (int k = 3; k > 0; k--) {
            int j = random.nextInt(k + 1);
            int swap = expected[k];
            expected[k] = expected[j];
            expected[j] = swap;
        }
        assertArrayEquals(expected, a);
        assertEquals(14, a[4], "entries past the length stay");
        assertEquals(15, a[5]);
    }

    @Test
    void aPermutationHoldsEveryIndexOnceAndDependsOnlyOnTheSeed() {
        int[] permutation = Shuffle.permutation(50, new SplittableRandom(3));
        int[] sorted = permutation.clone();
        Arrays.sort(sorted);
        int[] identity = new int[50];
        Arrays.setAll(identity, k -> k);
        assertArrayEquals(identity, sorted);
        assertArrayEquals(permutation, Shuffle.permutation(50, new SplittableRandom(3)));
        assertArrayEquals(new int[0], Shuffle.permutation(0, new SplittableRandom(3)));
        assertArrayEquals(new int[] {0}, Shuffle.permutation(1, new SplittableRandom(3)));
    }
}
