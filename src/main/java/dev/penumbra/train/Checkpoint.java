package dev.penumbra.train;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import dev.penumbra.InputException;
import dev.penumbra.io.AtomicFiles;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Model parameters (and optionally the optimiser state) in one file, written atomically.
 * The block must be built and initialised with the same settings before loading.
 */
public final class Checkpoint {

    private Checkpoint() {
    }

    public static void save(Path file, Block block, Adam optimiser) {
        AtomicFiles.write(file, raw -> {
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw));
            block.saveParameters(out);
            out.writeBoolean(optimiser != null);
            if (optimiser != null) {
                optimiser.save(out, block.getParameters());
            }
            out.flush();
        });
    }

    /** Loads parameters into {@code block}, and the optimiser state into {@code optimiser} when given. */
    public static void load(Path file, Block block, Adam optimiser, NDManager manager) {
        if (!Files.isRegularFile(file)) {
            throw new InputException("checkpoint " + file + " does not exist");
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            block.loadParameters(manager, in);
            boolean hasState = in.readBoolean();
            if (optimiser != null) {
                if (!hasState) {
                    throw new InputException("checkpoint " + file + " has no optimiser state to resume from");
                }
                optimiser.load(in, block.getParameters(), manager);
            }
        } catch (MalformedModelException | IOException e) {
            throw new InputException("checkpoint " + file + " does not fit this model (" + e.getMessage()
                    + "); was it written by another model or with other settings?", e);
        } catch (UncheckedIOException e) {
            throw new InputException("cannot read checkpoint " + file + ": " + e.getMessage(), e);
        }
    }
}
