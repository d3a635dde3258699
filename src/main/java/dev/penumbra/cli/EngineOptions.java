package dev.penumbra.cli;

import ai.djl.Device;
import ai.djl.engine.Engine;
import dev.penumbra.InputException;
import dev.penumbra.io.Progress;
import picocli.CommandLine.Option;

/** Options of every command that runs the deep-learning engine. Apply them before the engine starts. */
public final class EngineOptions {

    @Option(names = "--threads", paramLabel = "N", description = "Intra-op threads of the engine (default: all ${sys:penumbra.cores} cores).")
    Integer threads;

    @Option(names = "--device", paramLabel = "auto|cpu|gpu", defaultValue = "auto",
            description = "Where tensors live: auto = GPU when the engine sees one, else CPU (default: ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--quiet", description = "No progress bars.")
    boolean quiet;

    static {
        System.setProperty("penumbra.cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
    }

    /** Sets the engine's thread count (before its first use) and returns the chosen device. */
    public Device apply() {
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        InputException.atLeast("--threads", n, 1);
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(n));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        return resolveDevice(device);
    }

    static Device resolveDevice(String name) {
        switch (name) {
            case "cpu":
                return Device.cpu();
            case "gpu":
                if (Engine.getInstance().getGpuCount() == 0) {
                    throw new InputException("--device gpu: the engine sees no GPU. This build carries the CPU"
                            + " libtorch; build with 'mvn -Pcuda package' on a machine with CUDA (see README), or use"
                            + " --device cpu");
                }
                return Device.gpu();
            case "auto":
                return Engine.getInstance().getGpuCount() > 0 ? Device.gpu() : Device.cpu();
            default:
                throw new InputException("--device must be auto, cpu or gpu, got '" + name + "'");
        }
    }

    public boolean quiet() {
        return quiet;
    }

    /** Progress bars on the console, or none with {@code --quiet}. */
    public Progress.Factory progress() {
        return quiet ? Progress.Factory.QUIET : Progress.Factory.CONSOLE;
    }
}
