package dev.penumbra.cli;

import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every command's help as a newcomer reads it: a short synopsis (the required options, then {@code [OPTIONS]}), the
 * options in groups (data, model, training, ...) instead of one alphabetical list, and real examples at the end
 * ({@link HelpExamples}). An option's group follows from the shared option class that declares it (e.g. every option
 * of {@link DataOptionsMixin} is a data option), from the model plug-ins for model settings, and otherwise from its
 * name, which has one meaning across commands; a command's own options that no group claims are listed first.
 */
final class GroupedHelp {

    private GroupedHelp() {
    }

    /** The groups, in the order the help lists them. */
    enum Group {
        OWN("Options"),
        DATA("Data"),
        MODEL("Model"),
        TRAINING("Training"),
        ACTIVE("Active learning"),
        SAMPLING("Sampling and evaluation"),
        RUN("Run and resume"),
        OUTPUT("Output"),
        ENGINE("Engine"),
        GENERAL("General");

        final String heading;

        Group(String heading) {
            this.heading = heading;
        }
    }

    private static final Map<String, Group> BY_NAME = Map.ofEntries(
            Map.entry("--data", Group.DATA), Map.entry("--split", Group.DATA), Map.entry("--run", Group.DATA),
            Map.entry("--runs", Group.DATA), Map.entry("--annotations", Group.DATA),
            Map.entry("--predictions", Group.DATA), Map.entry("--samples-glob", Group.DATA),
            Map.entry("--ignore-extra-predictions", Group.DATA),
            Map.entry("--csv", Group.DATA),
            Map.entry("--images", Group.DATA),
            Map.entry("--model", Group.MODEL), Map.entry("--models", Group.MODEL), Map.entry("--filters", Group.MODEL),
            Map.entry("--residual", Group.MODEL), Map.entry("--batch-norm", Group.MODEL),
            Map.entry("--class-weights", Group.MODEL), Map.entry("--tuned", Group.MODEL),
            Map.entry("--lr", Group.TRAINING), Map.entry("--max-epochs", Group.TRAINING),
            Map.entry("--max-steps", Group.TRAINING), Map.entry("--patience", Group.TRAINING),
            Map.entry("--ged-every", Group.TRAINING), Map.entry("--no-augment", Group.TRAINING),
            Map.entry("--grid", Group.TRAINING), Map.entry("--epochs", Group.TRAINING),
            Map.entry("--strategies", Group.ACTIVE), Map.entry("--seeds", Group.ACTIVE),
            Map.entry("--initial", Group.ACTIVE), Map.entry("--add", Group.ACTIVE), Map.entry("--rounds", Group.ACTIVE),
            Map.entry("--steps", Group.ACTIVE), Map.entry("--skip-active", Group.ACTIVE),
            Map.entry("--active-steps", Group.ACTIVE),
            Map.entry("--samples", Group.SAMPLING), Map.entry("--ged-samples", Group.SAMPLING),
            Map.entry("--pixels", Group.SAMPLING), Map.entry("--bootstrap", Group.SAMPLING),
            Map.entry("--calibration-bins", Group.SAMPLING), Map.entry("--estimator", Group.SAMPLING),
            Map.entry("--name", Group.OUTPUT),
            Map.entry("--preset", Group.RUN), Map.entry("--seed", Group.RUN), Map.entry("--resume", Group.RUN),
            Map.entry("--emit", Group.RUN), Map.entry("--collect", Group.RUN), Map.entry("--task", Group.RUN),
            Map.entry("--out", Group.OUTPUT), Map.entry("--json", Group.OUTPUT), Map.entry("--quiet", Group.OUTPUT),
            Map.entry("--threads", Group.ENGINE), Map.entry("--device", Group.ENGINE),
            Map.entry("--precision", Group.ENGINE),
            Map.entry("--help", Group.GENERAL), Map.entry("--version", Group.GENERAL),
            Map.entry("--checkpoint", Group.DATA), Map.entry("--overwrite", Group.OUTPUT));

    /**
     * Installs the grouped option list, the short synopsis and the examples on {@code cl}; picocli passes the
     * sections on to every subcommand.
     */
    static void install(CommandLine cl) {
        Map<String, CommandLine.IHelpSectionRenderer> sections = cl.getHelpSectionMap();
        sections.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_SYNOPSIS, GroupedHelp::synopsis);
        sections.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST, GroupedHelp::options);
        List<String> keys = new ArrayList<>(cl.getHelpSectionKeys());
        keys.add(keys.indexOf(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER), HelpExamples.SECTION_KEY);
        sections.put(HelpExamples.SECTION_KEY, help -> HelpExamples.render(help.commandSpec().qualifiedName()));
        cl.setHelpSectionKeys(keys);
        cl.setHelpSectionMap(sections);
    }

    /** The group an option of a command is listed under. */
    static Group groupOf(OptionSpec option) {
        String name = option.longestName();
        if (option.userObject() instanceof Field field) {
            Class<?> owner = field.getDeclaringClass();
            if (owner == DataOptionsMixin.class || owner == DataOption.class) {
                return Group.DATA;
            }
            if (owner == SamplingOptions.class) {
                return Group.SAMPLING;
            }
            if (owner == StepOptions.class) {
                return name.equals("--filters") ? Group.MODEL : Group.TRAINING;
            }
        } else if (ModelOptions.owners().containsKey(name.substring(2))) {
            return Group.MODEL;
        }
        return BY_NAME.getOrDefault(name, Group.OWN);
    }

    /** "penumbra train --out=DIR [OPTIONS]" (after "Usage: "): the required options and positionals only. */
    private static String synopsis(Help help) {
        CommandSpec spec = help.commandSpec();
        List<String> words = new ArrayList<>();
        boolean optional = false;
        for (OptionSpec o : spec.options()) {
            if (o.hidden()) {
                continue;
            }
            if (o.required()) {
                words.add(o.arity().max() > 0 ? o.longestName() + "=" + o.paramLabel() : o.longestName());
            } else {
                optional = true;
            }
        }
        if (optional) {
            words.add("[OPTIONS]");
        }
        for (PositionalParamSpec p : spec.positionalParameters()) {
            words.add(p.required() ? p.paramLabel() : "[" + p.paramLabel() + "]");
        }
        if (!spec.subcommands().isEmpty()) {
            words.add("[COMMAND]");
        }
        // wrapped at the help's width, continuation lines indented under the first option
        int width = spec.usageMessage().width();
        String indent = " ".repeat("Usage: ".length() + spec.qualifiedName().length() + 1);
        StringBuilder b = new StringBuilder(spec.qualifiedName());
        int column = "Usage: ".length() + b.length();
        for (String w : words) {
            if (column + 1 + w.length() > width) {
                b.append(System.lineSeparator()).append(indent).append(w);
                column = indent.length() + w.length();
            } else {
                b.append(' ').append(w);
                column += 1 + w.length();
            }
        }
        return b.append(System.lineSeparator()).toString();
    }

    /** The options, group by group, each group in alphabetical order as picocli sorts them. */
    private static String options(Help help) {
        Map<Group, List<OptionSpec>> grouped = new EnumMap<>(Group.class);
        for (OptionSpec o : help.commandSpec().options()) {
            if (!o.hidden()) {
                grouped.computeIfAbsent(groupOf(o), g -> new ArrayList<>()).add(o);
            }
        }
        Set<Group> present = grouped.keySet();
        StringBuilder b = new StringBuilder();
        Help.IParamLabelRenderer labels = help.createDefaultParamLabelRenderer();
        for (Group g : present) {
            List<OptionSpec> options = grouped.get(g);
            options.sort(Comparator.comparing(o -> o.longestName().replaceFirst("^-+", "")));
            Help.Layout layout = help.createDefaultLayout();
            for (OptionSpec o : options) {
                layout.addOption(o, labels);
            }
            b.append(System.lineSeparator()).append(g.heading).append(':').append(System.lineSeparator())
                    .append(layout);
        }
        return b.toString();
    }
}
