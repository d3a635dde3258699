package dev.penumbra.train;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import dev.penumbra.InputException;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Model parameters (and optionally the optimiser state) in one file, written atomically inside a
 * {@link CheckpointFile} envelope whose digest tells a damaged file from one of another model.
 * The block must be built and initialised with the same settings before loading.
 */
public final class Checkpoint {

    private Checkpoint() {
    }

    public static void save(Path file, Block block, Adam optimiser) {
        CheckpointFile.write(file, raw -> {
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw));
            block.saveParameters(out);
            out.writeBoolean(optimiser != null);
            if (optimiser != null) {
                optimiser.save(out, block.getParameters());
            }
            out.flush();
        });
    }

    /**
     * Loads parameters into {@code block}, and the optimiser state into {@code optimiser} when given.
     *
     * @throws InputException when the file is missing, damaged or truncated, or intact but of another model
     */
    public static void load(Path file, Block block, Adam optimiser, NDManager manager) {
        if (!Files.isRegularFile(file)) {
            throw new InputException("checkpoint " + file + " does not exist");
        }
        CheckpointFile.Opened opened;
        try {
            opened = CheckpointFile.open(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checkpoint " + file + ": " + e.getMessage(), e);
        }
        try (DataInputStream in = opened.in()) {
            read(file, opened, block, optimiser, manager);
        } catch (EOFException e) {
            // an intact file that ends early was written for a smaller model; an old file may just be cut short
            throw opened.enveloped() ? doesNotFit(file, "it holds fewer values than this model's parameters", e)
                    : CheckpointFile.damaged(file, "it ends before all of the model's values", e);
        } catch (MalformedModelException | IOException e) {
            throw doesNotFit(file, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new InputException("cannot read checkpoint " + file + ": " + e.getMessage(), e);
        }
    }

    private static void read(Path file, CheckpointFile.Opened opened, Block block, Adam optimiser,
                             NDManager manager) throws IOException, MalformedModelException {
        Map<String, Shape> expected = shapes(block);
        DataInputStream in = opened.in();
        block.loadParameters(manager, in);
        checkShapes(file, expected, block);
        boolean hasState = in.readBoolean();
        if (optimiser != null) {
            if (!hasState) {
                throw new InputException("checkpoint " + file + " has no optimiser state to resume from");
            }
            optimiser.load(in, block.getParameters(), manager);
        }
        if ((optimiser != null || !hasState) && !opened.atEnd()) {
            throw doesNotFit(file, "it holds more than this model's parameters", null);
        }
    }

    private static InputException doesNotFit(Path file, String reason, Throwable cause) {
        return new InputException("checkpoint " + file + " does not fit this model (" + reason
                + "); was it written by another model or with other settings?", cause);
    }

    /** The shapes the initialised block expects, by parameter name. */
    private static Map<String, Shape> shapes(Block block) {
        Map<String, Shape> out = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().isInitialized()) {
                out.put(p.getKey(), p.getValue().getArray().getShape());
            }
        }
        return out;
    }

    /** DJL loads a parameter of any shape; a checkpoint of other filters must not pass for this model's. */
    private static void checkShapes(Path file, Map<String, Shape> expected, Block block) {
        for (Pair<String, Parameter> p : block.getParameters()) {
            Shape want = expected.get(p.getKey());
            Shape got = p.getValue().getArray().getShape();
            if (want != null && !want.equals(got)) {
                throw doesNotFit(file, "parameter " + p.getKey() + " is " + got + " in the checkpoint but " + want
                        + " in this model", null);
            }
        }
    }
}
