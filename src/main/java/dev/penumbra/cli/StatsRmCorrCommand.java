package dev.penumbra.cli;

import dev.penumbra.stats.CsvTable;
import dev.penumbra.stats.RmCorr;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.function.Supplier;

/** {@code penumbra stats rmcorr}. */
@Command(name = "rmcorr", mixinStandardHelpOptions = true,
        description = {"Repeated-measures correlation of two columns (Bakdash and Marusich 2017; as pingouin's rm_corr).",
            """
            %n\
            The within-subject correlation of x and y when each subject (e.g. image) is measured several \
            times: r, dof = N - S - 1, two-sided p and 95%% CI (Fisher z)."""})
final class StatsRmCorrCommand extends StatsTableCommand<RmCorr.Result> {

    @Option(names = "--x", required = true, paramLabel = "COLUMN", description = "First measurement (numbers).")
    String x;

    @Option(names = "--y", required = true, paramLabel = "COLUMN", description = "Second measurement (numbers).")
    String y;

    @Option(names = "--subject", required = true, paramLabel = "COLUMN", description = "Who was measured (labels).")
    String subject;

    StatsRmCorrCommand() {
        super(RmCorr.Result::toText);
    }

    @Override
    RmCorr.Result compute(Supplier<CsvTable> read) {
        CsvTable table = read.get();
        return RmCorr.compute(table.numbers(x, "--x"), table.numbers(y, "--y"), table.strings(subject, "--subject"));
    }
}
