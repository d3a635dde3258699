package dev.penumbra.metric;

import dev.penumbra.data.Mask;

import java.util.List;

/** Overlap of binary masks. */
public final class Overlap {

    private Overlap() {
    }

    /**
     * What two masks share: pixels marked in both and pixels marked in either (any non-zero value is marked).
     *
     * @param both   |A and B|
     * @param either |A or B|
     */
    public record Counts(long both, long either) {

        /** Of two H x W masks of equal length. */
        public static Counts of(byte[] a, byte[] b) {
            if (a.length != b.length) {
                throw new IllegalArgumentException("masks differ in size: " + a.length + " vs " + b.length);
            }
            long both = 0;
            long either = 0;
            for (int i = 0; i < a.length; i++) {
                boolean x = a[i] != 0;
                boolean y = b[i] != 0;
                both += x && y ? 1 : 0;
                either += x || y ? 1 : 0;
            }
            return new Counts(both, either);
        }
    }

    /**
     * Dice coefficient 2|A and B| / (|A| + |B|) of two H x W masks (values 0/1); two empty masks agree fully (1).
     */
    public static double dice(byte[] a, byte[] b) {
        Counts c = Counts.of(a, b);
        long sum = c.both() + c.either();
        return sum == 0 ? 1.0 : 2.0 * c.both() / sum;
    }

    /**
     * The foreground (any non-background class) of one H x W label map stored inside a larger array, e.g. one
     * sample of one image in an n x B x 1 x H x W tensor of argmax labels.
     *
     * @param labels class indices
     * @param offset index of the map's first pixel
     * @param pixels H * W
     * @return H x W values 0 or 1
     */
    public static byte[] foreground(long[] labels, int offset, int pixels) {
        byte[] mask = new byte[pixels];
        for (int p = 0; p < pixels; p++) {
            mask[p] = (byte) (labels[offset + p] != 0 ? 1 : 0);
        }
        return mask;
    }

    /** The pixels marked (any non-background class) by at least half of the annotators; a tie counts as marked. */
    public static byte[] majority(List<Mask> masks) {
        int n = masks.get(0).pixels().length;
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            int votes = 0;
            for (Mask m : masks) {
                votes += m.pixels()[i] != 0 ? 1 : 0;
            }
            out[i] = (byte) (2 * votes >= masks.size() ? 1 : 0);
        }
        return out;
    }
}
