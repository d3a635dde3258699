package dev.penumbra.cli;

import dev.penumbra.InputException;
import dev.penumbra.data.DataOptions;
import dev.penumbra.data.DatasetSummary;
import dev.penumbra.data.synthetic.SyntheticData;
import dev.penumbra.data.synthetic.SyntheticKind;
import dev.penumbra.data.synthetic.SyntheticManifest;
import dev.penumbra.data.synthetic.SyntheticOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;

/** {@code penumbra data}: validate datasets and make synthetic ones. */
@Command(name = "data", mixinStandardHelpOptions = true, description = "Validate a dataset, or generate a synthetic one.",
        subcommands = {DataCommand.Check.class, DataCommand.MakeSynthetic.class})
public final class DataCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code penumbra data check DATA}. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Validate a dataset and summarise it.", """
            %n\
            Prints counts per split, image sizes, channels, annotators per image and annotator agreement on \
            lesion presence. Any problem is reported with the file, what was found and what was expected \
            (exit code 2)."""})
    static final class Check extends PenumbraCommand {

        @Parameters(paramLabel = "DATA", arity = "0..1", description = "Dataset folder (ISIC 2018, LIDC crops or"
                + " generic layout), or an HDF5 file such as data_lidc.hdf5 (lidc-hdf5 layout).")
        Path dir;

        @Option(names = "--data", paramLabel = "DIR|FILE", description = "The same as DATA, named as in the other"
                + " commands.")
        Path dataOption;

        @Mixin
        DataOptionsMixin data;

        @Mixin
        JsonOption json;

        @Override
        public Integer call() {
            DataOptions options = data.build(0);
            // streams one sample at a time: full-size ISIC images would not fit in memory all at once
            DatasetSummary summary = DatasetSummary.summarise(dataset(), options);
            out().println(json.render(summary, summary.toText()));
            return 0;
        }

        /** The dataset, given as DATA or as --data (once). */
        private Path dataset() {
            if (dir != null && dataOption != null) {
                throw new InputException("data check: the dataset was given twice, as DATA (" + dir + ") and as"
                        + " --data (" + dataOption + "); give it once");
            }
            if (dir == null && dataOption == null) {
                throw new InputException("data check: no dataset given: expected a dataset folder or an HDF5 file"
                        + " as DATA or --data, e.g. penumbra data check data/ambiguous");
            }
            return dir != null ? dir : dataOption;
        }
    }

    /** {@code penumbra data make-synthetic}. */
    @Command(name = "make-synthetic", mixinStandardHelpOptions = true,
            description = {"Write a synthetic dataset, deterministic by seed, in a real layout.",
                """
            %n\
            ambiguous: grey images with lesion-like blobs and 4 simulated annotators who disagree on faint \
            blobs (LIDC-crops layout; the true p(a|x) is saved in truth/).%n\
            unambiguous: RGB images with one clear lesion and one annotation (ISIC 2018 layout)."""})
    static final class MakeSynthetic extends PenumbraCommand {

        @Option(names = "--kind", required = true, paramLabel = "ambiguous|unambiguous", description = "Which dataset.")
        String kind;

        @Mixin
        OutOption out;

        @Option(names = "--size", paramLabel = "PX", defaultValue = "64", description = "Image side in pixels (default: ${DEFAULT-VALUE}).")
        int size;

        @Option(names = "--count", paramLabel = "N", description = "Total images, split 60/20/20 into train/val/test (default: 48/16/16).")
        Integer count;

        @Mixin
        SeedOption seed = new SeedOption(SyntheticOptions.defaults().seed());

        @Override
        public Integer call() {
            SyntheticOptions d = SyntheticOptions.defaults();
            int train = d.train();
            int val = d.val();
            int test = d.test();
            if (count != null) {
                if (count < 3) {
                    throw new InputException("--count must be at least 3 (one image per split), got "
                            + count);
                }
                val = Math.max(1, Math.round(count * 0.2f));
                test = Math.max(1, Math.round(count * 0.2f));
                train = count - val - test;
            }
            SyntheticManifest m = SyntheticData.write(SyntheticKind.parse(kind),
                    new SyntheticOptions(size, train, val, test, seed.get()), out.get());
            out().printf("wrote %s dataset (%s layout, %d/%d/%d images of %dx%d) to %s%n",
                    m.kind(), m.layout(), m.train(), m.val(), m.test(), m.size(), m.size(), out.get());
            return 0;
        }
    }
}
