package dev.penumbra.export;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PyTorch state-dict name of every parameter of a Penumbra network, as the modules of
 * {@code python/penumbra_torch.py} name them. DJL names a child block {@code NNname} (its position, then the name
 * the parent gave it) and a parameter by its own name; the PyTorch modules mirror the block tree, so a name is the
 * path of child names joined by dots, with these translations:
 * <ul>
 *   <li>numbered children become entries of a list: {@code enc2} -> {@code encoders.2}, {@code dec0} ->
 *       {@code decoders.0}, {@code conv1} -> {@code convs.1}, {@code fc0} -> {@code fc.0}, {@code member3} ->
 *       {@code members.3};</li>
 *   <li>other names go from camel case to snake case: {@code logSigma} -> {@code log_sigma};</li>
 *   <li>batch norm's {@code gamma}, {@code beta}, {@code runningMean}, {@code runningVar} become torch's
 *       {@code weight}, {@code bias}, {@code running_mean}, {@code running_var}.</li>
 * </ul>
 */
final class TorchNames {

    private static final Pattern DJL_CHILD = Pattern.compile("\\d{2}(.+)");
    private static final Pattern NUMBERED = Pattern.compile("([a-z]+)(\\d+)");
    private static final Map<String, String> LISTS = Map.of("enc", "encoders", "dec", "decoders", "conv", "convs",
            "fc", "fc", "member", "members");
    private static final Map<String, String> BATCH_NORM = Map.of("gamma", "weight", "beta", "bias",
            "runningMean", "running_mean", "runningVar", "running_var");

    private TorchNames() {
    }

    /** Every parameter under {@code root} by its PyTorch name, in the block tree's order. */
    static Map<String, Parameter> of(Block root) {
        Map<String, Parameter> out = new LinkedHashMap<>();
        collect(root, "", out);
        return out;
    }

    private static void collect(Block block, String prefix, Map<String, Parameter> out) {
        for (Pair<String, Parameter> p : block.getDirectParameters()) {
            String name = prefix + BATCH_NORM.getOrDefault(p.getKey(), snake(p.getKey()));
            if (out.put(name, p.getValue()) != null) {
                throw new IllegalStateException("two parameters map to the PyTorch name " + name);
            }
        }
        for (Pair<String, Block> child : block.getChildren()) {
            collect(child.getValue(), prefix + child(child.getKey()) + ".", out);
        }
    }

    /** {@code 03enc2} -> {@code encoders.2}; {@code 02logSigma} -> {@code log_sigma}. */
    static String child(String djlName) {
        Matcher m = DJL_CHILD.matcher(djlName);
        String name = m.matches() ? m.group(1) : djlName;
        Matcher numbered = NUMBERED.matcher(name);
        if (numbered.matches()) {
            String list = LISTS.get(numbered.group(1));
            if (list == null) {
                throw new IllegalStateException("no PyTorch list for the numbered block " + djlName
                        + "; add its prefix to TorchNames and python/penumbra_torch.py");
            }
            return list + "." + numbered.group(2);
        }
        return snake(name);
    }

    static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
