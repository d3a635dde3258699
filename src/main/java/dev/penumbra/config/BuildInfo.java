package dev.penumbra.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Which engine build this is, as Maven wrote it into {@code penumbra-build.properties}: {@code cpu} (the default
 * build) or {@code cuda} (built with {@code -Pcuda}), and the DJL and libtorch versions it carries.
 *
 * @param build    "cpu" or "cuda"
 * @param djl      the DJL version built against
 * @param libtorch the libtorch version built against
 */
public record BuildInfo(String build, String djl, String libtorch) {

    public static final String RESOURCE = "/penumbra-build.properties";

    /** This build's facts, or "unknown" each where the file is missing (a build that skipped resources). */
    public static BuildInfo current() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
        return new BuildInfo(p.getProperty("build", "unknown"), p.getProperty("djl", "unknown"),
                p.getProperty("libtorch", "unknown"));
    }

    /** One line, e.g. "cpu build: DJL 0.36.0 with libtorch 2.7.1". */
    public String describe() {
        return build + " build: DJL " + djl + " with libtorch " + libtorch;
    }
}
