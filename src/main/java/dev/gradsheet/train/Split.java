package dev.gradsheet.train;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A seeded train/test split of a table's rows: {@code round(size · testShare)} rows, drawn with the
 * seed, are held back for testing (at least one row stays for training); both lists keep table order.
 */
public record Split(int[] train, int[] test) {
    /** Splits rows {@code 0 .. size-1}. */
    public static Split of(int size, double testShare, long seed) {
        int testCount = (int) Math.min(Math.max(0, size - 1), Math.round(size * testShare));
        int[] all = new int[size];
        for (int i = 0; i < size; i++) {
            all[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        for (int i = size - 1; i > 0; i--) { // Fisher–Yates, then the first testCount are the test rows
            int j = random.nextInt(i + 1);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] test = Arrays.copyOf(all, testCount);
        int[] train = Arrays.copyOfRange(all, testCount, size);
        Arrays.sort(test);
        Arrays.sort(train);
        return new Split(train, test);
    }
}
