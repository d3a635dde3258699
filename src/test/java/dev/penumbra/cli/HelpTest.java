package dev.penumbra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import java.util.ArrayList;
import java.util.List;
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
                .contains("evaluate", "Evaluate runs or other tools' predictions and write the report.")
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

    /** Every command of the hierarchy but picocli's {@code help}, by qualified name. */
    private static java.util.Map<String, CommandLine> commands() {
        java.util.Map<String, CommandLine> all = new java.util.LinkedHashMap<>();
        java.util.ArrayDeque<CommandLine> todo = new java.util.ArrayDeque<>(List.of(Main.commandLine()));
        while (!todo.isEmpty()) {
            CommandLine c = todo.pop();
            all.put(c.getCommandSpec().qualifiedName(), c);
            c.getSubcommands().forEach((name, sub) -> {
                if (!name.equals("help")) {
                    todo.add(sub);
                }
            });
        }
        return all;
    }

    /** Shell words of an example: split at spaces, single quotes kept together and removed. */
    private static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean quoted = false;
        for (char ch : line.toCharArray()) {
            if (ch == '\'') {
                quoted = !quoted;
            } else if (ch == ' ' && !quoted) {
                if (w.length() > 0) {
                    words.add(w.toString());
                    w.setLength(0);
                }
            } else {
                w.append(ch);
            }
        }
        assertThat(quoted).as("unbalanced quote in %s", line).isFalse();
        if (w.length() > 0) {
            words.add(w.toString());
        }
        return words;
    }

    @Test
    void everyCommandsHelpEndsWithExamplesThatParseAsThatCommand() {
        java.util.Map<String, CommandLine> commands = commands();
        assertThat(commands).containsKeys("penumbra", "penumbra train", "penumbra data check", "penumbra stats ttest");
        for (var e : commands.entrySet()) {
            String name = e.getKey();
            List<String> examples = HelpExamples.BY_COMMAND.get(name);
            assertThat(examples).as("examples of %s", name).isNotNull();
            boolean leaf = e.getValue().getSubcommands().isEmpty();
            assertThat(examples).as("examples of %s", name).hasSizeBetween(leaf ? 2 : 1, 3);

            Cli help = Cli.run((name.replaceFirst("^penumbra ?", "") + " --help").trim().split(" "));
            assertThat(help.exitCode()).isZero();
            String text = help.out();
            int at = text.indexOf("Examples:");
            assertThat(at).as("%s help has examples", name).isGreaterThan(text.indexOf("-h, --help"));
            for (String example : examples) {
                assertThat(text.substring(at)).contains("  " + example + System.lineSeparator());
                List<String> words = words(example);
                assertThat(words.get(0)).isEqualTo("penumbra");
                CommandLine cl = Main.commandLine();
                List<CommandLine> parsed = cl.parseArgs(words.subList(1, words.size()).toArray(String[]::new))
                        .asCommandLineList();
                String parsedName = parsed.get(parsed.size() - 1).getCommandSpec().qualifiedName();
                assertThat(parsedName).as(example).startsWith(name);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "train", "predict", "export", "evaluate", "active", "tune", "study", "data check"})
    void theWorkflowCommandsListEveryOptionUnderANamedGroup(String command) {
        CommandLine sub = Main.commandLine();
        for (String name : command.split(" ")) {
            sub = sub.getSubcommands().get(name);
        }
        for (CommandLine.Model.OptionSpec o : sub.getCommandSpec().options()) {
            assertThat(GroupedHelp.groupOf(o)).as("group of %s in %s", o.longestName(), command)
                    .isNotEqualTo(GroupedHelp.Group.OWN);
        }
    }

    @Test
    void trainsHelpHasAShortSynopsisAndItsOptionsInGroups() {
        String text = Cli.run("train", "--help").out();
        assertThat(text.lines().findFirst().orElseThrow()).isEqualTo("Usage: penumbra train --out=DIR [OPTIONS]");
        List<String> headings = text.lines().filter(l -> l.matches("[A-Z][a-z ]+:")).toList();
        assertThat(headings).containsExactly("Data:", "Model:", "Training:", "Sampling and evaluation:",
                "Run and resume:", "Output:", "Engine:", "General:", "Examples:");
        // model settings sit with the model, data reading with the data
        assertThat(text.indexOf("--beta=B")).isBetween(text.indexOf("Model:"), text.indexOf("Training:"));
        assertThat(text.indexOf("--layout=")).isBetween(text.indexOf("Data:"), text.indexOf("Model:"));
        assertThat(text).doesNotContain("[,W,W,").doesNotContain("--common.");
    }
}
