package dev.penumbra.model;

import ai.djl.ndarray.NDArray;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The loss of one batch: the scalar that training minimises, and the named terms it is made of, so that the
 * metrics log can show them apart (the Prob. U-Net's reconstruction and KL terms, for example).
 *
 * @param total scalar to minimise
 * @param terms scalar parts by name, in a stable order; empty for a model whose loss has a single term
 */
public record Loss(NDArray total, Map<String, NDArray> terms) {

    /** Name of the Prob. U-Net's cross-entropy term (nats per pixel, class-weighted mean). */
    public static final String RECONSTRUCTION = "reconstruction";
    /** Name of the Prob. U-Net's KL(q || p) term (nats per image, before multiplying by beta). */
    public static final String KL = "kl";

    public Loss {
        terms = Collections.unmodifiableMap(new LinkedHashMap<>(terms));
    }

    /** A loss with no separate terms. */
    public static Loss of(NDArray total) {
        return new Loss(total, Map.of());
    }

    /** Reads the scalars off the device. */
    public Values values() {
        Map<String, Double> read = new LinkedHashMap<>();
        terms.forEach((name, value) -> read.put(name, (double) value.getFloat()));
        return new Values(total.getFloat(), read);
    }

    /**
     * A loss as numbers.
     *
     * @param total the minimised scalar
     * @param terms its named parts
     */
    public record Values(double total, Map<String, Double> terms) {

        public Values {
            terms = Collections.unmodifiableMap(new LinkedHashMap<>(terms));
        }
    }
}
