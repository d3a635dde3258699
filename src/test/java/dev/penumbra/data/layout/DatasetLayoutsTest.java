package dev.penumbra.data.layout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penumbra.data.DataFixtures;
import dev.penumbra.data.DataOptions;
import dev.penumbra.data.DatasetReader;
import dev.penumbra.data.Split;
import dev.penumbra.data.synthetic.SyntheticData;
import dev.penumbra.data.synthetic.SyntheticKind;
import dev.penumbra.data.synthetic.SyntheticOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Every fixture of every layout (named by the layout it must be detected as, then what it shows) is recognised by
 * exactly one layout, so detection never needs --layout.
 */
class DatasetLayoutsTest {

    private static Map<String, Consumer<Path>> fixtures() {
        Map<String, Consumer<Path>> f = new LinkedHashMap<>();
        f.put("isic", root -> DataFixtures.isic(root, new String[] {"a"}, new String[] {"b"}, new String[] {"c"}));
        f.put("isic unsplit", root -> {
            for (int i = 0; i < 3; i++) {
                DataFixtures.isicSample(root, "ISIC_" + i, 8, 8, DataFixtures.box(8, 8, 0, 2, 0, 2));
            }
        });
        f.put("lidc", root -> {
            for (Split s : Split.values()) {
                DataFixtures.lidcSample(root.resolve("LIDC_crops/LIDC_DLCV_version").resolve(s.folder()),
                        "LIDC-IDRI-000" + s.ordinal() + "_z-1.0_c0", 4);
            }
        });
        f.put("lidc unsplit", root -> {
            for (int i = 0; i < 3; i++) {
                DataFixtures.lidcSample(root, "LIDC-IDRI-000" + i + "_z-1.0_c0", 4);
            }
        });
        f.put("folder", root -> {
            for (Split s : Split.values()) {
                DataFixtures.folderSample(root.resolve(s.folder()), s.folder(), "ann1", "ann2");
            }
        });
        f.put("lidc synthetic ambiguous", root -> SyntheticData.write(SyntheticKind.AMBIGUOUS,
                new SyntheticOptions(16, 2, 1, 1, 1), root));
        f.put("isic synthetic unambiguous", root -> SyntheticData.write(SyntheticKind.UNAMBIGUOUS,
                new SyntheticOptions(16, 2, 1, 1, 1), root));
        f.put("lidc-kohl", PublishedFixtures::kohl);
        f.put("lidc-kohl split folders in root", root -> {
            for (Split s : Split.values()) {
                PublishedFixtures.kohlCrop(root.resolve(s.folder()), "P" + s.ordinal(), "z-1.0_c0", 4);
            }
        });
        f.put("lidc-kohl unsplit", root -> {
            for (int i = 0; i < 3; i++) {
                PublishedFixtures.kohlCrop(root, "P" + i, "z-1.0_c0", 4);
            }
        });
        f.put("isic-challenge", PublishedFixtures::isicChallenge);
        f.put("isic-challenge training only", root -> {
            for (int i = 0; i < 3; i++) {
                PublishedFixtures.isicImage(root, Split.TRAIN, "ISIC_000000" + i, 4, 6);
            }
        });
        return f;
    }

    @Test
    void everyFixtureFitsExactlyItsOwnLayout(@TempDir Path tmp) {
        for (Map.Entry<String, Consumer<Path>> e : fixtures().entrySet()) {
            Path root = DataFixtures.mkdirs(tmp.resolve(e.getKey().replace(' ', '-')));
            e.getValue().accept(root);
            String expected = e.getKey().split(" ")[0];
            assertThat(DatasetLayouts.all().stream().filter(l -> l.recognises(root)).map(DatasetLayout::name))
                    .as(e.getKey()).containsExactly(expected);
            assertThat(DatasetLayouts.choose(root, Optional.empty()).name()).as(e.getKey()).isEqualTo(expected);
            // and each reads: three non-empty splits
            var files = DatasetReader.scan(root, DataOptions.defaults());
            for (Split s : Split.values()) {
                assertThat(files.split(s)).as(e.getKey() + " " + s.folder()).isNotEmpty();
            }
        }
    }

    @Test
    void registryListsTheNewLayoutsByName() {
        assertThat(DatasetLayouts.names()).contains("isic", "isic-challenge", "lidc", "lidc-kohl", "folder");
    }
}
