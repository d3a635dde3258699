package dev.penumbra.active;

import dev.penumbra.InputException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The acquisition functions by name. */
public final class Acquisitions {

    /** Share of the image area added to the predicted foreground by {@code entropy-foreground}. */
    static final double AREA_SMOOTHING = 0.01;

    private static final Map<String, Acquisition> ALL = new LinkedHashMap<>();

    static {
        Ranked entropySum = new Ranked("entropy-sum", "sum of pixel predictive entropy (the paper's score)",
                PoolImage::sumEntropy, false);
        add(new RandomAcquisition());
        add(entropySum);
        add(new Ranked("entropy-mean", "mean pixel predictive entropy (the same ranking for images of one size;"
                + " differs when sizes differ)", p -> p.sumEntropy() / p.pixels(), false));
        add(new Ranked("entropy-foreground", "entropy-sum divided by the predicted foreground area plus 1% of the"
                + " image, against the bias towards large lesions",
                p -> p.sumEntropy() / (p.foregroundPixels() + AREA_SMOOTHING * p.pixels()), false));
        add(new Ranked("bald", "sum of pixel mutual information (entropy minus expected entropy): model ignorance"
                + " only, blind to annotator ambiguity; needs a model with varied samples",
                PoolImage::sumMutualInformation, true));
        add(new DiverseAcquisition(entropySum));
    }

    private Acquisitions() {
    }

    private static void add(Acquisition a) {
        ALL.put(a.name(), a);
    }

    public static List<String> names() {
        return List.copyOf(ALL.keySet());
    }

    public static Acquisition get(String name) {
        Acquisition a = ALL.get(name);
        if (a == null) {
            throw new InputException("--strategies: unknown acquisition function '" + name + "'; expected one of "
                    + String.join(", ", ALL.keySet()));
        }
        return a;
    }

    /** Parses a comma-separated list; clear errors for unknown or repeated names. */
    public static List<Acquisition> parse(List<String> names) {
        List<Acquisition> out = new ArrayList<>();
        for (String n : names) {
            Acquisition a = get(n.trim());
            if (out.contains(a)) {
                throw new InputException("--strategies: '" + n.trim() + "' is given twice");
            }
            out.add(a);
        }
        if (out.isEmpty()) {
            throw new InputException("--strategies: give at least one acquisition function");
        }
        return out;
    }
}
