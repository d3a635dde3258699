package dev.penumbra.bench;

import dev.penumbra.InputException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What the benchmark can time. The option, the lower-case name, names the item on the command line; the key names
 * it in the JSON output of both benchmarks.
 */
public enum BenchItem {
    /** One gradient step of the softmax U-Net: forward, loss, backward, Adam. */
    TRAIN("train_step"),
    /** A no-grad forward of the softmax U-Net, with the softmax. */
    INFERENCE("inference"),
    /** Monte-Carlo sampling: 16 stochastic forwards of the MC-dropout model. */
    MC16("mc16"),
    /** A GEMM-shaped 1x1 convolution: the machine's achievable GFLOP/s. */
    CONV("conv_ceiling");

    private final String key;

    BenchItem(String key) {
        this.key = key;
    }

    /** The name on the command line, e.g. {@code train}. */
    public String option() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The name in the output, e.g. {@code train_step}. */
    public String key() {
        return key;
    }

    /** All items, in the order they run by default. */
    public static List<BenchItem> all() {
        return List.of(values());
    }

    /** Parses command-line names (either form), keeping their order and dropping repeats. */
    public static List<BenchItem> parse(List<String> names) {
        List<BenchItem> items = new ArrayList<>();
        for (String raw : names) {
            String name = raw.trim().toLowerCase(Locale.ROOT);
            BenchItem found = Arrays.stream(values()).filter(i -> i.option().equals(name) || i.key.equals(name))
                    .findFirst().orElseThrow(() -> new InputException("--items: unknown item '" + raw
                            + "', expected some of " + Arrays.stream(values()).map(BenchItem::option)
                            .collect(Collectors.joining(", "))));
            if (!items.contains(found)) {
                items.add(found);
            }
        }
        if (items.isEmpty()) {
            throw new InputException("--items: no item given, expected some of train, inference, mc16, conv");
        }
        return items;
    }
}
