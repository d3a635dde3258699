package dev.penumbra.cli;

import dev.penumbra.stats.CsvTable;
import picocli.CommandLine.Mixin;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A {@code stats} subcommand: one statistic of the columns of a CSV table, printed for people or, with
 * {@code --json}, as JSON.
 *
 * @param <R> the statistic's result
 */
abstract class StatsTableCommand<R> extends PenumbraCommand {

    @Mixin
    CsvOption csv;

    @Mixin
    JsonOption json;

    private final Function<R, String> text;

    /** @param text the result as people read it */
    StatsTableCommand(Function<R, String> text) {
        this.text = text;
    }

    /**
     * The statistic.
     *
     * @param read reads the {@code --csv} table; options that need no table are checked before it is read
     */
    abstract R compute(Supplier<CsvTable> read);

    @Override
    public Integer call() {
        R result = compute(() -> CsvTable.read(csv.get()));
        out().println(json.render(result, text.apply(result)));
        return 0;
    }
}
