package dev.penumbra.data.layout;

import dev.penumbra.InputException;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The registry of dataset layouts by short name: {@code isic}, {@code isic-challenge}, {@code lidc},
 * {@code lidc-kohl}, {@code folder}.
 */
public final class DatasetLayouts {

    private static final List<DatasetLayout> ALL = List.of(new IsicLayout(), new IsicChallengeLayout(),
            new LidcLayout(), new KohlLidcLayout(), new FolderLayout());

    private DatasetLayouts() {
    }

    /** Every layout, in a fixed order. */
    public static List<DatasetLayout> all() {
        return ALL;
    }

    public static List<String> names() {
        return ALL.stream().map(DatasetLayout::name).toList();
    }

    /** @throws InputException for an unknown name, listing the valid ones */
    public static DatasetLayout byName(String name) {
        return ALL.stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow(() -> new InputException(
                "unknown --layout '" + name + "': expected one of " + String.join(", ", names())));
    }

    /**
     * The layout {@code forced} names, checked against {@code root}, or else the one layout that recognises
     * {@code root}.
     *
     * @throws InputException when the forced layout does not fit, or when no layout or more than one fits
     */
    public static DatasetLayout choose(Path root, Optional<String> forced) {
        if (forced.isPresent()) {
            DatasetLayout layout = byName(forced.get());
            if (!layout.recognises(root)) {
                throw new InputException("data folder " + root + " does not look like a " + layout.name()
                        + " dataset (--layout " + layout.name() + "): expected " + layout.expected(root));
            }
            return layout;
        }
        List<DatasetLayout> found = ALL.stream().filter(l -> l.recognises(root)).toList();
        if (found.isEmpty()) {
            throw new InputException("no known dataset layout in " + root + ":\n"
                    + ALL.stream().map(l -> "  " + l.name() + " expects " + l.expected(root))
                    .collect(Collectors.joining("\n")));
        }
        if (found.size() > 1) {
            throw new InputException("data folder " + root + " fits several layouts ("
                    + found.stream().map(DatasetLayout::name).collect(Collectors.joining(", "))
                    + "): give --layout to choose one");
        }
        return found.get(0);
    }
}
