package dev.penumbra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class HelpTest {

    @Test
    void topLevelHelpListsEveryCommandWithItsSummary() {
        Cli r = Cli.run("--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Usage: penumbra")
                .contains("demo", "Run the main job on embedded synthetic data.")
                .contains("data", "Validate a dataset, or generate a synthetic one.")
                .contains("train", "Train a model into a new run folder.")
                .contains("predict", "Apply a trained run to a dataset split.")
                .contains("evaluate", "Evaluate trained runs on a dataset split and write the report.")
                .contains("Exit codes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "train", "predict", "bench", "data check", "data make-synthetic", "evaluate",
        "active", "tune", "study",
        "stats rmcorr", "stats ttest", "metrics ged"})
    void everySubcommandExplainsItselfAndItsOptions(String command) {
        String[] args = (command + " --help").split(" ");
        Cli r = Cli.run(args);
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Usage: penumbra " + command);
        CommandLine sub = Main.commandLine();
        for (String name : command.split(" ")) {
            sub = sub.getSubcommands().get(name);
        }
        assertThat(sub.getCommandSpec().usageMessage().description()).as("command description").isNotEmpty();
        for (CommandLine.Model.OptionSpec option : sub.getCommandSpec().options()) {
            assertThat(String.join(" ", option.description())).as("description of %s", option.longestName())
                    .isNotBlank();
            String name = option.longestName();
            assertThat(r.out()).containsAnyOf(name, "--[no-]" + name.substring(2));
        }
    }

    @Test
    void unknownCommandIsABadInput() {
        Cli r = Cli.run("frobnicate");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("frobnicate");
    }
}
