/**
 * Training-time data augmentation: one random affine transform plus horizontal and vertical flips per sample,
 * applied identically to the image (bilinear) and to every annotation (nearest neighbour, so masks stay binary).
 *
 * <p>Coordinates throughout: x is the column (to the right), y the row (downwards), both in pixels, with pixel
 * centres at integer coordinates; transforms act about the image centre ((W - 1) / 2, (H - 1) / 2), which is the
 * centre torchvision's tensor {@code RandomAffine} uses.
 */
package dev.penumbra.data.augment;
