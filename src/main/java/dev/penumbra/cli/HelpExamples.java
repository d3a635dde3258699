package dev.penumbra.cli;

import java.util.List;
import java.util.Map;

/**
 * Two or three real command lines per command, printed at the end of its help (the README's, with paths a reader
 * replaces by theirs). {@code HelpTest} parses every one, so an example that names a removed option fails the build.
 */
final class HelpExamples {

    /** The help section key of the examples, placed before the footer. */
    static final String SECTION_KEY = "examples";

    private HelpExamples() {
    }

    /** Examples by the command's qualified name. */
    static final Map<String, List<String>> BY_COMMAND = Map.ofEntries(
            Map.entry("penumbra", List.of(
                    "penumbra demo",
                    "penumbra train --model punet --data synthetic-ambiguous --preset demo --out runs/punet",
                    "penumbra help train")),
            Map.entry("penumbra demo", List.of(
                    "penumbra demo",
                    "penumbra demo --out runs/demo --threads 2 --quiet")),
            Map.entry("penumbra data", List.of(
                    "penumbra data check /data/lidc",
                    "penumbra data make-synthetic --kind ambiguous --out data/ambiguous")),
            Map.entry("penumbra data check", List.of(
                    "penumbra data check /data/lidc",
                    "penumbra data check /data/isic2018 --layout isic --size 0 --json")),
            Map.entry("penumbra data make-synthetic", List.of(
                    "penumbra data make-synthetic --kind ambiguous --out data/ambiguous",
                    "penumbra data make-synthetic --kind unambiguous --out data/unambiguous --size 128 --count 300"
                            + " --seed 7")),
            Map.entry("penumbra train", List.of(
                    "penumbra train --model punet --data synthetic-ambiguous --preset demo --out runs/punet",
                    "penumbra train --model mcdropout --data /data/lidc --preset lidc --dropout 0.5 --out runs/mcd",
                    "penumbra train --resume --out runs/mcd")),
            Map.entry("penumbra predict", List.of(
                    "penumbra predict --run runs/punet --out predictions/punet",
                    "penumbra predict --run runs/punet --data /data/other --split val --samples 32"
                            + " --out predictions/punet-val")),
            Map.entry("penumbra evaluate", List.of(
                    "penumbra evaluate --runs runs/softmax runs/punet --out eval",
                    "penumbra evaluate --runs runs/softmax runs/punet --split val --pixels all --estimator all-pairs"
                            + " --out eval-val")),
            Map.entry("penumbra active", List.of(
                    "penumbra active --model mcdropout --data synthetic-ambiguous --preset demo --initial 8 --add 8"
                            + " --rounds 2 --steps 25 --seeds 1 --out al",
                    "penumbra active --model punet --data /data/lidc --strategies random,entropy-sum,bald --seeds 3"
                            + " --out al-punet")),
            Map.entry("penumbra tune", List.of(
                    "penumbra tune --model mcdropout --data /data/lidc --grid dropout=0.3,0.5,0.7 --out tune/mcd",
                    "penumbra tune --model punet --data synthetic-ambiguous --preset demo --grid beta=0.0005,0.05"
                            + " --grid lr=0.001,0.002 --out tune/punet")),
            Map.entry("penumbra study", List.of(
                    "penumbra study --preset demo --data synthetic-ambiguous --out study",
                    "penumbra study --preset lidc --data /data/lidc --out /scratch/study --emit slurm"
                            + " /scratch/study-job",
                    "penumbra study --collect /scratch/study")),
            Map.entry("penumbra stats", List.of(
                    "penumbra stats ttest --csv eval/images.csv --value ged@16 --group model --a punet --b softmax"
                            + " --paired --pair image",
                    "penumbra stats rmcorr --csv eval/pixels.csv --x entropy_bits --y votes --subject image")),
            Map.entry("penumbra stats ttest", List.of(
                    "penumbra stats ttest --csv eval/images.csv --value ged@16 --group model --a punet --b softmax"
                            + " --paired --pair image",
                    "penumbra stats ttest --csv eval/images.csv --value soft_dice --group model --a punet"
                            + " --b mcdropout --alternative greater --json")),
            Map.entry("penumbra stats rmcorr", List.of(
                    "penumbra stats rmcorr --csv eval/pixels.csv --x entropy_bits --y votes --subject image",
                    "penumbra stats rmcorr --csv results.csv --x uncertainty --y error --subject patient --json")),
            Map.entry("penumbra metrics", List.of(
                    "penumbra metrics ged --predictions predictions/punet --annotations masks/test"
                            + " --samples-glob 'sample_*.png'")),
            Map.entry("penumbra metrics ged", List.of(
                    "penumbra metrics ged --predictions predictions/punet --annotations masks/test"
                            + " --samples-glob sample_*.png",
                    "penumbra metrics ged --predictions other-tool/samples --annotations masks/test"
                            + " --estimator unbiased --json")),
            Map.entry("penumbra bench", List.of(
                    "penumbra bench",
                    "penumbra bench --items train,inference --repeats 3 --json")));

    /** The examples section of a command's help, or nothing for a command without examples. */
    static String render(String command) {
        List<String> examples = BY_COMMAND.get(command);
        if (examples == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(System.lineSeparator()).append("Examples:").append(System.lineSeparator());
        examples.forEach(e -> b.append("  ").append(e).append(System.lineSeparator()));
        return b.toString();
    }
}
