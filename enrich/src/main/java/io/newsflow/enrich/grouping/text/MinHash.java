package io.newsflow.enrich.grouping.text;

import java.util.List;

/**
 * MinHash signatures over word shingles, to spot syndicated copies: two texts whose shingle sets
 * overlap by Jaccard J agree on a signature slot with probability J. Banding the signature
 * (locality-sensitive hashing) finds copies through an index instead of comparing all pairs.
 */
public final class MinHash {

    private static final int SHINGLE = 4;
    private final int slots;
    private final int bands;
    private final long[] seeds;

    public MinHash(int slots, int bands) {
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

    public static MinHash standard() {
        return new MinHash(64, 16);
    }

    /** The signature of a word sequence; empty when the text is too short to shingle. */
    public int[] signature(List<String> words) {
        if (words.size() < SHINGLE) {
            return new int[0];
        }
        long[] shingles = shingleHashes(words);
        int[] signature = new int[slots];
        // Slot by slot over all shingles: the minimum stays in a register instead of the array.
        for (int s = 0; s < slots; s++) {
            long seed = seeds[s];
            int min = Integer.MAX_VALUE;
            for (long shingle : shingles) {
                min = Math.min(min, slotValue(shingle ^ seed));
            }
            signature[s] = min;
        }
        return signature;
    }

    /** One hash per run of SHINGLE consecutive words. */
    private static long[] shingleHashes(List<String> words) {
        int[] wordHashes = new int[words.size()];
        for (int i = 0; i < wordHashes.length; i++) {
            wordHashes[i] = words.get(i).hashCode();
        }
        long[] shingles = new long[wordHashes.length - SHINGLE + 1];
        for (int i = 0; i < shingles.length; i++) {
            long h = 1125899906842597L;
            for (int j = i; j < i + SHINGLE; j++) {
                h = 31 * h + wordHashes[j];
            }
            shingles[i] = h;
        }
        return shingles;
    }

    /**
     * {@code (int) (mix(x) >>> 33)} without mix's last step: {@code z ^ (z >>> 31)} changes only
     * bits below 33, which the shift drops. This is the signature's innermost loop.
     */
    private static int slotValue(long x) {
        long z = (x ^ (x >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (int) (z >>> 33);
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

    /**
     * Estimated share of text a's shingles that text b holds too: how little a adds to b. 1 for a
     * copy of b that was cut (a last paragraph dropped), nearly 1 for one with a credit line added;
     * about a half for a round-up that holds b and another story. Texts that share no wording
     * agree on no slot and give 0.
     *
     * <p>Read from the slots alone, no shingle counts: the least shingle of a slot over both
     * texts is a's and b's alike (a slot where both agree) with probability |A ∩ B| / |A ∪ B|, and
     * a's alone (a's value below b's) with probability |A \ B| / |A ∪ B|; so |A ∩ B| / |A| is the
     * agreeing slots' share of the slots where a holds the least shingle. A cut copy never holds
     * the least alone: it comes out 1 however short it is, where counts estimated from a short
     * text's signature are off by a third.
     */
    public static double containment(int[] a, int[] b) {
        if (a.length == 0 || a.length != b.length) {
            return 0;
        }
        int agree = 0;
        int aAlone = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] == b[i]) {
                agree++;
            } else if (a[i] < b[i]) {
                aAlone++;
            }
        }
        return agree == 0 ? 0 : (double) agree / (agree + aAlone);
    }

    /**
     * Estimated number of a's shingles that b lacks: what a adds to b. Slots where a holds the
     * least shingle alone are that share of the union, whose size the union's signature (the
     * slot-wise least of both) gives.
     */
    public static double addedShingles(int[] a, int[] b) {
        if (a.length == 0 || a.length != b.length) {
            return Double.POSITIVE_INFINITY;
        }
        int[] union = new int[a.length];
        int aAlone = 0;
        for (int i = 0; i < a.length; i++) {
            union[i] = Math.min(a[i], b[i]);
            if (a[i] < b[i]) {
                aAlone++;
            }
        }
        return shingleCount(union) * aAlone / a.length;
    }

    /**
     * Estimated number of distinct shingles from the signature alone: each slot is the least of
     * n uniform 31-bit values, whose sum over k slots is about k / n (the k-minimum-values
     * estimator (k - 1) / sum; relative error about 1 / sqrt(k)).
     */
    static double shingleCount(int[] signature) {
        double sum = 0;
        for (int value : signature) {
            sum += (value + 1.0) / SLOT_RANGE;
        }
        return Math.max(1, (signature.length - 1) / sum);
    }

    /** Slot values are 31-bit (see {@link #slotValue}). */
    private static final double SLOT_RANGE = 0x1p31;

    /** One hash per band (the band's number is part of it): texts sharing one are candidate copies. */
    public long[] bandHashes(int[] signature) {
        if (signature.length != slots) {
            return new long[0];
        }
        int rows = slots / bands;
        long[] hashes = new long[bands];
        for (int b = 0; b < bands; b++) {
            long h = b;
            for (int r = 0; r < rows; r++) {
                h = mix(h * 31 + signature[b * rows + r]);
            }
            hashes[b] = h;
        }
        return hashes;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

}
