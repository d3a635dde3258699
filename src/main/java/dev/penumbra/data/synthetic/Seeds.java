package dev.penumbra.data.synthetic;

import dev.penumbra.data.Split;

/**
 * Derives one seed per image from the user's seed, the split and the index within the split, so that changing the
 * number of images in one split leaves every other split's images unchanged.
 */
final class Seeds {

    private Seeds() {
    }

    static long forImage(long seed, Split split, int index) {
        return mix(mix(mix(seed) + split.ordinal() + 1) + index);
    }

    /** The SplitMix64 finaliser: nearby inputs give unrelated outputs. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
