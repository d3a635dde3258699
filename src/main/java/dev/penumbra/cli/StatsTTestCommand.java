package dev.penumbra.cli;

import dev.penumbra.InputException;
import dev.penumbra.stats.CsvTable;
import dev.penumbra.stats.TTest;
import dev.penumbra.stats.TwoGroups;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.function.Supplier;

/** {@code penumbra stats ttest}. */
@Command(name = "ttest", mixinStandardHelpOptions = true,
        description = {"t-test of one column between two groups of rows (as scipy's ttest_ind / ttest_rel).",
            """
            %n\
            Compares the --value of rows whose --group is --a with those whose --group is --b: Student's t \
            when the groups are the same size, Welch's otherwise; with --paired, the paired t-test on rows \
            matched by --pair (e.g. the image id)."""})
final class StatsTTestCommand extends StatsTableCommand<TTest.Result> {

    @Option(names = "--value", required = true, paramLabel = "COLUMN", description = "The values to compare (numbers).")
    String value;

    @Option(names = "--group", required = true, paramLabel = "COLUMN", description = "The group of each row (e.g. model).")
    String group;

    @Option(names = "--a", required = true, paramLabel = "LABEL", description = "First group: rows with --group == LABEL.")
    String a;

    @Option(names = "--b", required = true, paramLabel = "LABEL", description = "Second group: rows with --group == LABEL.")
    String b;

    @Option(names = "--alternative", paramLabel = "less|greater|two-sided", defaultValue = "two-sided",
            description = "Alternative hypothesis about mean(a) - mean(b) (default: ${DEFAULT-VALUE}).")
    String alternative;

    @Option(names = "--paired", description = "Paired t-test on rows matched by --pair.")
    boolean paired;

    @Option(names = "--pair", paramLabel = "COLUMN", description = "Pair id (e.g. image id), once per group; needs --paired.")
    String pair;

    StatsTTestCommand() {
        super(TTest.Result::toText);
    }

    @Override
    TTest.Result compute(Supplier<CsvTable> read) {
        if (paired && pair == null) {
            throw new InputException("--paired needs --pair COLUMN, the column that matches rows of the two groups"
                    + " (e.g. the image id)");
        }
        if (!paired && pair != null) {
            throw new InputException("--pair " + pair + " is only used with --paired; add --paired or drop --pair");
        }
        TTest.Alternative alt = TTest.Alternative.parse(alternative);
        TwoGroups groups = new TwoGroups(value, group, a, b);
        CsvTable table = read.get();
        if (paired) {
            TwoGroups.Samples s = groups.paired(table, pair);
            return TTest.paired(s.a(), s.b(), alt);
        }
        TwoGroups.Samples s = groups.unpaired(table);
        return TTest.twoSample(s.a(), s.b(), alt);
    }
}
