package dev.penumbra.figure;

import java.nio.file.Path;

/**
 * A figure written to disk: the same drawing as a raster PNG and a vector SVG.
 *
 * @param name    file name without extension, e.g. "fig4_entropy_by_outcome"
 * @param png     the PNG file ({@code name.png}), width x height pixels, RGB
 * @param svg     the SVG file ({@code name.svg}), width x height user units (pixels)
 * @param caption the text to print under the figure (not drawn into it)
 */
public record Figure(String name, Path png, Path svg, String caption) {
}
