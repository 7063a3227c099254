package io.newsflow.enrich.grouping.reference;

import java.util.Arrays;
import java.util.List;

/* Frozen copy of the implementation before the speed work (main at 3775bd7): the reference
 * TextFeaturesEquivalenceTest compares the optimised code against. Do not optimise. */
/**
 * ReferenceMinHash signatures over word shingles, to spot syndicated copies: two texts whose shingle sets
 * overlap by Jaccard J agree on a signature slot with probability J. Banding the signature
 * (locality-sensitive hashing) finds copies through an index instead of comparing all pairs.
 */
public final class ReferenceMinHash {

    private static final int SHINGLE = 4;
    private final int slots;
    private final int bands;
    private final long[] seeds;

    public ReferenceMinHash(int slots, int bands) {
        if (slots % bands != 0) {
            throw new IllegalArgumentException("slots must be a multiple of bands");
        }
        this.slots = slots;
        this.bands = bands;
        this.seeds = new long[slots];
        long x = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < slots; i++) {
            x = mix(x + 0x9E3779B97F4A7C15L);
            seeds[i] = x;
        }
    }

    public static ReferenceMinHash standard() {
        return new ReferenceMinHash(64, 16);
    }

    /** The signature of a word sequence; empty when the text is too short to shingle. */
    public int[] signature(List<String> words) {
        if (words.size() < SHINGLE) {
            return new int[0];
        }
        int[] signature = new int[slots];
        Arrays.fill(signature, Integer.MAX_VALUE);
        for (int i = 0; i + SHINGLE <= words.size(); i++) {
            long h = 1125899906842597L;
            for (int j = i; j < i + SHINGLE; j++) {
                h = 31 * h + words.get(j).hashCode();
            }
            for (int s = 0; s < slots; s++) {
                int v = (int) (mix(h ^ seeds[s]) >>> 33);
                if (v < signature[s]) {
                    signature[s] = v;
                }
            }
        }
        return signature;
    }

    /** Estimated Jaccard similarity of the shingle sets. */
    public static double similarity(int[] a, int[] b) {
        if (a.length == 0 || a.length != b.length) {
            return 0;
        }
        int same = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] == b[i]) {
                same++;
            }
        }
        return (double) same / a.length;
    }

    /** One index key per band: texts sharing a key are candidate copies. */
    public String[] bandKeys(int[] signature) {
        if (signature.length != slots) {
            return new String[0];
        }
        int rows = slots / bands;
        String[] keys = new String[bands];
        for (int b = 0; b < bands; b++) {
            long h = b;
            for (int r = 0; r < rows; r++) {
                h = mix(h * 31 + signature[b * rows + r]);
            }
            keys[b] = b + ":" + Long.toHexString(h);
        }
        return keys;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

}
