package dev.penumbra.data;

import dev.penumbra.InputException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How an image of any shape becomes the {@code size x size} square that {@code --size} asks for ({@code --resize}).
 * Every policy scales with {@link Resize}: bilinear for images, nearest neighbour for masks, so masks stay binary
 * (or class indices) and line up with their image.
 *
 * <ul>
 *   <li>{@link #SQUASH} scales each axis on its own to {@code size}; the aspect ratio is lost (a 767 x 1022 ISIC
 *       image is squeezed sideways). This is what the paper does for ISIC, and the default.</li>
 *   <li>{@link #PAD} first pads the short side to a square, evenly on both sides (the odd pixel goes to the bottom
 *       or right), then scales. Padded image pixels are 0 (black, in every channel); padded mask pixels are 0, i.e.
 *       background. The whole image is kept at its aspect ratio.</li>
 *   <li>{@link #CROP} first cuts the centred square of the short side's length (the odd pixel is cut from the
 *       bottom or right), then scales. The aspect ratio is kept; the ends of the long side are lost.</li>
 * </ul>
 * A square image is treated alike by all three.
 */
public enum ResizePolicy {
    SQUASH, PAD, CROP;

    /** The name {@code --resize} takes: {@code squash}, {@code pad}, {@code crop}. */
    public String option() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws InputException for a name that is none of {@code squash}, {@code pad}, {@code crop} */
    public static ResizePolicy parse(String name) {
        return InputException.oneOf(values(), p -> p.option().equals(name), () -> "--resize '" + name + "' is not a"
                + " resize policy: expected one of "
                + Arrays.stream(values()).map(ResizePolicy::option).collect(Collectors.joining(", ")));
    }

    /** @return C x size x size: {@code image} made square by this policy, then scaled bilinearly */
    public Image image(Image image, int size) {
        Square sq = Square.of(this, image.height(), image.width());
        if (sq.identity) {
            return Resize.bilinear(image, size, size);
        }
        Image square = Image.zeros(image.channels(), sq.side, sq.side);
        for (int c = 0; c < image.channels(); c++) {
            for (int y = 0; y < sq.side; y++) {
                for (int x = 0; x < sq.side; x++) {
                    int sy = y + sq.top;
                    int sx = x + sq.left;
                    if (sq.inside(sy, sx, image.height(), image.width())) {
                        square.set(c, y, x, image.get(c, sy, sx));
                    }
                }
            }
        }
        return Resize.bilinear(square, size, size);
    }

    /** @return size x size: {@code mask} made square by this policy (padding is background), then nearest */
    public Mask mask(Mask mask, int size) {
        Square sq = Square.of(this, mask.height(), mask.width());
        if (sq.identity) {
            return Resize.nearest(mask, size, size);
        }
        Mask square = Mask.blank(sq.side, sq.side);
        for (int y = 0; y < sq.side; y++) {
            for (int x = 0; x < sq.side; x++) {
                int sy = y + sq.top;
                int sx = x + sq.left;
                if (sq.inside(sy, sx, mask.height(), mask.width())) {
                    square.set(y, x, mask.get(sy, sx));
                }
            }
        }
        return Resize.nearest(square, size, size);
    }

    /**
     * The square that an H x W input becomes before scaling: its side and where its top-left corner lies in the
     * input (negative when padding). {@code identity} when the input is used as it is (squash, or already square).
     */
    private record Square(int side, int top, int left, boolean identity) {

        static Square of(ResizePolicy p, int h, int w) {
            if (p == SQUASH || h == w) {
                return new Square(0, 0, 0, true);
            }
            int side = p == PAD ? Math.max(h, w) : Math.min(h, w);
            // pad: the square starts (side - h) / 2 above the image; crop: (h - side) / 2 inside it
            int top = p == PAD ? -((side - h) / 2) : (h - side) / 2;
            int left = p == PAD ? -((side - w) / 2) : (w - side) / 2;
            return new Square(side, top, left, false);
        }

        boolean inside(int y, int x, int h, int w) {
            return y >= 0 && y < h && x >= 0 && x < w;
        }
    }
}
